import { createRealFft, realFftForward } from '../fft';
import { thirdOctaveBands } from '../filters/thirdOctaveBands';

/**
 * How well an LFE channel is band-limited: the margin between its power density (per
 * hertz) from 20 Hz to the top of the 100 Hz third-octave band and that of its loudest
 * third-octave band at or above STOP_BAND_FROM_HZ, from the channel's average spectrum.
 * The pass band is taken whole, not its loudest band: the bands there are a few bins
 * wide, and the loudest of several noisy estimates reads high.
 *
 * Why these bands: Atmos music delivery asks for an LFE low-passed with a cut-off between
 * 100 and 150 Hz and a slope of 18 to 24 dB per octave (Universal Music's Dolby Atmos
 * specifications and best practices). The gentlest filter allowed, 150 Hz at 18 dB per
 * octave, has taken 18 dB one octave above its cut-off, at 300 Hz. White noise through it
 * (a third-order Butterworth low-pass at 150 Hz) has a margin of 19.2 dB, through a filter
 * too gentle (second order, 12 dB per octave, at 150 Hz) 12.9 dB, printed full range 0 dB;
 * REQUIRED_MARGIN_DB lies halfway between the gentlest allowed and the too gentle (tests).
 *
 * Spectrum: Hann-windowed frames of FRAME_SECONDS (about 5.9 Hz a bin at 48 kHz), half
 * overlapping, powers averaged; the Hann window's leakage (sidelobes falling 18 dB per
 * octave) puts a 60 Hz tone's spill into the 315 Hz band far below any level that matters.
 */
export const PASS_BAND_FROM_HZ = 20;
export const PASS_BAND_UP_TO_HZ = 100;
export const STOP_BAND_FROM_HZ = 315;
export const REQUIRED_MARGIN_DB = 16;
const FRAME_SECONDS = 0.17;
/** A channel whose loudest pass band density is this far below full scale holds nothing to judge. */
const SILENT_DENSITY_DB = -200;

export interface LfeBandLimit {
  /** Pass-band density (20 Hz to the 100 Hz band's top) minus the loudest stop-band density (bands from 315 Hz), dB; Infinity for a silent channel. */
  readonly marginDb: number;
  /** The stop band's loudest band, nominal Hz (undefined for a silent channel). */
  readonly loudestStopBandHz: number | undefined;
  readonly silent: boolean;
}

export function measureLfeBandLimit(samples: Float32Array, sampleRateHz: number): LfeBandLimit {
  const size = frameSize(sampleRateHz);
  const power = averagePowerSpectrum(samples, size);
  const binHz = sampleRateHz / size;
  const bands = thirdOctaveBands(sampleRateHz);
  const passBandTopHz = bands.find((band) => band.nominalHz === PASS_BAND_UP_TO_HZ)!.upperHz;
  const passDb = bandDensityDb(power, binHz, PASS_BAND_FROM_HZ, passBandTopHz);
  let stopDb = -Infinity;
  let loudestStopBandHz: number | undefined;
  for (const band of bands) {
    if (band.nominalHz < STOP_BAND_FROM_HZ) continue;
    const densityDb = bandDensityDb(power, binHz, band.lowerHz, band.upperHz);
    if (densityDb > stopDb) {
      stopDb = densityDb;
      loudestStopBandHz = band.nominalHz;
    }
  }
  if (!(passDb > SILENT_DENSITY_DB) && !(stopDb > SILENT_DENSITY_DB)) {
    return { marginDb: Infinity, loudestStopBandHz: undefined, silent: true };
  }
  return { marginDb: passDb - stopDb, loudestStopBandHz, silent: false };
}

/** The power of two nearest FRAME_SECONDS at the rate (8192 at 48 kHz). */
function frameSize(sampleRateHz: number): number {
  return Math.pow(2, Math.round(Math.log2(FRAME_SECONDS * sampleRateHz)));
}

function averagePowerSpectrum(samples: Float32Array, size: number): Float64Array {
  const fft = createRealFft(size);
  const frame = new Float64Array(size);
  const re = new Float64Array(fft.bins);
  const im = new Float64Array(fft.bins);
  const power = new Float64Array(fft.bins);
  const window = new Float64Array(size);
  for (let n = 0; n < size; n++) window[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / size);
  const hop = size / 2;
  // A channel shorter than a frame is one zero-padded frame.
  const frames = Math.max(1, Math.floor((samples.length - size) / hop) + 1);
  for (let f = 0; f < frames; f++) {
    const start = f * hop;
    for (let n = 0; n < size; n++) frame[n] = (samples[start + n] ?? 0) * window[n]!;
    realFftForward(fft, frame, re, im);
    for (let k = 0; k < fft.bins; k++) power[k] = power[k]! + re[k]! * re[k]! + im[k]! * im[k]!;
  }
  for (let k = 0; k < fft.bins; k++) power[k] = power[k]! / frames;
  return power;
}

/** Mean power per bin of the bins whose centres fall in [lowerHz, upperHz), in dB (-Infinity when empty or silent). */
function bandDensityDb(power: Float64Array, binHz: number, lowerHz: number, upperHz: number): number {
  const first = Math.ceil(lowerHz / binHz);
  const last = Math.min(power.length, Math.ceil(upperHz / binHz));
  if (last <= first) return -Infinity;
  let sum = 0;
  for (let k = first; k < last; k++) sum += power[k]!;
  return 10 * Math.log10(sum / (last - first));
}
