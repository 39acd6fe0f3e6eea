import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNMIX_LEVELS, loRoDownmix, ltRtDownmix } from '../../../../src/core/outputs/downmixOutputs';
import { outputById } from '../../../../src/core/outputs/outputCatalog';
import { loudspeakerOutput } from '../../../../src/core/outputs/studioOutputs';
import { applyDownmix } from '../../../../src/render/downmix/downmix';
import { createDownmixStage } from '../../../../src/render/downmix/downmixStage';
import { gaussianNoise } from '../../../support/prng';

const RATE = 48000;
const FIVE_ONE = loudspeakerOutput('5.1', '5.1', '0+5+0');
/** The network's bound (dsp/filters/quadratureAllPass.test.ts measures 0.24 degrees at 48 kHz). */
const PHASE_TOLERANCE_DEG = 0.3;

/** Gain and phase (radians) of the sine at `frequencyHz` in the last `frames` samples of `signal`, by least squares. */
function fitSine(signal: Float32Array, frequencyHz: number, frames: number): { gain: number; phase: number } {
  let ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
  for (let n = signal.length - frames; n < signal.length; n++) {
    const w = (2 * Math.PI * frequencyHz * n) / RATE;
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

/** Runs the Lt/Rt stage over 5.1 channels (L R C LFE Ls Rs) in chunks of `chunk` frames; returns Lt and Rt. */
function encode(channels: readonly Float32Array[], chunk = 128): [Float32Array, Float32Array] {
  const stage = createDownmixStage(ltRtDownmix(FIVE_ONE, 'ltrt', DEFAULT_DOWNMIX_LEVELS), RATE, chunk);
  const frames = channels[0]!.length;
  const out: [Float32Array, Float32Array] = [new Float32Array(frames), new Float32Array(frames)];
  for (let at = 0; at < frames; at += chunk) {
    const count = Math.min(chunk, frames - at);
    stage.process(channels.map((c) => c.subarray(at, at + count)), count);
    out[0].set(stage.block[0]!.subarray(0, count), at);
    out[1].set(stage.block[1]!.subarray(0, count), at);
  }
  return out;
}

function sineIn(label: number, frequencyHz: number, frames: number): Float32Array[] {
  return Array.from({ length: 6 }, (_, c) => {
    const channel = new Float32Array(frames);
    if (c === label) for (let n = 0; n < frames; n++) channel[n] = Math.sin((2 * Math.PI * frequencyHz * n) / RATE);
    return channel;
  });
}

describe('the Lt/Rt stage', () => {
  it('puts a surround 90 degrees behind a front channel, at -3 dB, opposite in Lt and Rt, measured 50 Hz - 16 kHz', () => {
    const frames = 3 * RATE;
    const fit = Math.round(0.25 * RATE);
    for (const frequencyHz of [50, 200, 1000, 5000, 16000]) {
      const [ltFront] = encode(sineIn(0, frequencyHz, frames));
      const [ltSurround, rtSurround] = encode(sineIn(4, frequencyHz, frames));
      const front = fitSine(ltFront, frequencyHz, fit);
      const lt = fitSine(ltSurround, frequencyHz, fit);
      const rt = fitSine(rtSurround, frequencyHz, fit);
      expect(Math.abs(front.gain - 1)).toBeLessThan(1e-4);
      expect(Math.abs(lt.gain - Math.SQRT1_2)).toBeLessThan(1e-4);
      expect(Math.abs(rt.gain - Math.SQRT1_2)).toBeLessThan(1e-4);
      // Rt = +s B[S] lags the fronts by 90 degrees; Lt = -s B[S] is its opposite.
      let lagDeg = ((front.phase - rt.phase) * 180) / Math.PI;
      lagDeg -= 360 * Math.round((lagDeg - 90) / 360);
      expect(Math.abs(lagDeg - 90)).toBeLessThan(PHASE_TOLERANCE_DEG);
      for (let n = frames - fit; n < frames; n++) expect(ltSurround[n]).toBe(-rtSurround[n]!);
    }
  });

  it('cancels the surrounds in the mono sum (Lt + Rt) and leaves the LFE out', () => {
    const frames = 4096;
    const surrounds = Array.from({ length: 6 }, (_, c) => (c >= 3 ? gaussianNoise(frames, c) : new Float32Array(frames)));
    const [lt, rt] = encode(surrounds);
    // LFE (channel 3) is noise too: with it dropped and Ls, Rs opposite, Lt + Rt is exactly 0.
    for (let n = 0; n < frames; n++) expect(lt[n]! + rt[n]!).toBe(0);
  });

  it('keeps a centre in phase in both (Lt - Rt = 0 exactly), so a passive decoder steers it to the front', () => {
    const centre = Array.from({ length: 6 }, (_, c) => (c === 2 ? gaussianNoise(4096, 30) : new Float32Array(4096)));
    const [lt, rt] = encode(centre);
    expect(lt).toEqual(rt);
    expect(Math.max(...lt.map(Math.abs))).toBeGreaterThan(0.1);
  });

  it('gives the same samples whatever the chunk size (1, 127, 128, 129, 512 frames)', () => {
    const frames = 2048;
    const input = Array.from({ length: 6 }, (_, c) => gaussianNoise(frames, 10 + c));
    const reference = encode(input, 128);
    for (const chunk of [1, 127, 129, 512]) {
      const [lt, rt] = encode(input, chunk);
      expect(lt).toEqual(reference[0]);
      expect(rt).toEqual(reference[1]);
    }
  });
});

describe('a plain downmix stage', () => {
  it('is its matrix (Lo/Ro), with no filter and no tail', () => {
    const input = Array.from({ length: 6 }, (_, c) => gaussianNoise(256, 20 + c));
    const loRo = loRoDownmix(FIVE_ONE, 'loro', DEFAULT_DOWNMIX_LEVELS);
    const stage = createDownmixStage(loRo, RATE, 256);
    stage.process(input, 256);
    const expected = [new Float32Array(256), new Float32Array(256)];
    applyDownmix(loRo.matrix, input, expected, 256);
    expect(stage.block).toEqual(expected);
    expect(stage.tailFrames).toBe(0);
  });
});

describe('the chain 7.1.4 -> 5.1 -> Lo/Ro -> mono, each stage on the previous one\'s block', () => {
  it('takes a signal in U+045 alone to L at 0.707 (top fold), Lo at 0.707 and mono at 0.5 (-3 dB law); in M+135 alone to Ls 1, Lo 0.707, mono 0.5', () => {
    const settings = { monoLaw: '-3dB' as const, hrtfSet: 'test', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };
    const mono = outputById('7.1.4-to-mono', settings);
    if (mono.kind !== 'downmix' || mono.from.kind !== 'downmix' || mono.from.from.kind !== 'downmix') throw new Error('expected a chain of downmixes');
    const loRo = mono.from;
    const fold = loRo.from as typeof loRo;
    const source = fold.from;
    const stages = [fold, loRo, mono].map((output) => createDownmixStage(output as typeof loRo, RATE, 128));
    for (const [label, expected] of [['U+045', [Math.SQRT1_2, Math.SQRT1_2, 0.5]], ['M+135', [1, Math.SQRT1_2, 0.5]]] as const) {
      const input = source.channels.map((channel) => new Float32Array(128).fill(channel.label === label ? 1 : 0));
      let block: readonly Float32Array[] = input;
      const reached = stages.map((stage) => {
        stage.process(block, 128);
        block = stage.block;
        // The channel the signal reaches: L (M+030) or Ls (M+110) of 5.1, Lo of Lo/Ro, the mono channel.
        return Math.max(...block.map((channel) => channel[0]!));
      });
      reached.forEach((value, k) => expect(Math.abs(value - expected[k]!)).toBeLessThan(1e-6));
    }
  });
});
