import { DENORMAL_FLUSH } from '../filters/biquad';
import { advanceLinearRamp } from '../filters/linearRamp';
import type { LinearRamp } from '../filters/linearRamp';
import { MID_SIDE_SCALE } from './midSide';
import { bassMonoActive, isMidSidePassThrough, shelfActive, updateMidSideCoefficients } from './midSideControl';
import type { MidSideProcessor } from './midSideControl';

/**
 * Stereo mid/side processor, for one source or the master bus: the per-sample loop. Its
 * state, parameters, ramp targets and filter coefficients are midSideControl.ts's.
 *
 * Signal flow per sample (M/S convention of midSide.ts: M = (L+R)/sqrt2, S = (L-R)/sqrt2):
 *   1. M, S from L, R.
 *   2. Bass mono: S <- S + mix (HP4(S) - S), HP4 the high band of a fourth-order
 *      Linkwitz-Riley crossover at bassMonoCutoffHz (filters/linkwitzRiley.ts): the side
 *      below the crossover is removed at 24 dB/octave (-38 dB at a third of the cutoff),
 *      above it kept at unit gain with the crossover's all-pass phase. Only S is filtered,
 *      so the mid is untouched exactly; mix glides 0 <-> 1 when bass mono is switched.
 *   3. Shelving EQ: a low and a high shelf on M and on S (RBJ cookbook shelves, S = 1,
 *      filters/biquad.ts), e.g. a high shelf on S to brighten the sides or on M to brighten
 *      the centre. A shelf at 0 dB is bypassed (and is the identity anyway).
 *   4. Gains: M <- gM M, S <- gS S with gM = 10^(midGainDb/20) and
 *      gS = 10^(sideGainDb/20) x widthPercent/100: width 0 % is mono (S = 0, so L = R),
 *      100 % unchanged, 200 % doubles the side. Levels at or below -120 dB mute.
 *   5. Output matrix by monitor mode:
 *        stereo: L = (M + S)/sqrt2, R = (M - S)/sqrt2   (the decoder)
 *        mid:    L = R = M/sqrt2                       (mid solo)
 *        side:   L = R = S/sqrt2                       (side solo)
 *      Solo outputs put one signal on both channels at the decoder's scale, so soloing the
 *      mid of a centred source (S = 0) leaves its level unchanged.
 *
 * Smoothing: every gain, the bass-mono mix and the monitor matrix glide linearly over the
 * ramp time (midSideControl.ts sets the targets), sample by sample; shelf frequencies and
 * the crossover glide in log frequency and shelf gains in dB over the same time, with
 * coefficients recomputed every CONTROL_FRAMES samples on a grid counted from the first
 * sample, so the output does not depend on how the caller splits its blocks.
 * Allocation-free. With every parameter neutral and settled the processor is a plain copy.
 */

/** Filter coefficients of gliding shelves and crossover are recomputed this often. */
const CONTROL_FRAMES = 32;

/**
 * Processes `frames` stereo samples. Outputs may alias the inputs. Any block length.
 * Allocation-free; throws nothing.
 */
export function processMidSide(
  state: MidSideProcessor,
  inLeft: Float32Array,
  inRight: Float32Array,
  outLeft: Float32Array,
  outRight: Float32Array,
  frames: number,
): void {
  if (isMidSidePassThrough(state)) {
    if (outLeft !== inLeft) for (let i = 0; i < frames; i++) outLeft[i] = inLeft[i]!;
    if (outRight !== inRight) for (let i = 0; i < frames; i++) outRight[i] = inRight[i]!;
    state.frameCount += frames;
    return;
  }
  run(state, inLeft, inRight, outLeft, outRight, frames, false);
}

/**
 * The same processing on signals already in mid/side form, in place: steps 2 to 4 (bass
 * mono, shelves, gains); the monitor matrix is not applied. With unit mid gain and no mid
 * shelves, `mid` is left bit for bit as it was, whatever bass mono and the side do.
 */
export function processMidSideEncoded(state: MidSideProcessor, mid: Float32Array, side: Float32Array, frames: number): void {
  run(state, mid, side, mid, side, frames, true);
}

/** Samples until the next per-sample ramp ends (or `limit`). */
function untilRampEnds(ramp: LinearRamp, limit: number): number {
  return ramp.remaining > 0 && ramp.remaining < limit ? ramp.remaining : limit;
}

function coefficientRampsActive(state: MidSideProcessor): boolean {
  const glides = state.coefficientRamps;
  for (let i = 0; i < glides.length; i++) if (glides[i]!.remaining !== 0) return true;
  return false;
}

function advanceControlRamps(state: MidSideProcessor, frames: number): void {
  const glides = state.coefficientRamps;
  for (let i = 0; i < glides.length; i++) {
    const ramp = glides[i]!;
    if (ramp.remaining === 0) continue;
    advanceLinearRamp(ramp, frames);
    state.coefficientsStale = true;
  }
}

function run(
  state: MidSideProcessor,
  inA: Float32Array,
  inB: Float32Array,
  outA: Float32Array,
  outB: Float32Array,
  frames: number,
  encoded: boolean,
): void {
  let offset = 0;
  while (offset < frames) {
    const phase = state.frameCount % CONTROL_FRAMES;
    if (phase === 0 && state.coefficientsStale) updateMidSideCoefficients(state);
    // Stop at the next control point only while coefficients glide or wait for it.
    let n = frames - offset;
    if (state.coefficientsStale || coefficientRampsActive(state)) n = Math.min(n, CONTROL_FRAMES - phase);
    n = untilRampEnds(state.midGain, n);
    n = untilRampEnds(state.sideGain, n);
    n = untilRampEnds(state.bassMonoMix, n);
    n = untilRampEnds(state.monitorMid, n);
    n = untilRampEnds(state.monitorSideLeft, n);
    n = untilRampEnds(state.monitorSideRight, n);
    chunk(state, inA, inB, outA, outB, offset, n, encoded);
    advanceLinearRamp(state.midGain, n);
    advanceLinearRamp(state.sideGain, n);
    advanceLinearRamp(state.bassMonoMix, n);
    advanceLinearRamp(state.monitorMid, n);
    advanceLinearRamp(state.monitorSideLeft, n);
    advanceLinearRamp(state.monitorSideRight, n);
    advanceControlRamps(state, n);
    // A switched-off crossover restarts from rest when switched on again.
    const bs = state.bassMonoState;
    if (!bassMonoActive(state) && (bs[0] !== 0 || bs[1] !== 0 || bs[2] !== 0 || bs[3] !== 0)) bs.fill(0);
    state.frameCount += n;
    offset += n;
  }
  flushStates(state);
}

function flushStates(state: MidSideProcessor): void {
  const s = state.bassMonoState;
  for (let i = 0; i < 4; i++) if (Math.abs(s[i]!) < DENORMAL_FLUSH) s[i] = 0;
  for (let i = 0; i < state.shelves.length; i++) {
    const shelf = state.shelves[i]!;
    if (Math.abs(shelf.z1) < DENORMAL_FLUSH) shelf.z1 = 0;
    if (Math.abs(shelf.z2) < DENORMAL_FLUSH) shelf.z2 = 0;
  }
}

/** One chunk in which every per-sample ramp has a constant step. */
function chunk(
  state: MidSideProcessor,
  inA: Float32Array,
  inB: Float32Array,
  outA: Float32Array,
  outB: Float32Array,
  offset: number,
  n: number,
  encoded: boolean,
): void {
  const k = MID_SIDE_SCALE;
  let gm = state.midGain.value;
  const gmStep = state.midGain.step;
  let gs = state.sideGain.value;
  const gsStep = state.sideGain.step;
  let mix = state.bassMonoMix.value;
  const mixStep = state.bassMonoMix.step;
  let mm = state.monitorMid.value;
  const mmStep = state.monitorMid.step;
  let msl = state.monitorSideLeft.value;
  const mslStep = state.monitorSideLeft.step;
  let msr = state.monitorSideRight.value;
  const msrStep = state.monitorSideRight.step;

  const bass = bassMonoActive(state);
  const hp = state.bassMonoCoefficients;
  const hb0 = hp.b0, hb1 = hp.b1, hb2 = hp.b2, ha1 = hp.a1, ha2 = hp.a2;
  const bs = state.bassMonoState;
  let p1 = bs[0]!, p2 = bs[1]!, q1 = bs[2]!, q2 = bs[3]!;

  const ml = state.midLowShelf, mh = state.midHighShelf, sl = state.sideLowShelf, sh = state.sideHighShelf;
  const mlOn = shelfActive(ml), mhOn = shelfActive(mh), slOn = shelfActive(sl), shOn = shelfActive(sh);
  const mlc = ml.coefficients, mhc = mh.coefficients, slc = sl.coefficients, shc = sh.coefficients;
  let ml1 = ml.z1, ml2 = ml.z2, mh1 = mh.z1, mh2 = mh.z2, sl1 = sl.z1, sl2 = sl.z2, sh1 = sh.z1, sh2 = sh.z2;

  const end = offset + n;
  for (let i = offset; i < end; i++) {
    const a = inA[i]!;
    const b = inB[i]!;
    let m = encoded ? a : (a + b) * k;
    let s = encoded ? b : (a - b) * k;
    if (bass) {
      const u = hb0 * s + p1;
      p1 = hb1 * s - ha1 * u + p2;
      p2 = hb2 * s - ha2 * u;
      const high = hb0 * u + q1;
      q1 = hb1 * u - ha1 * high + q2;
      q2 = hb2 * u - ha2 * high;
      mix += mixStep;
      s += mix * (high - s);
    }
    if (mlOn) {
      const y = mlc.b0 * m + ml1;
      ml1 = mlc.b1 * m - mlc.a1 * y + ml2;
      ml2 = mlc.b2 * m - mlc.a2 * y;
      m = y;
    }
    if (mhOn) {
      const y = mhc.b0 * m + mh1;
      mh1 = mhc.b1 * m - mhc.a1 * y + mh2;
      mh2 = mhc.b2 * m - mhc.a2 * y;
      m = y;
    }
    if (slOn) {
      const y = slc.b0 * s + sl1;
      sl1 = slc.b1 * s - slc.a1 * y + sl2;
      sl2 = slc.b2 * s - slc.a2 * y;
      s = y;
    }
    if (shOn) {
      const y = shc.b0 * s + sh1;
      sh1 = shc.b1 * s - shc.a1 * y + sh2;
      sh2 = shc.b2 * s - shc.a2 * y;
      s = y;
    }
    gm += gmStep;
    gs += gsStep;
    m *= gm;
    s *= gs;
    if (encoded) {
      outA[i] = m;
      outB[i] = s;
    } else {
      mm += mmStep;
      msl += mslStep;
      msr += msrStep;
      const mid = mm * m;
      outA[i] = mid + msl * s;
      outB[i] = mid + msr * s;
    }
  }
  bs[0] = p1;
  bs[1] = p2;
  bs[2] = q1;
  bs[3] = q2;
  ml.z1 = ml1;
  ml.z2 = ml2;
  mh.z1 = mh1;
  mh.z2 = mh2;
  sl.z1 = sl1;
  sl.z2 = sl2;
  sh.z1 = sh1;
  sh.z2 = sh2;
}
