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

/** The valid parts with Data.IR of M x 2 x N samples `sample(flat index)`, and M source positions on the horizon. */
function withIr(directions: number, length: number, sample: (index: number) => number): SofaParts {
  const parts = withVariable('Data.IR', { values: Float64Array.from({ length: directions * 2 * length }, (_, i) => sample(i)), shape: [directions, 2, length] });
  const positions = Float64Array.from({ length: directions * 3 }, (_, i) => (i % 3 === 0 ? (360 * Math.floor(i / 3)) / directions : i % 3 === 1 ? 0 : 1.5));
  return { ...parts, variables: { ...parts.variables, SourcePosition: { ...parts.variables.SourcePosition!, values: positions, shape: [directions, 3] } } };
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
    ['zero Data.SamplingRate', () => withVariable('Data.SamplingRate', { values: Float64Array.of(0), shape: [1] }), /^bad\.sofa: Data\.SamplingRate: expected a whole number of hertz from 8000 to 384000, got 0$/],
    ['NaN Data.SamplingRate', () => withVariable('Data.SamplingRate', { values: Float64Array.of(Number.NaN), shape: [1] }), /^bad\.sofa: Data\.SamplingRate: expected a whole number of hertz from 8000 to 384000, got NaN$/],
    ['two sampling rates', () => withVariable('Data.SamplingRate', { values: Float64Array.of(48000, 48000), shape: [2] }), /^bad\.sofa: Data\.SamplingRate: expected a single value/],
    ['sampling rate in kHz', () => withVariable('Data.SamplingRate', { values: Float64Array.of(48), shape: [1], attributes: { Units: 'kilohertz' } }), /^bad\.sofa: Data\.SamplingRate:Units: expected "hertz"/],
    ['SourcePosition rows != M', () => withVariable('SourcePosition', { values: new Float64Array(9), shape: [3, 3], attributes: { Type: 'spherical', Units: 'degree, degree, metre' } }), /^bad\.sofa: SourcePosition: expected M x 3 = \[4, 3\], got \[3, 3\]$/],
    ['SourcePosition in radians', () => withVariable('SourcePosition', { values: new Float64Array(12).fill(1), shape: [4, 3], attributes: { Type: 'spherical', Units: 'radian, radian, metre' } }), /^bad\.sofa: SourcePosition:Units: expected "degree, degree, metre"/],
    ['negative Data.Delay', () => withVariable('Data.Delay', { values: Float64Array.of(-1, 0), shape: [1, 2] }), /^bad\.sofa: Data\.Delay: expected delays from 0 to 480 samples \(at most 10 ms, and IRs of N \+ delay at most 32768 samples\), got -1$/],
    ['listener looking left', () => withVariable('ListenerView', { values: Float64Array.of(0, 1, 0), shape: [1, 3], attributes: { Type: 'cartesian' } }), /^bad\.sofa: ListenerView\[0\]: only a listener looking to the front/],
    ['non-finite IR sample', () => {
      const parts = validSofaParts();
      const ir = parts.variables['Data.IR']!;
      const values = ir.values.slice();
      values[5] = Number.POSITIVE_INFINITY;
      return withVariable('Data.IR', { ...ir, values });
    }, /^bad\.sofa: Data\.IR\[0\]\[0\]\[5\]: expected a finite sample within float32's range \(\+-3\.4e38\), got Infinity$/],
    // Issue 12 reproducers: each was read before (the first three then ran past 120 s, burned 76 s and 900 MB, or failed unnamed in preparation).
    ['1e9 Hz Data.SamplingRate', () => withVariable('Data.SamplingRate', { values: Float64Array.of(1e9), shape: [1] }), /^bad\.sofa: Data\.SamplingRate: expected a whole number of hertz from 8000 to 384000, got 1000000000$/],
    ['1 Hz Data.SamplingRate', () => withVariable('Data.SamplingRate', { values: Float64Array.of(1), shape: [1] }), /^bad\.sofa: Data\.SamplingRate: expected a whole number of hertz from 8000 to 384000, got 1$/],
    ['a delay of one second', () => withVariable('Data.Delay', { values: Float64Array.of(0, 48000), shape: [1, 2] }), /^bad\.sofa: Data\.Delay: expected delays from 0 to 480 samples .*, got 48000$/],
    ['one measurement', () => withIr(1, TEST_IR_LENGTH, (i) => (i % TEST_IR_LENGTH === 0 ? 1 : 0)), /^bad\.sofa: Data\.IR: expected M from 3 to 12000 measurements \(the interpolation triangulates the sphere between at least 3 directions\), got \[1, 2, 16\]$/],
    ['12,001 measurements', () => withIr(12_001, 1, () => 1), /^bad\.sofa: Data\.IR: expected M from 3 to 12000 measurements .*, got \[12001, 2, 1\]$/],
    ['IRs of 32,769 samples', () => withIr(4, 32_769, () => 1), /^bad\.sofa: Data\.IR: expected N from 1 to 32768 samples and M x R x N at most 16777216 values, got \[4, 2, 32769\]$/],
    ['all-zero IRs', () => withIr(4, TEST_IR_LENGTH, () => 0), /^bad\.sofa: Data\.IR\[0\]\[0\]: expected a measured response, got 16 zeros$/],
    ['one silent ear', () => withIr(4, TEST_IR_LENGTH, (i) => (i >= 5 * TEST_IR_LENGTH && i < 6 * TEST_IR_LENGTH ? 0 : 0.5)), /^bad\.sofa: Data\.IR\[2\]\[1\]: expected a measured response, got 16 zeros$/],
    ['an IR sample overflowing float32', () => withIr(4, TEST_IR_LENGTH, (i) => (i === 37 ? 1e39 : 0.5)), /^bad\.sofa: Data\.IR\[1\]\[0\]\[5\]: expected a finite sample within float32's range \(\+-3\.4e38\), got 1e\+39$/],
    ['a NaN IR sample', () => withIr(4, TEST_IR_LENGTH, (i) => (i === 3 ? Number.NaN : 0.5)), /^bad\.sofa: Data\.IR\[0\]\[0\]\[3\]: expected a finite sample within float32's range \(\+-3\.4e38\), got NaN$/],
  ];
  for (const [label, make, message] of cases) {
    it(label, async () => {
      const made = make();
      const bytes = made instanceof Uint8Array ? made : await writeSofa(made);
      await expect(readSofaHrirs(bytes, 'bad.sofa')).rejects.toThrow(message);
    });
  }
});
