import { describe, expect, it } from 'vitest';
import { getLayout } from '../../../../src/core/layouts';
import type { LayoutName, LoudspeakerChannel } from '../../../../src/core/layouts';
import type { AmbisonicNormalization } from '../../../../src/core/scene/ambisonicStem';
import { normalizationFactor, writeSphericalHarmonicsN3D } from '../../../../src/dsp/ambisonics/sphericalHarmonics';
import { createLayoutDecoders } from '../../../../src/render/ambisonics/ambisonicDecoders';
import { createLayoutPanner } from '../../../../src/render/buses/layoutPanners';

const RAD = Math.PI / 180;

const designed = new Map<LayoutName, ReturnType<typeof createLayoutDecoders>>();
function decodersOf(layoutName: LayoutName): ReturnType<typeof createLayoutDecoders> {
  let decoders = designed.get(layoutName);
  if (decoders === undefined) {
    decoders = createLayoutDecoders(createLayoutPanner(getLayout(layoutName)));
    designed.set(layoutName, decoders);
  }
  return decoders;
}

/** The loudspeaker gains of a plane wave from (azimuth, elevation) encoded at `order` in `normalization`: the decoder applied to its HOA signal. */
function planeWaveGains(layoutName: LayoutName, order: number, normalization: AmbisonicNormalization, azimuthDeg: number, elevationDeg: number): Float64Array {
  const layout = getLayout(layoutName);
  const decoders = decodersOf(layoutName);
  const components = (order + 1) ** 2;
  const y = new Float64Array(components);
  const x = Math.sin(-azimuthDeg * RAD) * Math.cos(elevationDeg * RAD);
  writeSphericalHarmonicsN3D(order, x, Math.cos(azimuthDeg * RAD) * Math.cos(elevationDeg * RAD), Math.sin(elevationDeg * RAD), y, new Float64Array(components));
  const out = new Float64Array(layout.channels.length);
  for (let acn = 0; acn < components; acn++) {
    const n = Math.floor(Math.sqrt(acn));
    const m = Math.abs(acn - n * n - n);
    // The signal in `normalization`: Y^N3D scaled to it.
    const signal = (y[acn]! * normalizationFactor(n, m, normalization)) / normalizationFactor(n, m, 'N3D');
    const gains = decoders({ kind: 'ambisonic', order, acn, normalization });
    for (let l = 0; l < out.length; l++) out[l] = out[l]! + gains[l]! * signal;
  }
  return out;
}

/** Per loudspeaker of the layout (LFE left out): its share of a plane wave's power from its own direction, and whether its gain is the largest. */
function ownShares(layoutName: LayoutName, order: number, normalization: AmbisonicNormalization): { label: string; share: number; largest: boolean }[] {
  const layout = getLayout(layoutName);
  return layout.channels.flatMap((ch, l) => {
    if (ch.isLfe) return [];
    const s = ch as LoudspeakerChannel;
    const g = planeWaveGains(layoutName, order, normalization, s.azimuthDeg, s.elevationDeg);
    const power = g.reduce((sum, v) => sum + v * v, 0);
    return [{ label: s.label, share: g[l]! ** 2 / power, largest: g.every((v) => v <= g[l]!) }];
  });
}

describe('HOA decoders: a plane wave encoded from a loudspeaker\'s direction', () => {
  // Measured: the smallest share 0.818 (0+5+0), 0.703 (4+5+0), 0.617 (4+7+0 M+/-030, 30 degrees from M+000).
  it.each([['0+5+0', 'SN3D'], ['4+5+0', 'N3D'], ['4+7+0', 'SN3D']] as const)('%s, order 3, %s: each loudspeaker has the largest gain and at least 0.6 of the power', (layoutName, normalization) => {
    for (const { label, share, largest } of ownShares(layoutName, 3, normalization)) {
      expect({ label, largest }).toEqual({ label, largest: true });
      expect(share).toBeGreaterThan(0.6);
    }
  });

  it('9+10+3, order 3: the largest gain at every loudspeaker but M+000, whose neighbours at +/-30 degrees are within order 3\'s beam; on average 0.5 of the power', () => {
    const shares = ownShares('9+10+3', 3, 'SN3D');
    // Measured: mean 0.568; M+000 0.178.
    expect(shares.filter((s) => !s.largest).map((s) => s.label)).toEqual(['M+000']);
    expect(shares.reduce((sum, s) => sum + s.share, 0) / shares.length).toBeGreaterThan(0.5);
  });

  it('4+7+0, order 1, FuMa: the largest gain at every loudspeaker, a wide first-order beam (shares 0.19 to 0.39, mean 0.32, against 0.81 at order 3)', () => {
    const first = ownShares('4+7+0', 1, 'FuMa');
    const third = ownShares('4+7+0', 3, 'SN3D');
    expect(first.every((s) => s.largest)).toBe(true);
    expect(Math.min(...first.map((s) => s.share))).toBeGreaterThan(0.15);
    const mean = (list: { share: number }[]): number => list.reduce((sum, s) => sum + s.share, 0) / list.length;
    expect(mean(first)).toBeLessThan(mean(third) - 0.3);
  });

  it('a plane wave\'s power averaged over the sphere is 1 (BS.2127\'s normalisation), the same in SN3D, N3D and FuMa', () => {
    // 400 directions of a Fibonacci lattice (not the 5200 the design uses): the mean within 2%.
    for (const normalization of ['SN3D', 'N3D', 'FuMa'] as const) {
      let total = 0;
      const count = 400;
      for (let k = 0; k < count; k++) {
        const z = 1 - (2 * (k + 0.5)) / count;
        const azimuthDeg = (((k * 137.50776405) % 360) + 360) % 360 - 180;
        const g = planeWaveGains('4+5+0', 1, normalization, azimuthDeg, Math.asin(z) / RAD);
        total += g.reduce((sum, v) => sum + v * v, 0);
      }
      expect(Math.abs(total / count - 1)).toBeLessThan(0.02);
    }
  });
});
