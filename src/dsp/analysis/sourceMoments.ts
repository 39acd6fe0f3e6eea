/**
 * What-if moments of a mix from the moments of one of its sources, by linearity.
 *
 * A stereo mix X = (XL, XR) is the sum of its sources' contributions; S = (SL, SR) is one
 * of them. Accumulated over frequency bins and frames (weighted sums of products of
 * spectra, as in monoMomentAnalyser.ts), seven numbers per band describe the source in
 * the mix:
 *   pl = |SL|^2, pr = |SR|^2, c = Re(SL conj SR)                  (its own moments),
 *   xLsL = Re(XL conj SL), xLsR = Re(XL conj SR),
 *   xRsL = Re(XR conj SL), xRsR = Re(XR conj SR)                   (its products with the mix).
 * With the mix's own [PL, PR, C] = [|XL|^2, |XR|^2, Re(XL conj XR)], the moments of every
 * linear edit of that one source follow exactly, without another pass over the audio:
 *   - removed:   X - S;
 *   - narrowed to width w (side scaled by w, mid kept; w = 0 collapses it to mono,
 *     (L + R)/2 in both channels): X + (w - 1) (D, -D) with D = (SL - SR)/2;
 *   - right channel's polarity flipped: X + (0, -2 SR).
 * And the mix's cross moment splits exactly into one share per source,
 *   C = sum_i (Re(SL_i conj XR) + Re(XL conj SR_i)) / 2,
 * each source's share being its own c plus half its cross terms with the others: the
 * part of the mix's correlation (and so of its mono level) that the source accounts for.
 */
export const MIX_STRIDE = 3;
export const SOURCE_STRIDE = 7;

/** Offsets inside a source's seven moments. */
export const SOURCE_PL = 0;
export const SOURCE_PR = 1;
export const SOURCE_C = 2;
export const X_L_S_L = 3;
export const X_L_S_R = 4;
export const X_R_S_L = 5;
export const X_R_S_R = 6;

/** The source's share of the mix's cross moment C. */
export function attributedCross(source: ArrayLike<number>, at = 0): number {
  return 0.5 * (source[at + X_L_S_R]! + source[at + X_R_S_L]!);
}

/** Moments [PL, PR, C] of the mix without the source, into out[0..2]. */
export function momentsWithoutSource(mix: ArrayLike<number>, mixAt: number, source: ArrayLike<number>, at: number, out: Float64Array): void {
  out[0] = mix[mixAt]! - 2 * source[at + X_L_S_L]! + source[at + SOURCE_PL]!;
  out[1] = mix[mixAt + 1]! - 2 * source[at + X_R_S_R]! + source[at + SOURCE_PR]!;
  out[2] = mix[mixAt + 2]! - source[at + X_L_S_R]! - source[at + X_R_S_L]! + source[at + SOURCE_C]!;
}

/** Moments of the mix with the source's side scaled by `width` (0 = collapsed to mono), into out[0..2]. */
export function momentsWithSourceNarrowed(
  mix: ArrayLike<number>,
  mixAt: number,
  source: ArrayLike<number>,
  at: number,
  width: number,
  out: Float64Array,
): void {
  const k = width - 1;
  // a = Re(XL conj D), b = Re(XR conj D), e = |D|^2, D = (SL - SR)/2.
  const a = 0.5 * (source[at + X_L_S_L]! - source[at + X_L_S_R]!);
  const b = 0.5 * (source[at + X_R_S_L]! - source[at + X_R_S_R]!);
  const e = 0.25 * (source[at + SOURCE_PL]! + source[at + SOURCE_PR]! - 2 * source[at + SOURCE_C]!);
  out[0] = mix[mixAt]! + 2 * k * a + k * k * e;
  out[1] = mix[mixAt + 1]! - 2 * k * b + k * k * e;
  out[2] = mix[mixAt + 2]! - k * a + k * b - k * k * e;
}

/** Moments of the mix with the polarity of the source's right channel flipped, into out[0..2]. */
export function momentsWithSourceRightFlipped(mix: ArrayLike<number>, mixAt: number, source: ArrayLike<number>, at: number, out: Float64Array): void {
  out[0] = mix[mixAt]!;
  out[1] = mix[mixAt + 1]! - 4 * source[at + X_R_S_R]! + 4 * source[at + SOURCE_PR]!;
  out[2] = mix[mixAt + 2]! - 2 * source[at + X_L_S_R]!;
}

/**
 * Mono level the mix loses to the source's cancellation, dB (>= 0): how much louder the
 * mono fold-down of these moments would be if the source's share of C were not negative,
 *   10 log10((PL + PR + 2C + 2 max(0, -share)) / (PL + PR + 2C)),
 * independent of the mono law; capped at MAX_CANCELLATION_DB where the mono fold-down is
 * (nearly) silent.
 */
export const MAX_CANCELLATION_DB = 60;

export function cancellationDb(monoPower: number, negativeShare: number): number {
  if (!(negativeShare > 0)) return 0;
  const limit = Math.pow(10, MAX_CANCELLATION_DB / 10);
  const ratio = monoPower > 0 ? (monoPower + 2 * negativeShare) / monoPower : limit;
  return 10 * Math.log10(ratio < limit ? ratio : limit);
}
