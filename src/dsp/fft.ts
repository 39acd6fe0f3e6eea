/**
 * Radix-2 FFT over split real/imaginary Float64Arrays, and the real-input transform built
 * on a complex transform of half the size.
 *
 * Conventions: forward X[k] = sum_n x[n] e^(-2 pi i n k / N); inverse with 1/N, so
 * inverse(forward(x)) = x. Real transforms hold bins 0..N/2 (N/2 + 1 complex values).
 *
 * The real transform packs z[m] = x[2m] + i x[2m+1] (M = N/2), takes the M-point complex
 * FFT Z, and separates the even and odd half-spectra with
 *   Xe[k] = (Z[k] + conj Z[M-k]) / 2,   Xo[k] = (Z[k] - conj Z[M-k]) / 2i,
 *   X[k]  = Xe[k] + W^k Xo[k],           W = e^(-2 pi i / N)
 * (Oppenheim and Schafer, Discrete-Time Signal Processing, 3rd ed., section 9.3 problems).
 * Nothing here allocates after creation.
 */
export interface ComplexFft {
  readonly size: number;
  /** cos(2 pi k / size) and sin(2 pi k / size) for k < size / 2. */
  readonly cosTable: Float64Array;
  readonly sinTable: Float64Array;
  /** Pairs (i, j), i < j, to swap for the bit-reversed order. */
  readonly swaps: Uint32Array;
  /** bitReverse[i]: i with its log2(size) bits reversed. */
  readonly bitReverse: Uint32Array;
}

export function createComplexFft(size: number): ComplexFft {
  if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0) {
    throw new Error(`FFT size must be a power of two of at least 2, got ${size}`);
  }
  const half = size / 2;
  const cosTable = new Float64Array(half);
  const sinTable = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    cosTable[k] = Math.cos((2 * Math.PI * k) / size);
    sinTable[k] = Math.sin((2 * Math.PI * k) / size);
  }
  const bits = Math.log2(size);
  const swapList: number[] = [];
  const bitReverse = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    bitReverse[i] = r;
    if (i < r) swapList.push(i, r);
  }
  return { size, cosTable, sinTable, swaps: Uint32Array.from(swapList), bitReverse };
}

/**
 * In-place complex FFT of (re, im), each of length fft.size.
 * `sign` is -1 for the forward transform and +1 for the inverse (unscaled).
 */
export function complexFftInPlace(fft: ComplexFft, re: Float64Array, im: Float64Array, sign: 1 | -1): void {
  const swaps = fft.swaps;
  for (let s = 0; s < swaps.length; s += 2) {
    const i = swaps[s]!;
    const j = swaps[s + 1]!;
    const tr = re[i]!;
    re[i] = re[j]!;
    re[j] = tr;
    const ti = im[i]!;
    im[i] = im[j]!;
    im[j] = ti;
  }
  fftStagesFromBitReversed(fft, re, im, sign);
}

/**
 * The butterfly stages of a decimation-in-time FFT whose input is already in
 * bit-reversed order (callers that copy their input in anyway permute it on the way,
 * saving the swap pass). Stages are fused in pairs (radix 2^2): the first pair needs no
 * multiplications (twiddles 1 and -+i), and every later pair reads and writes the data
 * once instead of twice, using W_4s^(k+s) = -+i W_4s^k.
 */
export function fftStagesFromBitReversed(fft: ComplexFft, re: Float64Array, im: Float64Array, sign: 1 | -1): void {
  const n = fft.size;
  if (n === 2) {
    const ar = re[0]!, ai = im[0]!, br = re[1]!, bi = im[1]!;
    re[0] = ar + br;
    im[0] = ai + bi;
    re[1] = ar - br;
    im[1] = ai - bi;
    return;
  }
  // Stages 1 and 2 (spans 1 and 2) on groups of four.
  for (let i = 0; i < n; i += 4) {
    const x0r = re[i]!, x0i = im[i]!;
    const x1r = re[i + 1]!, x1i = im[i + 1]!;
    const x2r = re[i + 2]!, x2i = im[i + 2]!;
    const x3r = re[i + 3]!, x3i = im[i + 3]!;
    const ar = x0r + x1r, ai = x0i + x1i;
    const br = x0r - x1r, bi = x0i - x1i;
    const cr = x2r + x3r, ci = x2i + x3i;
    const dr = x2r - x3r, di = x2i - x3i;
    // (0, sign) * d
    const wdr = -sign * di;
    const wdi = sign * dr;
    re[i] = ar + cr;
    im[i] = ai + ci;
    re[i + 2] = ar - cr;
    im[i + 2] = ai - ci;
    re[i + 1] = br + wdr;
    im[i + 1] = bi + wdi;
    re[i + 3] = br - wdr;
    im[i + 3] = bi - wdi;
  }
  const cosTable = fft.cosTable;
  const sinTable = fft.sinTable;
  let span = 4;
  // Pairs of stages: spans s and 2s, combining four blocks of s into one of 4s.
  for (; span * 4 <= n; span *= 4) {
    const step1 = n / (2 * span);
    const step2 = n / (4 * span);
    for (let start = 0; start < n; start += 4 * span) {
      for (let k = 0; k < span; k++) {
        const w1r = cosTable[k * step1]!;
        const w1i = sign * sinTable[k * step1]!;
        const w2r = cosTable[k * step2]!;
        const w2i = sign * sinTable[k * step2]!;
        const a = start + k;
        const b = a + span;
        const c = b + span;
        const d = c + span;
        const xbr = re[b]!, xbi = im[b]!;
        const tr = xbr * w1r - xbi * w1i;
        const ti = xbr * w1i + xbi * w1r;
        const xdr = re[d]!, xdi = im[d]!;
        const ur = xdr * w1r - xdi * w1i;
        const ui = xdr * w1i + xdi * w1r;
        const xar = re[a]!, xai = im[a]!;
        const xcr = re[c]!, xci = im[c]!;
        const a1r = xar + tr, a1i = xai + ti;
        const b1r = xar - tr, b1i = xai - ti;
        const c1r = xcr + ur, c1i = xci + ui;
        const d1r = xcr - ur, d1i = xci - ui;
        const vr = c1r * w2r - c1i * w2i;
        const vi = c1r * w2i + c1i * w2r;
        const er = d1r * w2r - d1i * w2i;
        const ei = d1r * w2i + d1i * w2r;
        // (0, sign) * e
        const fr = -sign * ei;
        const fi = sign * er;
        re[a] = a1r + vr;
        im[a] = a1i + vi;
        re[c] = a1r - vr;
        im[c] = a1i - vi;
        re[b] = b1r + fr;
        im[b] = b1i + fi;
        re[d] = b1r - fr;
        im[d] = b1i - fi;
      }
    }
  }
  // A last single stage when log2(n) is odd.
  if (span < n) {
    const step = n / (2 * span);
    for (let k = 0; k < span; k++) {
      const wr = cosTable[k * step]!;
      const wi = sign * sinTable[k * step]!;
      const a = k;
      const b = k + span;
      const br = re[b]!, bi = im[b]!;
      const tr = br * wr - bi * wi;
      const ti = br * wi + bi * wr;
      const ar = re[a]!, ai = im[a]!;
      re[a] = ar + tr;
      im[a] = ai + ti;
      re[b] = ar - tr;
      im[b] = ai - ti;
    }
  }
}

/** State for real transforms of length `size` (a power of two of at least 4). */
export interface RealFft {
  readonly size: number;
  readonly bins: number;
  readonly half: ComplexFft;
  /** cos and sin of 2 pi k / size for k <= size / 2 (the split twiddles). */
  readonly cosSplit: Float64Array;
  readonly sinSplit: Float64Array;
  readonly workRe: Float64Array;
  readonly workIm: Float64Array;
}

export function createRealFft(size: number): RealFft {
  if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
    throw new Error(`real FFT size must be a power of two of at least 4, got ${size}`);
  }
  const m = size / 2;
  const cosSplit = new Float64Array(m + 1);
  const sinSplit = new Float64Array(m + 1);
  for (let k = 0; k <= m; k++) {
    cosSplit[k] = Math.cos((2 * Math.PI * k) / size);
    sinSplit[k] = Math.sin((2 * Math.PI * k) / size);
  }
  return {
    size,
    bins: m + 1,
    half: createComplexFft(m),
    cosSplit,
    sinSplit,
    workRe: new Float64Array(m),
    workIm: new Float64Array(m),
  };
}

/**
 * Forward transform of `input` (length size; any array type) into bins 0..size/2 of
 * (outRe, outIm), each of length size/2 + 1.
 */
export function realFftForward(
  fft: RealFft,
  input: ArrayLike<number>,
  outRe: Float64Array,
  outIm: Float64Array,
): void {
  const m = fft.size / 2;
  const zr = fft.workRe;
  const zi = fft.workIm;
  const reverse = fft.half.bitReverse;
  for (let j = 0; j < m; j++) {
    const r = reverse[j]!;
    zr[r] = input[2 * j]!;
    zi[r] = input[2 * j + 1]!;
  }
  fftStagesFromBitReversed(fft.half, zr, zi, -1);
  const c = fft.cosSplit;
  const s = fft.sinSplit;
  // k = 0 and k = M: Z[M] wraps to Z[0].
  outRe[0] = zr[0]! + zi[0]!;
  outIm[0] = 0;
  outRe[m] = zr[0]! - zi[0]!;
  outIm[m] = 0;
  for (let k = 1; k < m; k++) {
    const ar = zr[k]!;
    const ai = zi[k]!;
    const br = zr[m - k]!;
    const bi = -zi[m - k]!; // conj Z[M-k]
    const er = 0.5 * (ar + br);
    const ei = 0.5 * (ai + bi);
    // Xo = (A - B) / 2i = (ai - bi)/2 - i (ar - br)/2
    const or = 0.5 * (ai - bi);
    const oi = -0.5 * (ar - br);
    // W^k = cos - i sin
    const wr = c[k]!;
    const wi = -s[k]!;
    outRe[k] = er + or * wr - oi * wi;
    outIm[k] = ei + or * wi + oi * wr;
  }
}

/**
 * Inverse transform of bins 0..size/2 (inRe, inIm) into `output` (length size), scaled
 * by 1/size so that it inverts realFftForward. The imaginary parts of bins 0 and size/2
 * are ignored (they are zero for any real signal).
 */
export function realFftInverse(
  fft: RealFft,
  inRe: Float64Array,
  inIm: Float64Array,
  output: Float64Array | Float32Array,
): void {
  const m = fft.size / 2;
  const zr = fft.workRe;
  const zi = fft.workIm;
  const c = fft.cosSplit;
  const s = fft.sinSplit;
  const reverse = fft.half.bitReverse;
  for (let k = 0; k < m; k++) {
    const ar = inRe[k]!;
    const ai = k === 0 ? 0 : inIm[k]!;
    const br = inRe[m - k]!;
    const bi = k === 0 ? 0 : -inIm[m - k]!; // conj X[M-k]
    const er = 0.5 * (ar + br);
    const ei = 0.5 * (ai + bi);
    // Xo = W^-k (A - B) / 2, W^-k = cos + i sin
    const dr = 0.5 * (ar - br);
    const di = 0.5 * (ai - bi);
    const wr = c[k]!;
    const wi = s[k]!;
    const or = dr * wr - di * wi;
    const oi = dr * wi + di * wr;
    // Z = Xe + i Xo, stored bit-reversed for the stages.
    const r = reverse[k]!;
    zr[r] = er - oi;
    zi[r] = ei + or;
  }
  fftStagesFromBitReversed(fft.half, zr, zi, 1);
  const scale = 1 / m;
  for (let j = 0; j < m; j++) {
    output[2 * j] = zr[j]! * scale;
    output[2 * j + 1] = zi[j]! * scale;
  }
}
