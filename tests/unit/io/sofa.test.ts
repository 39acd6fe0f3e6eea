import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSofaHrirs } from '../../../src/io/sofa';
import { KEMAR_SOFA_NAME, directionIndex, energy, hrir, readKemar } from '../dsp/hrtf/hrtfTestSupport';
import { TEST_IR_LENGTH, validSofaParts, writeSofa } from './sofaWriter';
import type { SofaParts, SofaVariable } from './sofaWriter';

function withVariable(name: string, variable: SofaVariable | undefined): SofaParts {
  const parts = validSofaParts();
  return { ...parts, variables: { ...parts.variables, [name]: variable } };
}

function withGlobal(name: string, value: string): SofaParts {
  const parts = validSofaParts();
  return { ...parts, globals: { ...parts.globals, [name]: value } };
}

async function readParts(parts: SofaParts): ReturnType<typeof readSofaHrirs> {
  return readSofaHrirs(await writeSofa(parts), 'bad.sofa');
}

/** Index of the largest |sample|. */
function peakIndex(response: Float32Array): number {
  let best = 0;
  response.forEach((value, n) => {
    if (Math.abs(value) > Math.abs(response[best]!)) best = n;
  });
  return best;
}

describe('readSofaHrirs on MIT KEMAR', () => {
  it('reads 710 directions of 512 taps at 44100 Hz, elevations -40..90 (exact)', async () => {
    const set = await readKemar();
    expect(set.name).toBe('MIT KEMAR, normal pinna');
    expect(set.sampleRateHz).toBe(44100);
    expect(set.directionCount).toBe(710);
    expect(set.irLength).toBe(512);
    expect(set.left.length).toBe(710 * 512);
    expect(set.right.length).toBe(710 * 512);
    expect(Math.min(...set.elevationDeg)).toBe(-40);
    expect(Math.max(...set.elevationDeg)).toBe(90);
    for (const azimuth of set.azimuthDeg) expect(azimuth > -180 && azimuth <= 180).toBe(true);
    for (const distance of set.distanceM) expect(distance).toBeCloseTo(1.4, 9);
  });

  it('refuses the file cut short, naming it', async () => {
    const bytes = new Uint8Array(readFileSync(new URL(`../../../${KEMAR_SOFA_NAME}`, import.meta.url)));
    await expect(readSofaHrirs(bytes.subarray(0, 500_000), 'cut.sofa')).rejects.toThrow(/^cut\.sofa: expected an AES69 SOFA file, but HDF5 could not open it \(File has been truncated\)$/);
  });

  it('has positive azimuths on the left: at +90 the left ear is >= 6 dB louder and >= 0.45 ms earlier, mirrored at -90', async () => {
    const set = await readKemar();
    const n = set.irLength;
    const left90 = directionIndex(set, 90, 0);
    const right90 = directionIndex(set, -90, 0);
    const levelDb = (d: number): number => 10 * Math.log10(energy(hrir(set.left, d, n)) / energy(hrir(set.right, d, n)));
    const leadSec = (d: number): number => (peakIndex(hrir(set.right, d, n)) - peakIndex(hrir(set.left, d, n))) / set.sampleRateHz;
    expect(levelDb(left90)).toBeGreaterThan(6);
    expect(leadSec(left90)).toBeGreaterThan(0.45e-3);
    expect(levelDb(right90)).toBeLessThan(-6);
    expect(leadSec(right90)).toBeLessThan(-0.45e-3);
  });
});

describe('readSofaHrirs on small files', () => {
  it('reads a valid file: ears, azimuths wrapped into (-180, 180], name from GLOBAL:Title', async () => {
    const set = await readParts(validSofaParts());
    expect(set.name).toBe('test set');
    expect(set.sampleRateHz).toBe(48000);
    expect(set.irLength).toBe(TEST_IR_LENGTH);
    expect(Array.from(set.azimuthDeg)).toEqual([0, 90, 180, -90]);
    expect(set.left[2 * TEST_IR_LENGTH + 2]).toBe(1);
    expect(set.right[2 * TEST_IR_LENGTH + 3]).toBe(0.5);
  });

  it('converts cartesian source positions (x front, y left, z up) to the same directions (1e-9 deg)', async () => {
    const set = await readParts(
      withVariable('SourcePosition', {
        values: Float64Array.of(2, 0, 0, 0, 2, 0, -2, 0, 0, 1, -1, Math.SQRT2),
        shape: [4, 3],
        attributes: { Type: 'cartesian', Units: 'metre' },
      }),
    );
    const expected = [[0, 0, 2], [90, 0, 2], [180, 0, 2], [-45, 45, 2]] as const;
    expected.forEach(([azimuth, elevation, distance], d) => {
      expect(set.azimuthDeg[d]).toBeCloseTo(azimuth, 9);
      expect(set.elevationDeg[d]).toBeCloseTo(elevation, 9);
      expect(set.distanceM[d]).toBeCloseTo(distance, 9);
    });
  });

  it('adds Data.Delay in whole samples (M x R and 1 x R)', async () => {
    const perDirection = await readParts(
      withVariable('Data.Delay', { values: Float64Array.of(0, 0, 2, 5, 0, 0, 0, 0), shape: [4, 2] }),
    );
    const length = perDirection.irLength;
    expect(length).toBe(TEST_IR_LENGTH + 5);
    expect(perDirection.left[length + 1 + 2]).toBe(1);
    expect(perDirection.right[length + 2 + 5]).toBe(0.5);
    expect(perDirection.left[0]).toBe(1);

    const shared = await readParts(withVariable('Data.Delay', { values: Float64Array.of(3, 3), shape: [1, 2] }));
    expect(shared.irLength).toBe(TEST_IR_LENGTH + 3);
    expect(shared.left[3]).toBe(1);
  });

  it('takes an absent Data.Delay as zero', async () => {
    const set = await readParts(withVariable('Data.Delay', undefined));
    expect(set.irLength).toBe(TEST_IR_LENGTH);
  });
});

describe('readSofaHrirs refuses bad files, naming the file and the field', () => {
  const cases: [string, () => SofaParts | Uint8Array, RegExp][] = [
    ['not an HDF5 file', () => new TextEncoder().encode('just some text, not HDF5'), /^bad\.sofa: .*HDF5/],
    ['wrong convention', () => withGlobal('SOFAConventions', 'GeneralFIR'), /^bad\.sofa: GLOBAL:SOFAConventions: expected "SimpleFreeFieldHRIR", got "GeneralFIR"$/],
    ['not SOFA', () => withGlobal('Conventions', 'netCDF'), /^bad\.sofa: GLOBAL:Conventions: expected "SOFA"/],
    ['three receivers (R != 2)', () => withVariable('Data.IR', { values: new Float64Array(4 * 3 * 8), shape: [4, 3, 8] }), /^bad\.sofa: Data\.IR: expected R = 2 .* got \[4, 3, 8\]$/],
    ['two-dimensional Data.IR', () => withVariable('Data.IR', { values: new Float64Array(8 * 16), shape: [8, 16] }), /^bad\.sofa: Data\.IR: expected dimensions M x R x N, got \[8, 16\]$/],
    ['missing Data.SamplingRate', () => withVariable('Data.SamplingRate', undefined), /^bad\.sofa: Data\.SamplingRate: missing/],
    ['zero Data.SamplingRate', () => withVariable('Data.SamplingRate', { values: Float64Array.of(0), shape: [1] }), /^bad\.sofa: Data\.SamplingRate: expected a positive sample rate in hertz, got 0$/],
    ['NaN Data.SamplingRate', () => withVariable('Data.SamplingRate', { values: Float64Array.of(Number.NaN), shape: [1] }), /^bad\.sofa: Data\.SamplingRate: expected a positive sample rate in hertz, got NaN$/],
    ['two sampling rates', () => withVariable('Data.SamplingRate', { values: Float64Array.of(48000, 48000), shape: [2] }), /^bad\.sofa: Data\.SamplingRate: expected a single value/],
    ['sampling rate in kHz', () => withVariable('Data.SamplingRate', { values: Float64Array.of(48), shape: [1], attributes: { Units: 'kilohertz' } }), /^bad\.sofa: Data\.SamplingRate:Units: expected "hertz"/],
    ['SourcePosition rows != M', () => withVariable('SourcePosition', { values: new Float64Array(9), shape: [3, 3], attributes: { Type: 'spherical', Units: 'degree, degree, metre' } }), /^bad\.sofa: SourcePosition: expected M x 3 = \[4, 3\], got \[3, 3\]$/],
    ['SourcePosition in radians', () => withVariable('SourcePosition', { values: new Float64Array(12).fill(1), shape: [4, 3], attributes: { Type: 'spherical', Units: 'radian, radian, metre' } }), /^bad\.sofa: SourcePosition:Units: expected "degree, degree, metre"/],
    ['negative Data.Delay', () => withVariable('Data.Delay', { values: Float64Array.of(-1, 0), shape: [1, 2] }), /^bad\.sofa: Data\.Delay: expected delays from 0 to 48000 samples \(one second\), got -1$/],
    ['listener looking left', () => withVariable('ListenerView', { values: Float64Array.of(0, 1, 0), shape: [1, 3], attributes: { Type: 'cartesian' } }), /^bad\.sofa: ListenerView\[0\]: only a listener looking to the front/],
    ['non-finite IR sample', () => {
      const parts = validSofaParts();
      const ir = parts.variables['Data.IR']!;
      const values = ir.values.slice();
      values[5] = Number.POSITIVE_INFINITY;
      return withVariable('Data.IR', { ...ir, values });
    }, /^bad\.sofa: Data\.IR: expected finite samples, got Infinity at flat index 5$/],
  ];
  for (const [label, make, message] of cases) {
    it(label, async () => {
      const made = make();
      const bytes = made instanceof Uint8Array ? made : await writeSofa(made);
      await expect(readSofaHrirs(bytes, 'bad.sofa')).rejects.toThrow(message);
    });
  }
});
