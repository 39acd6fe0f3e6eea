import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES, azimuthInRange, elevationInRange, getLayout } from '../../../src/core/layouts';

/**
 * Labels in BS.2051 order and dwChannelMask per layout (BS.2051-3 tables as EAR's
 * ear/core/data/2051_layouts.yaml has them; ksmedia.h SPEAKER_* bits; mask 0 where a
 * label has no bit of its own, src/core/data/README.md).
 */
const EXPECTED = {
  '0+2+0': { mask: 0x3, labels: ['M+030', 'M-030'] },
  // M+/-110 are the SIDE pair (0x600): 5.1 as Microsoft's 5POINT1_SURROUND and FFmpeg's "5.1"
  '0+5+0': { mask: 0x60f, labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'] },
  '2+5+0': { mask: 0x560f, labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110', 'U+030', 'U-030'] },
  '4+5+0': {
    mask: 0x2d60f,
    labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110', 'U+030', 'U-030', 'U+110', 'U-110'],
  },
  '4+5+1': {
    mask: 0,
    labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110', 'U+030', 'U-030', 'U+110', 'U-110', 'B+000'],
  },
  '3+7+0': {
    mask: 0,
    labels: ['M+000', 'M+030', 'M-030', 'U+045', 'U-045', 'M+090', 'M-090', 'M+135', 'M-135', 'UH+180', 'LFE1', 'LFE2'],
  },
  '4+9+0': {
    mask: 0,
    labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+090', 'M-090', 'M+135', 'M-135', 'U+045', 'U-045', 'U+135', 'U-135', 'M+SC', 'M-SC'],
  },
  '9+10+3': {
    mask: 0,
    labels: [
      'M+060', 'M-060', 'M+000', 'LFE1', 'M+135', 'M-135', 'M+030', 'M-030', 'M+180', 'LFE2', 'M+090', 'M-090',
      'U+045', 'U-045', 'U+000', 'T+000', 'U+135', 'U-135', 'U+090', 'U-090', 'U+180', 'B+000', 'B+045', 'B-045',
    ],
  },
  // M+/-090 SIDE (0x600), M+/-135 BACK (0x30)
  '0+7+0': { mask: 0x63f, labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+090', 'M-090', 'M+135', 'M-135'] },
  '4+7+0': {
    mask: 0x2d63f,
    labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+090', 'M-090', 'M+135', 'M-135', 'U+045', 'U-045', 'U+135', 'U-135'],
  },
  // U+/-090 take the TOP_FRONT bits (0x5000)
  '2+7+0': { mask: 0x563f, labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+090', 'M-090', 'M+135', 'M-135', 'U+090', 'U-090'] },
} as const;

const bitCount = (mask: number): number => mask.toString(2).replaceAll('0', '').length;

/** Nominal elevation of a BS.2051 layer: Middle 0, Upper 30, Upper high 45, Top 90, Bottom -30. */
const LAYER_ELEVATION_DEG: Readonly<Record<string, number>> = { M: 0, U: 30, UH: 45, T: 90, B: -30 };

describe('BS.2051 loudspeaker layouts', () => {
  it('has every layout the studio names', () => {
    expect([...LAYOUT_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(LAYOUT_NAMES)('%s: labels in BS.2051 order, channel count and dwChannelMask', (name) => {
    const layout = getLayout(name);
    const expected = EXPECTED[name];
    expect(layout.name).toBe(name);
    expect(layout.channels.map((c) => c.label)).toEqual(expected.labels);
    expect(layout.channelMask).toBe(expected.mask);
    if (layout.channelMask !== 0) expect(bitCount(layout.channelMask)).toBe(layout.channels.length);
  });

  it('has the trade names and BS.2051 system letters (none for 2+7+0, which BS.2051 does not define)', () => {
    expect(LAYOUT_NAMES.map((n) => `${getLayout(n).system ?? '-'} ${getLayout(n).commonName}`)).toEqual([
      'A 2.0',
      'B 5.1',
      'C 5.1.2',
      'D 5.1.4',
      'E 10.1',
      'F 10.2',
      'G 13.1',
      'H 22.2',
      'I 7.1',
      'J 7.1.4',
      '- 7.1.2',
    ]);
  });

  it.each(LAYOUT_NAMES)('%s: each loudspeaker sits where its label says, inside its allowed range; LFE flagged and unplaced', (name) => {
    for (const channel of getLayout(name).channels) {
      if (channel.isLfe) {
        expect(channel.label).toMatch(/^LFE\d$/);
        expect(channel).not.toHaveProperty('azimuthDeg');
        continue;
      }
      expect(azimuthInRange(channel.azimuthDeg, channel.azimuthRangeDeg)).toBe(true);
      expect(elevationInRange(channel.elevationDeg, channel.elevationRangeDeg)).toBe(true);
      if (channel.label === 'M+SC' || channel.label === 'M-SC') {
        // no nominal azimuth in BS.2051: 15 as EAR, anywhere from 5 to 60
        expect(Math.abs(channel.azimuthDeg)).toBe(15);
        expect(channel.azimuthRangeDeg).toEqual(channel.label === 'M+SC' ? [5, 60] : [-60, -5]);
        continue;
      }
      // label = layer, signed azimuth in 3 digits
      const match = /^(M|UH|U|T|B)([+-])(\d{3})$/.exec(channel.label);
      expect(match).not.toBeNull();
      const [, layer, sign, digits] = match ?? [];
      expect(channel.azimuthDeg).toBe(Number(`${sign}${digits}`));
      expect(channel.elevationDeg).toBe(LAYER_ELEVATION_DEG[layer!]);
    }
  });

  it('keeps BS.2051\'s allowed ranges, e.g. 5.1\'s surrounds 100 to 120 degrees and up to 15 up, 7.1.4\'s upper back 100 to 150', () => {
    const surround = getLayout('0+5+0').channels[4]!;
    expect(surround).toMatchObject({ label: 'M+110', azimuthRangeDeg: [100, 120], elevationRangeDeg: [0, 15] });
    const upperBack = getLayout('4+7+0').channels[11]!;
    expect(upperBack).toMatchObject({ label: 'U-135', azimuthRangeDeg: [-150, -100], elevationRangeDeg: [30, 55] });
  });

  it('reads azimuth ranges anticlockwise from min to max, so a range may span the back', () => {
    expect(azimuthInRange(175, [170, -170])).toBe(true);
    expect(azimuthInRange(-175, [170, -170])).toBe(true);
    expect(azimuthInRange(0, [170, -170])).toBe(false);
    expect(azimuthInRange(110, [100, 120])).toBe(true);
    expect(azimuthInRange(99.9, [100, 120])).toBe(false);
    expect(azimuthInRange(-180, [180, 180])).toBe(true);
  });

  it('is frozen', () => {
    const layout = getLayout('0+5+0');
    expect(Object.isFrozen(layout)).toBe(true);
    expect(Object.isFrozen(layout.channels)).toBe(true);
    expect(layout.channels.every((c) => Object.isFrozen(c))).toBe(true);
  });
});
