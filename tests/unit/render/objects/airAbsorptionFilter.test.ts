import { describe, expect, it } from 'vitest';
import { AIR_SECTIONS, AIR_PARAMETERS, airAbsorptionSections, sectionsResponseDb } from '../../../../src/render/objects/airAbsorptionDesign';
import { airAbsorptionTable } from '../../../../src/render/objects/airAbsorptionTables';
import {
  createAirAbsorptionFilter,
  processAirAbsorption,
  resetAirAbsorptionFilter,
  setAirAbsorptionDistance,
} from '../../../../src/render/objects/airAbsorptionFilter';
import type { AirAbsorptionFilter } from '../../../../src/render/objects/airAbsorptionFilter';
import { RENDER_BLOCK_FRAMES } from '../../../../src/render/renderBlock';

const RATE = 48000;

/** Runs `input` through `filter` block by block, calling `distanceAt(block)` first. */
function run(filter: AirAbsorptionFilter, input: Float64Array, distanceAt: (block: number) => number): Float32Array {
  const out = new Float32Array(input.length);
  const block = new Float32Array(RENDER_BLOCK_FRAMES);
  for (let b = 0; b * RENDER_BLOCK_FRAMES < input.length; b++) {
    setAirAbsorptionDistance(filter, distanceAt(b));
    filter.block.set(input.subarray(b * RENDER_BLOCK_FRAMES, (b + 1) * RENDER_BLOCK_FRAMES));
    processAirAbsorption(filter, block);
    out.set(block, b * RENDER_BLOCK_FRAMES);
  }
  return out;
}

/** The direct-form difference equation of the cascade of H_k(z) = g (1 + c1 z^-1 + c2 z^-2) / (1 - 2 r cos(theta) z^-1 + r^2 z^-2): an independent reference. */
function directForm(sections: Float64Array, input: Float64Array): Float64Array {
  let signal = Float64Array.from(input);
  for (let k = 0; k < AIR_SECTIONS; k++) {
    const [r, theta, c1, c2] = sections.subarray(k * 4, (k + 1) * 4);
    const a1 = -2 * r! * Math.cos(theta!);
    const a2 = r! * r!;
    const g = (1 + a1 + a2) / (1 + c1! + c2!);
    const out = new Float64Array(signal.length);
    for (let n = 0; n < signal.length; n++) {
      const x = (i: number): number => (i >= 0 ? signal[i]! : 0);
      const y = (i: number): number => (i >= 0 ? out[i]! : 0);
      out[n] = g * (x(n) + c1! * x(n - 1) + c2! * x(n - 2)) - a1 * y(n - 1) - a2 * y(n - 2);
    }
    signal = out;
  }
  return signal;
}

const rms = (x: ArrayLike<number>, from: number): number => {
  let sum = 0;
  for (let i = from; i < x.length; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum / (x.length - from));
};

describe('air absorption filter (coupled-form second-order sections)', () => {
  it('equals the direct-form difference equation of its sections, across blocks (float32 output: 1e-6)', () => {
    const filter = createAirAbsorptionFilter(RATE);
    const input = Float64Array.from({ length: 6 * RENDER_BLOCK_FRAMES }, (_, n) => (n === 0 ? 1 : 0) + Math.sin(n * 0.37) + 0.5 * Math.sin(n * 0.05));
    for (const distanceM of [0.3, 9, 200, 999]) {
      resetAirAbsorptionFilter(filter);
      const out = run(filter, input, () => distanceM);
      const sections = new Float64Array(AIR_PARAMETERS);
      airAbsorptionSections(airAbsorptionTable(RATE), distanceM, sections);
      const reference = directForm(sections, input);
      for (let n = 0; n < out.length; n++) expect(Math.abs(out[n]! - reference[n]!), `${distanceM} m, sample ${n}`).toBeLessThan(1e-6);
    }
  });

  it('passes a tone at the level of its sections\' response (within 0.01 dB): 4 kHz at 999 m loses about 29.6 dB', () => {
    const filter = createAirAbsorptionFilter(RATE);
    const frames = 40 * RENDER_BLOCK_FRAMES;
    const tone = Float64Array.from({ length: frames }, (_, n) => Math.sin((2 * Math.PI * 4000 * n) / RATE));
    const out = run(filter, tone, () => 999);
    const sections = new Float64Array(AIR_PARAMETERS);
    airAbsorptionSections(airAbsorptionTable(RATE), 999, sections);
    const measuredDb = 20 * Math.log10(rms(out, frames / 2) / rms(tone, frames / 2));
    expect(Math.abs(measuredDb - sectionsResponseDb(sections, 4000, RATE))).toBeLessThan(0.01);
    expect(measuredDb).toBeLessThan(-28.5);
  });

  it('is the identity within the reference distance, exactly', () => {
    const filter = createAirAbsorptionFilter(RATE);
    const input = Float64Array.from({ length: 3 * RENDER_BLOCK_FRAMES }, (_, n) => Math.sin(n * 0.9));
    const out = run(filter, input, () => 0);
    for (let n = 0; n < out.length; n++) expect(out[n]).toBe(Math.fround(input[n]!));
  });

  it('makes no step while an object moves: a 1 kHz sine swept from 0 to 999 m and back changes by no more from one sample to the next than the sine itself (plus 5 %)', () => {
    const filter = createAirAbsorptionFilter(RATE);
    const blocks = 4 * Math.round(RATE / RENDER_BLOCK_FRAMES);
    const input = Float64Array.from({ length: blocks * RENDER_BLOCK_FRAMES }, (_, n) => Math.sin((2 * Math.PI * 1000 * n) / RATE));
    // Out to 999 m in one second and back, through the bypass within the reference distance; fast movement, 26 m per block at most.
    const distanceAt = (b: number): number => 999 * Math.sin((Math.PI * b) / (blocks / 2)) ** 2;
    const out = run(filter, input, distanceAt);
    let inputStep = 0;
    let outputStep = 0;
    for (let n = 1; n < out.length; n++) {
      inputStep = Math.max(inputStep, Math.abs(input[n]! - input[n - 1]!));
      outputStep = Math.max(outputStep, Math.abs(out[n]! - out[n - 1]!));
    }
    expect(outputStep).toBeLessThan(1.05 * inputStep);
    // And it follows the distance: at 999 m the 1 kHz tone is about 4.7 dB down (within 0.5 dB of the static filter's level).
    const peakBlock = blocks / 4;
    const around = out.subarray((peakBlock - 8) * RENDER_BLOCK_FRAMES, (peakBlock + 8) * RENDER_BLOCK_FRAMES);
    const sections = new Float64Array(AIR_PARAMETERS);
    airAbsorptionSections(airAbsorptionTable(RATE), 999, sections);
    expect(Math.abs(20 * Math.log10(rms(around, 0) * Math.SQRT2) - sectionsResponseDb(sections, 1000, RATE))).toBeLessThan(0.5);
  });

  for (const sampleRateHz of [44100, 48000, 88200, 96000]) {
    it(`makes no step (5 %) when an object is moved from 1 m to 1 km and back at once (the renderer glides there, 1 - e^(-128 / (0.02 rate)) of the way per block), at ${sampleRateHz} Hz`, () => {
      const filter = createAirAbsorptionFilter(sampleRateHz);
      const glide = 1 - Math.exp(-RENDER_BLOCK_FRAMES / (0.02 * sampleRateHz));
      const blocks = 800;
      const input = Float64Array.from({ length: blocks * RENDER_BLOCK_FRAMES }, (_, n) => Math.sin((2 * Math.PI * 1000 * n) / sampleRateHz));
      let distanceM = 0;
      const out = run(filter, input, (b) => {
        distanceM += glide * ((b < blocks / 2 ? 999 : 0) - distanceM);
        return distanceM < 1e-5 ? 0 : distanceM;
      });
      let inputStep = 0;
      let outputStep = 0;
      for (let n = 1; n < out.length; n++) {
        inputStep = Math.max(inputStep, Math.abs(input[n]! - input[n - 1]!));
        outputStep = Math.max(outputStep, Math.abs(out[n]! - out[n - 1]!));
      }
      expect(outputStep).toBeLessThan(1.05 * inputStep);
    });
  }

  it('stays stable while the distance jumps anywhere every block: the output stays finite and decays to silence once the input stops', () => {
    const filter = createAirAbsorptionFilter(RATE);
    let seed = 1;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const blocks = 2000;
    const input = Float64Array.from({ length: blocks * RENDER_BLOCK_FRAMES }, (_, n) => (n < (blocks - 100) * RENDER_BLOCK_FRAMES ? 2 * random() - 1 : 0));
    const out = run(filter, input, () => (random() < 0.1 ? 0 : 1000 * random() ** 3));
    expect(out.every((y) => Number.isFinite(y))).toBe(true);
    expect(rms(out, out.length - RENDER_BLOCK_FRAMES)).toBeLessThan(1e-9);
  });
});
