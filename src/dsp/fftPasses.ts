/**
 * The passes of the forward complex FFT in src/dsp/fft.ts: a decimation-in-time FFT in
 * radix 4 over fft.workRe/workIm.
 *
 * The first pass reads the input in bit-reversed order straight from the caller's arrays
 * (no separate permutation pass) and needs no twiddle multiplications: radix 4, or radix 8
 * when log2(size) is odd. Every later pass combines four blocks of `span` points into one
 * of 4 span with three complex multiplications per four points.
 *
 * Written for the optimising compiler: index sums are `(a + b) | 0` so they compile to
 * plain integer adds (sizes stay far below 2^31), and the butterfly is one small function
 * that inlines into both loop orders.
 */
import type { ComplexFft } from './fft';

/**
 * The first pass on z[j] = srcRe[reAt + stride j] + i srcIm[imAt + stride j],
 * j < fft.size, written to fft.workRe/workIm. The source must not be the work arrays.
 */
export function firstPass(
  fft: ComplexFft,
  srcRe: ArrayLike<number>,
  reAt: number,
  srcIm: ArrayLike<number>,
  imAt: number,
  stride: number,
): void {
  if (fft.firstRadix === 4) firstPassRadix4(fft, srcRe, reAt, srcIm, imAt, stride);
  else if (fft.firstRadix === 8) firstPassRadix8(fft, srcRe, reAt, srcIm, imAt, stride);
  else {
    const ar = srcRe[reAt]!, ai = srcIm[imAt]!;
    const br = srcRe[reAt + stride]!, bi = srcIm[imAt + stride]!;
    fft.workRe[0] = ar + br;
    fft.workIm[0] = ai + bi;
    fft.workRe[1] = ar - br;
    fft.workIm[1] = ai - bi;
  }
}

/**
 * The radix-4 passes after the first whose span is below `endSpan` (fft.size for all of
 * them). Returns the offset in fft.twiddles of the next pass's twiddles.
 */
export function radix4Passes(fft: ComplexFft, endSpan: number): number {
  const n = fft.size;
  const re = fft.workRe;
  const im = fft.workIm;
  const twiddles = fft.twiddles;
  let at = 0;
  for (let span = fft.firstRadix; span < endSpan; at += 2 * span, span *= 4) {
    // Small spans: many short blocks, so load each twiddle once and sweep the blocks
    // (their stride stays within a few cache lines); large spans: block by block.
    if (span <= 16) radix4PassTwiddleOuter(re, im, n, span, twiddles, at);
    else radix4PassBlockOuter(re, im, n, span, twiddles, at);
  }
  return at;
}

/**
 * Radix-4 butterflies on the points r, r + n/4, r + n/2, r + 3n/4 of the source (the
 * twiddles are 1), written to the four places from groupStart[r]: in bit-reversed order
 * those hold the points r, r + n/2, r + n/4, r + 3n/4, the layout radix4Butterfly reads.
 */
function firstPassRadix4(
  fft: ComplexFft,
  srcRe: ArrayLike<number>,
  reAt: number,
  srcIm: ArrayLike<number>,
  imAt: number,
  stride: number,
): void {
  const re = fft.workRe;
  const im = fft.workIm;
  const groupStart = fft.groupStart;
  const q = (stride * (fft.size / 4)) | 0;
  for (let r = 0, p = reAt, s = imAt; r < groupStart.length; r = (r + 1) | 0, p = (p + stride) | 0, s = (s + stride) | 0) {
    const ar = srcRe[p]!, ai = srcIm[s]!;
    const cr = srcRe[(p + q) | 0]!, ci = srcIm[(s + q) | 0]!;
    const br = srcRe[(p + 2 * q) | 0]!, bi = srcIm[(s + 2 * q) | 0]!;
    const dr = srcRe[(p + 3 * q) | 0]!, di = srcIm[(s + 3 * q) | 0]!;
    const s0r = ar + br, s0i = ai + bi;
    const d0r = ar - br, d0i = ai - bi;
    const s1r = cr + dr, s1i = ci + di;
    const d1r = cr - dr, d1i = ci - di;
    const i = groupStart[r]!;
    re[i] = s0r + s1r;
    im[i] = s0i + s1i;
    re[(i + 2) | 0] = s0r - s1r;
    im[(i + 2) | 0] = s0i - s1i;
    // (a - b) -+ i (c - d)
    re[(i + 1) | 0] = d0r + d1i;
    im[(i + 1) | 0] = d0i - d1r;
    re[(i + 3) | 0] = d0r - d1i;
    im[(i + 3) | 0] = d0i + d1r;
  }
}

/**
 * Radix-8 butterflies on the points r + m n/8 (m < 8) of the source, written to the eight
 * places from groupStart[r] (in bit-reversed order they hold m = 0, 4, 2, 6, 1, 5, 3, 7):
 * a radix-4 butterfly on the even m and one on the odd m, combined with the twiddles
 * e^(-2 pi i k / 8).
 */
function firstPassRadix8(
  fft: ComplexFft,
  srcRe: ArrayLike<number>,
  reAt: number,
  srcIm: ArrayLike<number>,
  imAt: number,
  stride: number,
): void {
  const re = fft.workRe;
  const im = fft.workIm;
  const groupStart = fft.groupStart;
  const h = Math.SQRT1_2;
  const q = (stride * (fft.size / 8)) | 0;
  for (let r = 0, p = reAt, s = imAt; r < groupStart.length; r = (r + 1) | 0, p = (p + stride) | 0, s = (s + stride) | 0) {
    let ar = srcRe[p]!, ai = srcIm[s]!;
    let cr = srcRe[(p + 2 * q) | 0]!, ci = srcIm[(s + 2 * q) | 0]!;
    let br = srcRe[(p + 4 * q) | 0]!, bi = srcIm[(s + 4 * q) | 0]!;
    let dr = srcRe[(p + 6 * q) | 0]!, di = srcIm[(s + 6 * q) | 0]!;
    let s0r = ar + br, s0i = ai + bi;
    let d0r = ar - br, d0i = ai - bi;
    let s1r = cr + dr, s1i = ci + di;
    let d1r = cr - dr, d1i = ci - di;
    const e0r = s0r + s1r, e0i = s0i + s1i;
    const e2r = s0r - s1r, e2i = s0i - s1i;
    const e1r = d0r + d1i, e1i = d0i - d1r;
    const e3r = d0r - d1i, e3i = d0i + d1r;
    ar = srcRe[(p + q) | 0]!;
    ai = srcIm[(s + q) | 0]!;
    cr = srcRe[(p + 3 * q) | 0]!;
    ci = srcIm[(s + 3 * q) | 0]!;
    br = srcRe[(p + 5 * q) | 0]!;
    bi = srcIm[(s + 5 * q) | 0]!;
    dr = srcRe[(p + 7 * q) | 0]!;
    di = srcIm[(s + 7 * q) | 0]!;
    s0r = ar + br;
    s0i = ai + bi;
    d0r = ar - br;
    d0i = ai - bi;
    s1r = cr + dr;
    s1i = ci + di;
    d1r = cr - dr;
    d1i = ci - di;
    const o0r = s0r + s1r, o0i = s0i + s1i;
    const o2r = s0r - s1r, o2i = s0i - s1i;
    const p1r = d0r + d1i, p1i = d0i - d1r;
    const p3r = d0r - d1i, p3i = d0i + d1r;
    // Twiddles: o1 = p1 (1 - i)/sqrt2, o2 times -i (in the stores), o3 = p3 (-1 - i)/sqrt2.
    const o1r = h * (p1r + p1i), o1i = h * (p1i - p1r);
    const o3r = h * (p3i - p3r), o3i = -h * (p3r + p3i);
    const i = groupStart[r]!;
    re[i] = e0r + o0r;
    im[i] = e0i + o0i;
    re[(i + 4) | 0] = e0r - o0r;
    im[(i + 4) | 0] = e0i - o0i;
    re[(i + 1) | 0] = e1r + o1r;
    im[(i + 1) | 0] = e1i + o1i;
    re[(i + 5) | 0] = e1r - o1r;
    im[(i + 5) | 0] = e1i - o1i;
    re[(i + 2) | 0] = e2r + o2i;
    im[(i + 2) | 0] = e2i - o2r;
    re[(i + 6) | 0] = e2r - o2i;
    im[(i + 6) | 0] = e2i + o2r;
    re[(i + 3) | 0] = e3r + o3r;
    im[(i + 3) | 0] = e3i + o3i;
    re[(i + 7) | 0] = e3r - o3r;
    im[(i + 7) | 0] = e3i - o3i;
  }
}

function radix4PassBlockOuter(re: Float64Array, im: Float64Array, n: number, span: number, tw: Float64Array, at: number): void {
  for (let start = 0; start < n; start = (start + 4 * span) | 0) {
    for (let k = 0, t = at; k < span; k = (k + 1) | 0, t = (t + 2) | 0) {
      const w1r = tw[t]!, w1i = tw[(t + 1) | 0]!;
      const w2r = w1r * w1r - w1i * w1i, w2i = 2 * w1r * w1i;
      const w3r = w1r * w2r - w1i * w2i, w3i = w1r * w2i + w1i * w2r;
      radix4Butterfly(re, im, (start + k) | 0, span, w1r, w1i, w2r, w2i, w3r, w3i);
    }
  }
}

function radix4PassTwiddleOuter(re: Float64Array, im: Float64Array, n: number, span: number, tw: Float64Array, at: number): void {
  const step = (4 * span) | 0;
  for (let k = 0, t = at; k < span; k = (k + 1) | 0, t = (t + 2) | 0) {
    const w1r = tw[t]!, w1i = tw[(t + 1) | 0]!;
    const w2r = w1r * w1r - w1i * w1i, w2i = 2 * w1r * w1i;
    const w3r = w1r * w2r - w1i * w2i, w3i = w1r * w2i + w1i * w2r;
    for (let a = k; a < n; a = (a + step) | 0) radix4Butterfly(re, im, a, span, w1r, w1i, w2r, w2i, w3r, w3i);
  }
}

/**
 * One radix-4 butterfly in place on a, b, c, d = a + span, a + 2 span, a + 3 span. In
 * bit-reversed order these blocks hold the transforms of the residues 0, 2, 1, 3 mod 4 of
 * the larger block, so with B = w^2 b, C = w c, D = w^3 d (w = e^(-2 pi i k / 4 span)):
 *   X[k] = (a + B) + (C + D),          X[k + 2 span] = (a + B) - (C + D),
 *   X[k + span] = (a - B) - i (C - D), X[k + 3 span] = (a - B) + i (C - D).
 */
function radix4Butterfly(
  re: Float64Array,
  im: Float64Array,
  a: number,
  span: number,
  w1r: number,
  w1i: number,
  w2r: number,
  w2i: number,
  w3r: number,
  w3i: number,
): void {
  const b = (a + span) | 0;
  const c = (b + span) | 0;
  const d = (c + span) | 0;
  const xbr = re[b]!, xbi = im[b]!;
  const br = xbr * w2r - xbi * w2i, bi = xbr * w2i + xbi * w2r;
  const xcr = re[c]!, xci = im[c]!;
  const cr = xcr * w1r - xci * w1i, ci = xcr * w1i + xci * w1r;
  const xdr = re[d]!, xdi = im[d]!;
  const dr = xdr * w3r - xdi * w3i, di = xdr * w3i + xdi * w3r;
  const ar = re[a]!, ai = im[a]!;
  const s0r = ar + br, s0i = ai + bi;
  const d0r = ar - br, d0i = ai - bi;
  const s1r = cr + dr, s1i = ci + di;
  const d1r = cr - dr, d1i = ci - di;
  re[a] = s0r + s1r;
  im[a] = s0i + s1i;
  re[c] = s0r - s1r;
  im[c] = s0i - s1i;
  re[b] = d0r + d1i;
  im[b] = d0i - d1r;
  re[d] = d0r - d1i;
  im[d] = d0i + d1r;
}
