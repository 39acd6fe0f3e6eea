import { describe, expect, it } from 'vitest';
import { monitorOutput } from '../../../../src/core/outputs/monitorOutputs';
import { unitVector } from '../../../../src/dsp/panners/pointSourcePanner';
import { speakerGainsOf } from '../../../../src/render/buses/outputGains';
import { loudspeakerOutput } from '../../../../src/core/outputs/studioOutputs';
import { parseUserLayoutJson } from '../../../../src/core/userLayout';
import { readFileSync } from 'node:fs';
import { getLayout } from '../../../../src/core/layouts';
import { createObjectValues } from '../../../../src/core/scene/objectValues';
import { createLayoutObjectGains } from '../../../../src/dsp/panners/objectGains/layoutObjectGains';
import { DEFAULT_OBJECT_BLOCK } from '../../../../src/dsp/panners/objectGains/objectBlock';
import type { ObjectBlock } from '../../../../src/dsp/panners/objectGains/objectBlock';
import { computeObjectGains, createObjectGains } from '../../../../src/dsp/panners/objectGains/objectGainCalculator';

/** Gains of a source at (azimuth, elevation) in the loudspeakers of monitor choice `id`. */
function gainsAt(id: string, azimuthDeg: number, elevationDeg = 0): number[] {
  const [x, y, z] = unitVector(azimuthDeg, elevationDeg);
  return Array.from(speakerGainsOf(monitorOutput(id, '-3dB'), x, y, z)!);
}

/** Float64 panning arithmetic: exact values within 1e-12. */
const EXACT = 1e-12;

describe('speakerGainsOf (the stage\'s numbers)', () => {
  it('lights only M+110 of 5.1 for a source there (BS.2127 point source on a loudspeaker: gain 1)', () => {
    const gains = gainsAt('5.1', 110);
    gains.forEach((g, c) => expect(g).toBeCloseTo(c === 4 ? 1 : 0, 12));
  });

  it('gives a layout on headphones its layout\'s gains, power-normalised between two loudspeakers', () => {
    const gains = gainsAt('binaural-7.1.4', 15);
    expect(gains).toHaveLength(12);
    const power = gains.reduce((sum, g) => sum + g * g, 0);
    expect(Math.abs(power - 1)).toBeLessThan(EXACT);
    expect(gains[0]).toBeGreaterThan(0.1); // M+030
    expect(gains[2]).toBeGreaterThan(0.1); // M+000
  });

  it('folds through the downmix chain: M+135 of 7.1.4 lands in Ls of 5.1 at 1, in Lo at s = 0.7071 (-3 dB), in mono at 0.7071 x 0.7071', () => {
    const fold = gainsAt('7.1.4-to-5.1', 135);
    expect(Math.abs(fold[4]! - 1)).toBeLessThan(EXACT);
    const loRo = gainsAt('7.1.4-to-loro', 135);
    expect(Math.abs(loRo[0]! - Math.SQRT1_2)).toBeLessThan(EXACT);
    expect(loRo[1]).toBeLessThan(EXACT);
    const mono = gainsAt('7.1.4-to-mono', 135);
    expect(Math.abs(mono[0]! - 0.5)).toBeLessThan(EXACT);
  });

  it('adds Lt/Rt\'s 90-degree surround path in quadrature: M+110 of 5.1 is s = 0.7071 in both Lt and Rt', () => {
    const ltRt = gainsAt('5.1-to-ltrt', 110);
    expect(Math.abs(ltRt[0]! - Math.SQRT1_2)).toBeLessThan(EXACT);
    expect(Math.abs(ltRt[1]! - Math.SQRT1_2)).toBeLessThan(EXACT);
  });

  it('pans on a user layout\'s real angles: a source at 95 degrees (Studio B\'s M+090) is in M+090 alone', () => {
    const file = 'tests/fixtures/layouts/studio-b-7.1.4.json';
    const output = { ...loudspeakerOutput('studio-b', 'Studio B', '4+7+0'), layout: parseUserLayoutJson(readFileSync(file, 'utf8'), file) };
    const [x, y, z] = unitVector(95, 0);
    const gains = Array.from(speakerGainsOf(output, x, y, z)!);
    gains.forEach((g, c) => expect(Math.abs(g - (c === 4 ? 1 : 0)), `channel ${c}`).toBeLessThan(EXACT));
  });

  it('lights more of 7.1.4 for a 90 x 30 degree extent than for a point, each gain the calculator\'s sqrt(direct^2 + diffuse^2) within 1e-12', () => {
    const values = { ...createObjectValues(), width: 90, height: 30, diffuse: 0.4 };
    const [x, y, z] = unitVector(20, 10);
    const wide = Array.from(speakerGainsOf(monitorOutput('7.1.4', '-3dB'), x, y, z, values)!);
    const point = gainsAt('7.1.4', 20, 10);
    const lit = (gains: number[]): number => gains.filter((g) => g > 1e-3).length;
    expect(lit(point)).toBeLessThanOrEqual(4);
    expect(lit(wide)).toBeGreaterThan(lit(point));
    const calculator = createLayoutObjectGains(getLayout('4+7+0'));
    const out = createObjectGains(calculator);
    const block: ObjectBlock = { ...DEFAULT_OBJECT_BLOCK, position: { azimuth: 20, elevation: 10, distance: 1 }, width: 90, height: 30, diffuse: 0.4 };
    computeObjectGains(calculator, block, out);
    wide.forEach((g, c) => expect(Math.abs(g - Math.hypot(out.direct[c]!, out.diffuse[c]!)), `channel ${c}`).toBeLessThan(EXACT));
    // Direct and diffuse together keep the power of a unit-gain object: 1 within float rounding.
    expect(Math.abs(wide.reduce((sum, g) => sum + g * g, 0) - 1)).toBeLessThan(1e-9);
  });

  it('lights the diverged sources\' loudspeakers: divergence 0.5 over +/-30 degrees at the front of 5.1 puts power in M+030 and M-030 besides M+000, as the calculator gives (1e-12)', () => {
    const values = { ...createObjectValues(), objectDivergence: { value: 0.5, azimuthRange: 30 } };
    const gains = Array.from(speakerGainsOf(monitorOutput('5.1', '-3dB'), 0, 1, 0, values)!);
    const calculator = createLayoutObjectGains(getLayout('0+5+0'));
    const out = createObjectGains(calculator);
    computeObjectGains(calculator, { ...DEFAULT_OBJECT_BLOCK, objectDivergence: { value: 0.5, azimuthRange: 30, positionRange: 0 } }, out);
    gains.forEach((g, c) => expect(Math.abs(g - Math.hypot(out.direct[c]!, out.diffuse[c]!)), `channel ${c}`).toBeLessThan(EXACT));
    expect(gains[0]).toBeGreaterThan(0.1); // M+030
    expect(gains[1]).toBeGreaterThan(0.1); // M-030
    expect(gains[2]).toBeGreaterThan(0.1); // M+000
    expect(gainsAt('5.1', 0).filter((g) => g > 1e-3)).toHaveLength(1);
  });

  it('sums a downmix\'s diffuse parts by power: a fully diffuse source in 5.1 folds to mono with power (L^2 + R^2 + 2 (0.7071 C)^2 + (0.7071 Ls)^2 + (0.7071 Rs)^2) g^2', () => {
    const values = { ...createObjectValues(), diffuse: 1 };
    const [x, y, z] = unitVector(0, 0);
    const fold = Array.from(speakerGainsOf(monitorOutput('5.1', '-3dB'), x, y, z, values)!);
    const mono = speakerGainsOf(monitorOutput('5.1-to-mono', '-3dB'), x, y, z, values)![0]!;
    // Lo = L + 0.7071 C + 0.7071 Ls, Ro likewise, mono = (Lo + Ro) / sqrt 2; diffuse channels add as powers.
    const [l, r, c, , ls, rs] = fold as [number, number, number, number, number, number];
    const expected = Math.sqrt((l ** 2 + r ** 2 + 2 * 0.5 * c ** 2 + 0.5 * ls ** 2 + 0.5 * rs ** 2) / 2);
    expect(Math.abs(mono - expected)).toBeLessThan(EXACT);
  });

  it('pans a Cartesian object allocentrically at its X, Y, Z: the front-left corner of 5.1\'s room is M+030 alone', () => {
    const values = { ...createObjectValues(), cartesian: true, X: -1, Y: 1, Z: 0 };
    const gains = Array.from(speakerGainsOf(monitorOutput('5.1', '-3dB'), 0, 1, 0, values)!);
    gains.forEach((g, c) => expect(Math.abs(g - (c === 0 ? 1 : 0)), `channel ${c}`).toBeLessThan(EXACT));
  });

  it('has no loudspeakers for binaural', () => {
    expect(speakerGainsOf(monitorOutput('binaural', '-3dB'), 0, 1, 0)).toBeNull();
  });
});
