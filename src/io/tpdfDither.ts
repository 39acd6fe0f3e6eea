/**
 * Seeded TPDF (triangular probability density) dither for requantising to integers.
 *
 * Each call returns r1 - r2 with r1, r2 independent and uniform on [0, 1): triangular on
 * (-1, 1) LSB, mean 0, variance 1/6 LSB^2. Added before rounding, it makes the mean and
 * the variance of the total error independent of the signal (Lipshitz, Wannamaker and
 * Vanderkooy, "Quantization and Dither: A Theoretical Survey", JAES 40(5), 1992).
 *
 * The uniform numbers come from xorshift32 (Marsaglia, "Xorshift RNGs", Journal of
 * Statistical Software 8(14), 2003; shifts 13, 17, 5; period 2^32 - 1), so a render with
 * the same seed is bit-identical every time.
 */

const TWO_POW_MINUS_32 = 2 ** -32;
/** Replaces the one seed xorshift cannot use (all zero bits). */
const ZERO_SEED_REPLACEMENT = 0x9e3779b9;

/** A generator of TPDF dither values in LSB, deterministic for a given integer `seed`. */
export function createTpdfDither(seed: number): () => number {
  let state = seed >>> 0 || ZERO_SEED_REPLACEMENT;
  const nextUniform = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) * TWO_POW_MINUS_32;
  };
  return () => nextUniform() - nextUniform();
}
