import { describe, expect, it } from 'vitest';
import { airAttenuationDbPerM } from '../../../../src/render/objects/airAbsorption';
import {
  AIR_FILTER_TAPS,
  AIR_LINE_BLOCK_START,
  airAbsorptionDesigner,
  airAbsorptionTaps,
  createAirAbsorptionFilter,
  designAirAbsorption,
  processAirAbsorption,
  setAirAbsorptionDistance,
} from '../../../../src/render/objects/airAbsorptionFilter';
import { RENDER_BLOCK_FRAMES } from '../../../../src/render/renderBlock';

/** |H(f)| of the taps in dB (the DTFT of the FIR). */
function responseDb(taps: Float64Array, count: number, frequencyHz: number, sampleRateHz: number): number {
  const w = (2 * Math.PI * frequencyHz) / sampleRateHz;
  let re = 0;
  let im = 0;
  for (let n = 0; n < count; n++) {
    re += taps[n]! * Math.cos(w * n);
    im -= taps[n]! * Math.sin(w * n);
  }
  return 10 * Math.log10(re * re + im * im);
}

describe('air absorption filter (minimum-phase FIR following alpha(f) d)', () => {
  for (const sampleRateHz of [44100, 48000]) {
    it(`follows -alpha(f) d within 0.2 dB wherever the loss is at most 30 dB, for d up to 1 km, designed or interpolated from the table, at ${sampleRateHz} Hz`, () => {
      const designer = airAbsorptionDesigner(sampleRateHz);
      const taps = new Float64Array(AIR_FILTER_TAPS);
      // Designed exactly, and interpolated between table entries (the renderer's taps: 0.03 m, 9 m, 99 m... fall between entries).
      const methods = [designAirAbsorption, airAbsorptionTaps];
      for (const [distanceM, method] of [1, 9, 99, 300, 999, 0.03, 2.5, 47].flatMap((d) => methods.map((m) => [d, m] as const))) {
        const count = method(designer, distanceM, taps);
        for (const frequencyHz of [63, 125, 250, 440, 1000, 2000, 4000, 8000, 12000, 16000]) {
          const lossDb = airAttenuationDbPerM(frequencyHz) * distanceM;
          if (lossDb > 30) continue;
          const gotDb = responseDb(taps, count, frequencyHz, sampleRateHz);
          expect(Math.abs(gotDb + lossDb), `${distanceM} m, ${frequencyHz} Hz: ${gotDb.toFixed(3)} dB, theory ${(-lossDb).toFixed(3)}`).toBeLessThan(0.2);
        }
        // 0 dB at DC exactly (the taps sum to 1).
        expect(Math.abs(responseDb(taps, count, 0, sampleRateHz))).toBeLessThan(1e-9);
      }
    });
  }

  it('is the identity within the reference distance, and short for a near object (fewer taps than for a far one)', () => {
    const designer = airAbsorptionDesigner(48000);
    const taps = new Float64Array(AIR_FILTER_TAPS);
    expect(designAirAbsorption(designer, 0, taps)).toBe(1);
    expect(taps[0]).toBe(1);
    const near = designAirAbsorption(designer, 2, taps);
    const far = designAirAbsorption(designer, 500, taps);
    expect(near).toBeLessThan(far);
    expect(far).toBeLessThanOrEqual(AIR_FILTER_TAPS);
  });

  it('processes blocks as one long convolution, and crossfades over one block when the distance changes (no step beyond the two outputs)', () => {
    const filter = createAirAbsorptionFilter(48000);
    setAirAbsorptionDistance(filter, 200);
    const blocks = 6;
    const input = Float64Array.from({ length: blocks * RENDER_BLOCK_FRAMES }, (_, n) => Math.sin(n * 0.37) + 0.5 * Math.sin(n * 0.05));
    const out = new Float32Array(blocks * RENDER_BLOCK_FRAMES);
    const block = new Float32Array(RENDER_BLOCK_FRAMES);
    for (let b = 0; b < blocks; b++) {
      for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) filter.line[AIR_LINE_BLOCK_START + i] = input[b * RENDER_BLOCK_FRAMES + i]!;
      processAirAbsorption(filter, block);
      out.set(block, b * RENDER_BLOCK_FRAMES);
    }
    // Direct convolution with the same taps (float32 output rounding: 1e-6).
    for (let n = 0; n < out.length; n++) {
      let y = 0;
      for (let k = 0; k < filter.tapCount && k <= n; k++) y += filter.taps[k]! * input[n - k]!;
      expect(Math.abs(out[n]! - y)).toBeLessThan(1e-6);
    }
    // A change of distance: the block blends from the old filter's output to the new one's.
    const before = Float64Array.from(filter.taps);
    const beforeCount = filter.tapCount;
    const history = Float64Array.from(filter.line);
    setAirAbsorptionDistance(filter, 400);
    for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) filter.line[AIR_LINE_BLOCK_START + i] = 1;
    history.set(filter.line.subarray(AIR_LINE_BLOCK_START), AIR_LINE_BLOCK_START);
    processAirAbsorption(filter, block);
    for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) {
      const at = AIR_LINE_BLOCK_START + i;
      let oldY = 0;
      let newY = 0;
      for (let k = 0; k < beforeCount; k++) oldY += before[k]! * history[at - k]!;
      for (let k = 0; k < filter.tapCount; k++) newY += filter.taps[k]! * history[at - k]!;
      const w = (i + 1) / RENDER_BLOCK_FRAMES;
      expect(Math.abs(block[i]! - (oldY + w * (newY - oldY)))).toBeLessThan(1e-6);
    }
  });
});
