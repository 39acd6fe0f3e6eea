import { biquadResponse } from '../filters/biquad';
import type { LinearRamp } from '../filters/linearRamp';
import type { MidSideProcessor } from './midSideControl';

/**
 * Settled frequency response of the mid/side processor (midSideProcessor.ts), for offline
 * analysis of a mid/side stage in the frequency domain; not for the audio path.
 *
 * Once every glide has ended, the processor in the 'stereo' monitor mode is a linear
 * time-invariant 2x2 system. With M = (L+R)/sqrt2 and S = (L-R)/sqrt2 (midSide.ts):
 *   G_M(f) = gm MidLowShelf(f) MidHighShelf(f),
 *   G_S(f) = gs (1 + mix (HP(f)^2 - 1)) SideLowShelf(f) SideHighShelf(f),
 * where gm, gs are the mid and side gain ramps (gs includes width/100), mix the bass-mono
 * mix (1 when bass mono is on, 0 when off), HP the Butterworth high-pass section that the
 * crossover runs twice (HP^2, the Linkwitz-Riley high band), and a shelf counts only when
 * active (gain != 0 dB). The stereo decoder then gives
 *   L' = ((G_M+G_S)/2) L + ((G_M-G_S)/2) R,   R' = ((G_M-G_S)/2) L + ((G_M+G_S)/2) R.
 *
 * It reads the processor's current ramp values and filter coefficients, which are the
 * settled ones only when nothing glides: a processor fresh from
 * createMidSideProcessor({ params }) or resetMidSideProcessor, or one processed until its
 * glides ended and the coefficients were refreshed. It throws an Error otherwise rather
 * than describe a moment of a glide; ramps are not simulated.
 */

// Scratch for one biquad's response, one frequency's [GmRe, GmIm, GsRe, GsIm], and the
// high-pass response (allocated once: no allocation per frequency).
const sectionScratch = new Float64Array(2);
const responseScratch = new Float64Array(4);
const highPassScratch = new Float64Array(2);

/**
 * Writes, per frequency, the settled stereo matrix of the processor as 8 numbers
 * [aRe, aIm, bRe, bIm, cRe, cIm, dRe, dIm] with L' = a L + b R and R' = c L + d R
 * (a = d = (G_M+G_S)/2, b = c = (G_M-G_S)/2), frequency i at out[8 i].
 * Throws an Error if the monitor param is not 'stereo', if the processor is still gliding,
 * or if out.length is not 8 x frequencies.length.
 */
export function midSideStereoMatrix(processor: MidSideProcessor, frequencies: Float64Array | readonly number[], out: Float64Array): void {
  assertAnalysable(processor, 'midSideStereoMatrix');
  if (out.length !== 8 * frequencies.length) {
    throw new Error(
      `midSideStereoMatrix: out must hold 8 numbers per frequency (${8 * frequencies.length} for ${frequencies.length} frequencies), got ${out.length}`,
    );
  }
  const g = responseScratch;
  for (let i = 0; i < frequencies.length; i++) {
    writeMidSideResponse(processor, frequencies[i]!, g);
    const direct = 8 * i;
    const sumRe = (g[0]! + g[2]!) / 2;
    const sumIm = (g[1]! + g[3]!) / 2;
    const differenceRe = (g[0]! - g[2]!) / 2;
    const differenceIm = (g[1]! - g[3]!) / 2;
    out[direct] = sumRe; // a
    out[direct + 1] = sumIm;
    out[direct + 2] = differenceRe; // b
    out[direct + 3] = differenceIm;
    out[direct + 4] = differenceRe; // c
    out[direct + 5] = differenceIm;
    out[direct + 6] = sumRe; // d
    out[direct + 7] = sumIm;
  }
}

function assertAnalysable(processor: MidSideProcessor, caller: string): void {
  if (processor.params.monitor !== 'stereo') {
    throw new Error(`${caller}: the monitor is '${processor.params.monitor}'; only the 'stereo' decoder is an analysed render, not a solo`);
  }
  if (isGliding(processor)) {
    throw new Error(
      `${caller}: the processor is still gliding (a ramp or a coefficient update is pending); analyse one created with its params, reset, or processed until its glides end`,
    );
  }
}

function isGliding(processor: MidSideProcessor): boolean {
  const perSample: readonly LinearRamp[] = [
    processor.midGain,
    processor.sideGain,
    processor.bassMonoMix,
    processor.monitorMid,
    processor.monitorSideLeft,
    processor.monitorSideRight,
  ];
  return (
    processor.coefficientsStale ||
    perSample.some((ramp) => ramp.remaining !== 0) ||
    processor.coefficientRamps.some((ramp) => ramp.remaining !== 0)
  );
}

/** [GmRe, GmIm, GsRe, GsIm] at one frequency, from the current (settled) values. */
function writeMidSideResponse(processor: MidSideProcessor, frequencyHz: number, out: Float64Array): void {
  const fs = processor.sampleRateHz;
  out[0] = processor.midGain.value;
  out[1] = 0;
  multiplyByShelf(out, 0, processor.midLowShelf, frequencyHz, fs);
  multiplyByShelf(out, 0, processor.midHighShelf, frequencyHz, fs);

  out[2] = processor.sideGain.value;
  out[3] = 0;
  multiplyByBassMono(out, 2, processor, frequencyHz);
  multiplyByShelf(out, 2, processor.sideLowShelf, frequencyHz, fs);
  multiplyByShelf(out, 2, processor.sideHighShelf, frequencyHz, fs);
}

/** Bass mono, as the processor mixes it: S <- S + mix (HP^2 S - S). */
function multiplyByBassMono(out: Float64Array, at: number, processor: MidSideProcessor, frequencyHz: number): void {
  const mix = processor.bassMonoMix.value;
  if (mix === 0) return;
  const hp = highPassScratch;
  biquadResponse(processor.bassMonoCoefficients, frequencyHz, processor.sampleRateHz, hp);
  const squaredRe = hp[0]! * hp[0]! - hp[1]! * hp[1]!;
  const squaredIm = 2 * hp[0]! * hp[1]!;
  multiplyAt(out, at, 1 + mix * (squaredRe - 1), mix * squaredIm);
}

/** A shelf at 0 dB is bypassed by the processor, so it counts only when active. */
function multiplyByShelf(
  out: Float64Array,
  at: number,
  shelf: MidSideProcessor['midLowShelf'],
  frequencyHz: number,
  sampleRateHz: number,
): void {
  if (shelf.gainDb.value === 0) return;
  biquadResponse(shelf.coefficients, frequencyHz, sampleRateHz, sectionScratch);
  multiplyAt(out, at, sectionScratch[0]!, sectionScratch[1]!);
}

/** (out[at] + j out[at+1]) *= (re + j im). */
function multiplyAt(out: Float64Array, at: number, re: number, im: number): void {
  const xr = out[at]!;
  const xi = out[at + 1]!;
  out[at] = xr * re - xi * im;
  out[at + 1] = xr * im + xi * re;
}
