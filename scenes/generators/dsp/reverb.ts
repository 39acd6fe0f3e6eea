/**
 * A small synthetic stereo reverb after Schroeder and Moorer: per bank, parallel
 * feedback combs with a one-pole low-pass in each loop (high frequencies die sooner, as
 * in air and on soft walls) followed by series all-passes that thicken the echo density
 * (J. A. Moorer, "About this reverberation business", Computer Music Journal 3(2), 1979).
 *
 * Two comb banks hear the same mono sum of the input, through different, mutually
 * incommensurate delay lengths, so their tails A and B are decorrelated. The outputs are
 * their sum and difference, L = (A + B) / sqrt 2 and R = (A - B) / sqrt 2: for a tonal
 * input one bank may ring louder than the other at that pitch, and the matrix keeps the
 * two channels at the same level anyway (their correlation is then
 * (|A|^2 - |B|^2) / (|A|^2 + |B|^2), near 0 for a broadband input).
 */
export interface ReverbConfig {
  /** RT60: time for the comb loops to fall by 60 dB. */
  readonly decaySec: number;
  /** Cutoff of the low-pass inside each comb loop. */
  readonly dampingHz: number;
}

interface DelayLine {
  readonly buffer: Float32Array;
  index: number;
}

interface Comb extends DelayLine {
  readonly feedback: number;
  lowpassState: number;
}

interface CombBank {
  readonly combs: Comb[];
  readonly allpasses: DelayLine[];
}

export interface StereoReverb {
  readonly banks: readonly [CombBank, CombBank];
  readonly dampingCoefficient: number;
}

const COMB_DELAYS_MS: readonly [readonly number[], readonly number[]] = [
  [25.9, 28.3, 29.7, 32.3, 34.1, 36.7, 38.9, 41.3],
  [26.6, 27.5, 30.5, 31.6, 35.0, 37.4, 39.8, 42.2],
];
const ALLPASS_DELAYS_MS: readonly [readonly number[], readonly number[]] = [
  [3.1, 5.3, 7.9, 12.1],
  [3.4, 5.7, 8.4, 11.6],
];
/** Schroeder's all-pass gain: dense without audible ringing. */
const ALLPASS_GAIN = 0.6;

function delayLine(delayMs: number, sampleRateHz: number): DelayLine {
  return { buffer: new Float32Array(Math.max(1, Math.round((delayMs * sampleRateHz) / 1000))), index: 0 };
}

function createBank(combMs: readonly number[], allpassMs: readonly number[], config: ReverbConfig, sampleRateHz: number): CombBank {
  return {
    // A loop of length D that loses 60 dB in decaySec has gain 10^(-3 D / decaySec).
    combs: combMs.map((ms) => ({
      ...delayLine(ms, sampleRateHz),
      feedback: 10 ** ((-3 * ms) / 1000 / config.decaySec),
      lowpassState: 0,
    })),
    allpasses: allpassMs.map((ms) => delayLine(ms, sampleRateHz)),
  };
}

export function createStereoReverb(config: ReverbConfig, sampleRateHz: number): StereoReverb {
  return {
    banks: [
      createBank(COMB_DELAYS_MS[0], ALLPASS_DELAYS_MS[0], config, sampleRateHz),
      createBank(COMB_DELAYS_MS[1], ALLPASS_DELAYS_MS[1], config, sampleRateHz),
    ],
    dampingCoefficient: 1 - Math.exp((-2 * Math.PI * config.dampingHz) / sampleRateHz),
  };
}

/** Runs one damped comb over `input`, adding its output into `wet`. */
function processComb(comb: Comb, input: Float32Array, wet: Float32Array, damping: number): void {
  const { buffer, feedback } = comb;
  let { index, lowpassState } = comb;
  for (let i = 0; i < input.length; i++) {
    const delayed = buffer[index] ?? 0;
    lowpassState += damping * (delayed - lowpassState);
    buffer[index] = (input[i] ?? 0) + feedback * lowpassState;
    index = index + 1 === buffer.length ? 0 : index + 1;
    wet[i] = (wet[i] ?? 0) + delayed;
  }
  comb.index = index;
  comb.lowpassState = lowpassState;
}

/** Runs one Schroeder all-pass over `signal` in place. */
function processAllpass(allpass: DelayLine, signal: Float32Array): void {
  const { buffer } = allpass;
  let { index } = allpass;
  for (let i = 0; i < signal.length; i++) {
    const delayed = buffer[index] ?? 0;
    const fed = (signal[i] ?? 0) + ALLPASS_GAIN * delayed;
    buffer[index] = fed;
    index = index + 1 === buffer.length ? 0 : index + 1;
    signal[i] = delayed - ALLPASS_GAIN * fed;
  }
  allpass.index = index;
}

/**
 * Adds the reverberation of the input pair, times `wetGain`, into the output pair.
 * All four arrays have the same length; the state carries over between calls.
 */
export function processStereoReverb(
  reverb: StereoReverb,
  inputs: readonly [Float32Array, Float32Array],
  outputs: readonly [Float32Array, Float32Array],
  wetGain: number,
): void {
  const [inLeft, inRight] = inputs;
  const mono = new Float32Array(inLeft.length);
  for (let i = 0; i < mono.length; i++) mono[i] = 0.5 * ((inLeft[i] ?? 0) + (inRight[i] ?? 0));
  const [tailA, tailB] = reverb.banks.map((bank) => {
    const wet = new Float32Array(mono.length);
    for (const comb of bank.combs) processComb(comb, mono, wet, reverb.dampingCoefficient);
    for (const allpass of bank.allpasses) processAllpass(allpass, wet);
    return wet;
  });
  const [outLeft, outRight] = outputs;
  if (!tailA || !tailB) return;
  const gain = (wetGain * Math.SQRT1_2) / COMB_DELAYS_MS[0].length;
  for (let i = 0; i < mono.length; i++) {
    const a = tailA[i] ?? 0;
    const b = tailB[i] ?? 0;
    outLeft[i] = (outLeft[i] ?? 0) + gain * (a + b);
    outRight[i] = (outRight[i] ?? 0) + gain * (a - b);
  }
}
