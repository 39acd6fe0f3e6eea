import { describe, expect, it } from 'vitest';
import { monitorOutput } from '../../../../src/core/outputs/monitorOutputs';
import { unitVector } from '../../../../src/dsp/panners/pointSourcePanner';
import { speakerGainsOf } from '../../../../src/render/buses/outputGains';
import { loudspeakerOutput } from '../../../../src/core/outputs/studioOutputs';
import { parseUserLayoutJson } from '../../../../src/core/userLayout';
import { readFileSync } from 'node:fs';

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

  it('has no loudspeakers for binaural', () => {
    expect(speakerGainsOf(monitorOutput('binaural', '-3dB'), 0, 1, 0)).toBeNull();
  });
});
