/**
 * The real transforms' own steps around the half-size complex FFT (see src/dsp/fft.ts for
 * the formulas): separating the spectrum after the forward FFT, packing it before the
 * inverse, and the unpacking of the signal after it.
 *
 * Where the complex FFT has a radix-4 pass after its first (half size 16 and up), its last
 * pass is done here, fused with that step, so that its results go straight from registers
 * to the caller's arrays instead of through the work arrays and back. For the separation,
 * the butterflies at k and span - k run together: between them they produce Z[K] and
 * Z[M-K] for four values of K, the pairs the separation needs.
 */
import type { RealFft } from './fft';

/**
 * The forward separation of one pair of bins: from A = Z[k] and B = Z[j], j = M - k,
 *   Xe = (A + conj B) / 2, Xo = (A - conj B) / 2i, T = W^k Xo,
 *   X[k] = Xe + T, X[j] = conj(Xe - T),
 * with (wr, ws) = (cos, sin)(2 pi k / N) / 2 (the halves of Xo folded into the table).
 */
function separatePair(
  outRe: Float64Array,
  outIm: Float64Array,
  k: number,
  j: number,
  ar: number,
  ai: number,
  br: number,
  bi: number,
  wr: number,
  ws: number,
): void {
  const er = 0.5 * (ar + br), ei = 0.5 * (ai - bi);
  // 2 Xo = (A - conj B) / i = (ai + bi) - i (ar - br)
  const dr = ai + bi, di = br - ar;
  const tr = wr * dr + ws * di, ti = wr * di - ws * dr;
  outRe[k] = er + tr;
  outIm[k] = ei + ti;
  outRe[j] = er - tr;
  outIm[j] = ti - ei;
}

/** Bins 0 and M (both real) from Z[0]; Z[M] wraps to Z[0]. */
function separateEnds(outRe: Float64Array, outIm: Float64Array, m: number, zr: number, zi: number): void {
  outRe[0] = zr + zi;
  outIm[0] = 0;
  outRe[m] = zr - zi;
  outIm[m] = 0;
}

/** The forward separation from the finished Z in fft.half.workRe/workIm. */
export function separateSpectrum(fft: RealFft, outRe: Float64Array, outIm: Float64Array): void {
  const m = fft.half.size;
  const zr = fft.half.workRe;
  const zi = fft.half.workIm;
  const c = fft.halfCos;
  const s = fft.halfSin;
  separateEnds(outRe, outIm, m, zr[0]!, zi[0]!);
  for (let k = 1, j = m - 1; k <= j; k = (k + 1) | 0, j = (j - 1) | 0) {
    separatePair(outRe, outIm, k, j, zr[k]!, zi[k]!, zr[j]!, zi[j]!, c[k]!, s[k]!);
  }
}

/**
 * The last radix-4 pass of the half-size FFT (span s = M/4, its twiddles at `at` in
 * fft.half.twiddles) fused with the forward separation. The butterfly at k gives
 * Z[k + q s] (q < 4), the one at s - k gives Z[s - k + q s]; they pair up as
 * (k, M - k), (k + s, 3s - k), (2s - k, 2s + k), (s - k, 3s + k). Butterfly 0 pairs
 * with itself: Z[0] (bins 0 and M), (s, 3s) and (2s, 2s).
 */
export function lastPassSeparate(fft: RealFft, at: number, outRe: Float64Array, outIm: Float64Array): void {
  const re = fft.half.workRe;
  const im = fft.half.workIm;
  const tw = fft.half.twiddles;
  const c = fft.halfCos;
  const sn = fft.halfSin;
  const s = fft.half.size / 4;
  const m = 4 * s;
  for (let k = 0; 2 * k <= s; k = (k + 1) | 0) {
    // Butterfly k (as radix4Butterfly in fftPasses.ts, outputs kept in registers).
    let t = (at + 2 * k) | 0;
    let w1r = tw[t]!, w1i = tw[(t + 1) | 0]!;
    let w2r = w1r * w1r - w1i * w1i, w2i = 2 * w1r * w1i;
    let w3r = w1r * w2r - w1i * w2i, w3i = w1r * w2i + w1i * w2r;
    let a = k;
    let xbr = re[(a + s) | 0]!, xbi = im[(a + s) | 0]!;
    let br = xbr * w2r - xbi * w2i, bi = xbr * w2i + xbi * w2r;
    let xcr = re[(a + 2 * s) | 0]!, xci = im[(a + 2 * s) | 0]!;
    let cr = xcr * w1r - xci * w1i, ci = xcr * w1i + xci * w1r;
    let xdr = re[(a + 3 * s) | 0]!, xdi = im[(a + 3 * s) | 0]!;
    let dr = xdr * w3r - xdi * w3i, di = xdr * w3i + xdi * w3r;
    let ar = re[a]!, ai = im[a]!;
    let s0r = ar + br, s0i = ai + bi;
    let d0r = ar - br, d0i = ai - bi;
    let s1r = cr + dr, s1i = ci + di;
    let d1r = cr - dr, d1i = ci - di;
    const p0r = s0r + s1r, p0i = s0i + s1i; // Z[k]
    const p1r = d0r + d1i, p1i = d0i - d1r; // Z[k + s]
    const p2r = s0r - s1r, p2i = s0i - s1i; // Z[k + 2s]
    const p3r = d0r - d1i, p3i = d0i + d1r; // Z[k + 3s]
    if (k === 0) {
      separateEnds(outRe, outIm, m, p0r, p0i);
      separatePair(outRe, outIm, s, 3 * s, p1r, p1i, p3r, p3i, c[s]!, sn[s]!);
      separatePair(outRe, outIm, 2 * s, 2 * s, p2r, p2i, p2r, p2i, c[2 * s]!, sn[2 * s]!);
      continue;
    }
    // Butterfly l = s - k (when k = s/2 it is butterfly k again, and the pairs repeat).
    const l = (s - k) | 0;
    t = (at + 2 * l) | 0;
    w1r = tw[t]!;
    w1i = tw[(t + 1) | 0]!;
    w2r = w1r * w1r - w1i * w1i;
    w2i = 2 * w1r * w1i;
    w3r = w1r * w2r - w1i * w2i;
    w3i = w1r * w2i + w1i * w2r;
    a = l;
    xbr = re[(a + s) | 0]!;
    xbi = im[(a + s) | 0]!;
    br = xbr * w2r - xbi * w2i;
    bi = xbr * w2i + xbi * w2r;
    xcr = re[(a + 2 * s) | 0]!;
    xci = im[(a + 2 * s) | 0]!;
    cr = xcr * w1r - xci * w1i;
    ci = xcr * w1i + xci * w1r;
    xdr = re[(a + 3 * s) | 0]!;
    xdi = im[(a + 3 * s) | 0]!;
    dr = xdr * w3r - xdi * w3i;
    di = xdr * w3i + xdi * w3r;
    ar = re[a]!;
    ai = im[a]!;
    s0r = ar + br;
    s0i = ai + bi;
    d0r = ar - br;
    d0i = ai - bi;
    s1r = cr + dr;
    s1i = ci + di;
    d1r = cr - dr;
    d1i = ci - di;
    const q0r = s0r + s1r, q0i = s0i + s1i; // Z[l]
    const q1r = d0r + d1i, q1i = d0i - d1r; // Z[l + s]
    const q2r = s0r - s1r, q2i = s0i - s1i; // Z[l + 2s]
    const q3r = d0r - d1i, q3i = d0i + d1r; // Z[l + 3s] = Z[M - k]
    separatePair(outRe, outIm, k, (m - k) | 0, p0r, p0i, q3r, q3i, c[k]!, sn[k]!);
    separatePair(outRe, outIm, (k + s) | 0, (3 * s - k) | 0, p1r, p1i, q2r, q2i, c[(k + s) | 0]!, sn[(k + s) | 0]!);
    separatePair(outRe, outIm, (2 * s - k) | 0, (2 * s + k) | 0, q1r, q1i, p2r, p2i, c[(2 * s - k) | 0]!, sn[(2 * s - k) | 0]!);
    separatePair(outRe, outIm, l, (3 * s + k) | 0, q0r, q0i, p3r, p3i, c[l]!, sn[l]!);
  }
}

/**
 * Packs bins 0..M of (inRe, inIm) into the half-size spectrum Z, in natural order in
 * fft.packedRe/packedIm, already scaled by 1/M (a power of two, so the scaling is exact
 * wherever it is applied, and here it costs nothing extra):
 *   Z[k] = Xe + i Xo, Xe = (A + B) / 2, Xo = W^-k (A - B) / 2, A = X[k], B = conj X[M-k],
 *   Z[M-k] = conj(Xe - i Xo).
 * The imaginary parts of bins 0 and M are not read.
 */
export function packSpectrum(fft: RealFft, inRe: Float64Array, inIm: Float64Array): void {
  const m = fft.half.size;
  const zr = fft.packedRe;
  const zi = fft.packedIm;
  const c = fft.halfCos;
  const s = fft.halfSin;
  const g = 1 / m;
  const hg = 0.5 * g;
  zr[0] = hg * (inRe[0]! + inRe[m]!);
  zi[0] = hg * (inRe[0]! - inRe[m]!);
  for (let k = 1, j = m - 1; k <= j; k = (k + 1) | 0, j = (j - 1) | 0) {
    const ar = inRe[k]!, ai = inIm[k]!;
    const br = inRe[j]!, bi = -inIm[j]!;
    const er = hg * (ar + br), ei = hg * (ai + bi);
    const dr = g * (ar - br), di = g * (ai - bi);
    // W^-k = cos + i sin (the table holds the halves).
    const wr = c[k]!, ws = s[k]!;
    const or = dr * wr - di * ws, oi = dr * ws + di * wr;
    zr[k] = er - oi;
    zi[k] = ei + or;
    zr[j] = er + oi;
    zi[j] = or - ei;
  }
}

/**
 * The signal from the finished transform in fft.half.workRe/workIm. The inverse ran as
 * the forward transform of (Im Z, Re Z), so the real parts of the result (the even
 * samples) are in workIm and the imaginary parts (the odd samples) in workRe.
 */
export function unpackSignal(fft: RealFft, output: Float64Array | Float32Array): void {
  const m = fft.half.size;
  const odd = fft.half.workRe;
  const even = fft.half.workIm;
  for (let j = 0; j < m; j = (j + 1) | 0) {
    output[2 * j] = even[j]!;
    output[(2 * j + 1) | 0] = odd[j]!;
  }
}

/**
 * The last radix-4 pass of the inverse's half-size FFT (span s = M/4, twiddles at `at`)
 * writing its results straight into the signal, as unpackSignal would place them.
 */
export function lastPassToSignal(fft: RealFft, at: number, output: Float64Array | Float32Array): void {
  const re = fft.half.workRe;
  const im = fft.half.workIm;
  const tw = fft.half.twiddles;
  const s = fft.half.size / 4;
  for (let a = 0, t = at; a < s; a = (a + 1) | 0, t = (t + 2) | 0) {
    const w1r = tw[t]!, w1i = tw[(t + 1) | 0]!;
    const w2r = w1r * w1r - w1i * w1i, w2i = 2 * w1r * w1i;
    const w3r = w1r * w2r - w1i * w2i, w3i = w1r * w2i + w1i * w2r;
    const b = (a + s) | 0;
    const c = (b + s) | 0;
    const d = (c + s) | 0;
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
    // Sample 2K is the imaginary part of result K, sample 2K + 1 its real part.
    output[2 * a] = s0i + s1i;
    output[(2 * a + 1) | 0] = s0r + s1r;
    output[2 * b] = d0i - d1r;
    output[(2 * b + 1) | 0] = d0r + d1i;
    output[2 * c] = s0i - s1i;
    output[(2 * c + 1) | 0] = s0r - s1r;
    output[2 * d] = d0i + d1r;
    output[(2 * d + 1) | 0] = d0r - d1i;
  }
}
