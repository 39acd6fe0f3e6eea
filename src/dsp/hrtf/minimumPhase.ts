/**
 * Magnitude spectra of impulse responses, and the minimum-phase impulse response of a
 * magnitude spectrum by the folded real cepstrum (Oppenheim and Schafer, Discrete-Time
 * Signal Processing, 3rd ed., section 13.5.3; J. O. Smith, "Spectral Audio Signal
 * Processing", "Minimum-phase filter design via the cepstrum"):
 *   c = IDFT(ln |X|)                             real cepstrum, even in n;
 *   c_min[0] = c[0], c_min[n] = 2 c[n] for 0 < n < L/2, c_min[L/2] = c[L/2], 0 above;
 *   h_min = IDFT(exp(DFT(c_min))).
 * h_min has the magnitude |X| and all its zeros inside the unit circle, so its energy is
 * packed at the start. The DFT length L must be several times the response length: the
 * true cepstrum is infinite and is folded back (aliased) into L samples, which bends the
 * phase and so smears the result. `cepstralFftSize` takes 8 times the length (a power of
 * two): on MIT KEMAR the prepared HRIRs then differ from those made with a 16 times
 * longer DFT by at most -40 dB (error energy relative to the HRIR's), and the error falls
 * by about 6 dB per doubling.
 *
 * ln |X| is taken of max(|X|, peak * 10^(MAGNITUDE_FLOOR_DB / 20)): deep stopbands (the
 * empty band above a resampler's cutoff) would otherwise give a cepstrum that decays too
 * slowly for any L.
 */
import { createRealFft, realFftForward, realFftInverse } from '../fft';
import type { RealFft } from '../fft';

const MAGNITUDE_FLOOR_DB = -120;
/** The cepstral DFT is this many times the response length (rounded up to a power of two). */
const CEPSTRAL_OVERSAMPLING = 8;

/** Scratch for spectra of one DFT length; reusable for any number of responses. */
export interface SpectrumWork {
  readonly fft: RealFft;
  readonly re: Float64Array;
  readonly im: Float64Array;
  readonly time: Float64Array;
}

/** The DFT length for minimum-phase conversion of responses of `responseLength` samples. */
export function cepstralFftSize(responseLength: number): number {
  let size = 4;
  while (size < CEPSTRAL_OVERSAMPLING * responseLength) size *= 2;
  return size;
}

export function createSpectrumWork(fftSize: number): SpectrumWork {
  const fft = createRealFft(fftSize);
  return { fft, re: new Float64Array(fft.bins), im: new Float64Array(fft.bins), time: new Float64Array(fftSize) };
}

/** |DFT| of `response` zero-padded to the DFT length, bins 0..L/2, into `magnitude`. */
export function magnitudeSpectrum(work: SpectrumWork, response: ArrayLike<number>, magnitude: Float64Array): void {
  const { fft, re, im, time } = work;
  time.fill(0);
  for (let n = 0; n < response.length && n < fft.size; n++) time[n] = response[n]!;
  realFftForward(fft, time, re, im);
  for (let k = 0; k < fft.bins; k++) magnitude[k] = Math.sqrt(re[k]! * re[k]! + im[k]! * im[k]!);
}

/** The minimum-phase response (length L) with the magnitude `magnitude` (bins 0..L/2). */
export function minimumPhaseFromMagnitude(work: SpectrumWork, magnitude: Float64Array, output: Float64Array): void {
  const { fft, re, im, time } = work;
  const half = fft.size / 2;
  let peak = 0;
  for (let k = 0; k < fft.bins; k++) peak = Math.max(peak, magnitude[k]!);
  if (peak === 0) {
    output.fill(0);
    return;
  }
  const floor = peak * Math.pow(10, MAGNITUDE_FLOOR_DB / 20);
  for (let k = 0; k < fft.bins; k++) {
    re[k] = Math.log(Math.max(magnitude[k]!, floor));
    im[k] = 0;
  }
  realFftInverse(fft, re, im, time);
  for (let n = 1; n < half; n++) time[n] = 2 * time[n]!;
  time.fill(0, half + 1);
  realFftForward(fft, time, re, im);
  for (let k = 0; k < fft.bins; k++) {
    const gain = Math.exp(re[k]!);
    const phase = im[k]!;
    re[k] = gain * Math.cos(phase);
    im[k] = gain * Math.sin(phase);
  }
  realFftInverse(fft, re, im, output);
}
