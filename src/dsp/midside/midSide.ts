/**
 * The studio's one mid/side convention (the orthonormal, power-preserving sum/difference
 * matrix, as Tone.js MidSideSplit and most mastering tools):
 *   M = (L + R) / sqrt2,   S = (L - R) / sqrt2,
 *   L = (M + S) / sqrt2,   R = (M - S) / sqrt2.
 * The matrix is its own inverse, so split then merge is the identity, and it keeps power:
 * M^2 + S^2 = L^2 + R^2 sample by sample. A centred (identical) signal x gives M = sqrt2 x,
 * S = 0; a signal on the left only gives M = S = L / sqrt2.
 * Every mid/side tool, meter and monitor in the studio uses this file's scale.
 */
export const MID_SIDE_SCALE = Math.SQRT1_2;

/** mid[i] = (left[i] + right[i]) / sqrt2, side[i] = (left[i] - right[i]) / sqrt2. In place allowed. */
export function encodeMidSide(
  left: Float32Array,
  right: Float32Array,
  mid: Float32Array,
  side: Float32Array,
  frames: number,
): void {
  for (let i = 0; i < frames; i++) {
    const l = left[i]!;
    const r = right[i]!;
    mid[i] = (l + r) * MID_SIDE_SCALE;
    side[i] = (l - r) * MID_SIDE_SCALE;
  }
}

/** left[i] = (mid[i] + side[i]) / sqrt2, right[i] = (mid[i] - side[i]) / sqrt2. In place allowed. */
export function decodeMidSide(
  mid: Float32Array,
  side: Float32Array,
  left: Float32Array,
  right: Float32Array,
  frames: number,
): void {
  for (let i = 0; i < frames; i++) {
    const m = mid[i]!;
    const s = side[i]!;
    left[i] = (m + s) * MID_SIDE_SCALE;
    right[i] = (m - s) * MID_SIDE_SCALE;
  }
}
