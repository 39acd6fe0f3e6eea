import { describe, expect, it } from 'vitest';
import { createAllPassChain, designQuadratureNetwork, processAllPassChain } from '../../../../src/dsp/filters/quadratureAllPass';

/**
 * The 90-degree network measured as a listener's meter would: a sine through each chain,
 * the steady state fitted by least squares to a sin + b cos over its last 0.25 s, giving
 * each chain's gain and phase. Claimed: leading minus lagging phase = 90 degrees within
 * PHASE_TOLERANCE_DEG from 20 Hz to 20 kHz, gain 1 (all-pass) within GAIN_TOLERANCE.
 */
const PHASE_TOLERANCE_DEG = 0.3;
/** Float32 signals: the fit is good to about 1e-6. */
const GAIN_TOLERANCE = 1e-4;
const FREQUENCIES_HZ = [20, 31.5, 50, 100, 250, 500, 1000, 2000, 4000, 8000, 12500, 16000, 20000];

/** Gain and phase (radians) of `signal`'s sine at `frequencyHz` over its last `frames` samples. */
function fitSine(signal: Float32Array, frequencyHz: number, sampleRateHz: number, frames: number): { gain: number; phase: number } {
  let ss = 0;
  let cc = 0;
  let sc = 0;
  let ys = 0;
  let yc = 0;
  for (let n = signal.length - frames; n < signal.length; n++) {
    const w = (2 * Math.PI * frequencyHz * n) / sampleRateHz;
    const s = Math.sin(w);
    const c = Math.cos(w);
    ss += s * s;
    cc += c * c;
    sc += s * c;
    ys += signal[n]! * s;
    yc += signal[n]! * c;
  }
  const det = ss * cc - sc * sc;
  const a = (ys * cc - yc * sc) / det;
  const b = (yc * ss - ys * sc) / det;
  return { gain: Math.hypot(a, b), phase: Math.atan2(b, a) };
}

function throughChain(coefficients: Float64Array, frequencyHz: number, sampleRateHz: number, frames: number): Float32Array {
  const signal = new Float32Array(frames);
  for (let n = 0; n < frames; n++) signal[n] = Math.sin((2 * Math.PI * frequencyHz * n) / sampleRateHz);
  const chain = createAllPassChain(coefficients);
  // In blocks of 128, as the renderer runs it.
  for (let at = 0; at < frames; at += 128) processAllPassChain(chain, signal.subarray(at, at + 128), Math.min(128, frames - at));
  return signal;
}

describe('designQuadratureNetwork', () => {
  for (const sampleRateHz of [44100, 48000, 96000]) {
    it(`holds 90 degrees within ${PHASE_TOLERANCE_DEG} degrees from 20 Hz to 20 kHz at ${sampleRateHz} Hz, measured`, () => {
      const design = designQuadratureNetwork(sampleRateHz);
      // The lowest corner is a fraction of a hertz: 4 s lets its transient die away.
      const frames = 4 * sampleRateHz;
      const fitFrames = Math.round(0.25 * sampleRateHz);
      let worstDeg = 0;
      for (const frequencyHz of FREQUENCIES_HZ) {
        const leading = fitSine(throughChain(design.leading, frequencyHz, sampleRateHz, frames), frequencyHz, sampleRateHz, fitFrames);
        const lagging = fitSine(throughChain(design.lagging, frequencyHz, sampleRateHz, frames), frequencyHz, sampleRateHz, fitFrames);
        expect(Math.abs(leading.gain - 1)).toBeLessThan(GAIN_TOLERANCE);
        expect(Math.abs(lagging.gain - 1)).toBeLessThan(GAIN_TOLERANCE);
        let differenceDeg = ((leading.phase - lagging.phase) * 180) / Math.PI;
        differenceDeg -= 360 * Math.round((differenceDeg - 90) / 360);
        worstDeg = Math.max(worstDeg, Math.abs(differenceDeg - 90));
      }
      expect(worstDeg).toBeLessThan(PHASE_TOLERANCE_DEG);
    });
  }

});
