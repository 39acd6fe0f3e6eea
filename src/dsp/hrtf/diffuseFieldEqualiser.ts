/**
 * Diffuse-field equalisation of an HRIR set (Larcher, Jot and Vandernoot, "Equalization
 * methods in binaural technology", AES 105th Convention, preprint 4858, 1998): divide
 * every HRTF by the diffuse-field HRTF, the root of the solid-angle-weighted power
 * average over all directions and both ears,
 *   P_df(f) = sum_d w_d (|H_left,d(f)|^2 + |H_right,d(f)|^2) / 2,   sum_d w_d = 1.
 * What all directions share (the ear canal and microphone, and for MIT KEMAR the
 * measurement loudspeaker) goes; what tells directions apart stays, and the set sounds
 * neutral on headphones, as a diffuse field rendered with it has unit power.
 *
 * P_df is smoothed over 1/6 octave (each bin the mean power over [f 2^-1/12, f 2^1/12])
 * so the equaliser has no narrow peaks, and its gain 1 / sqrt(P_smoothed) is bounded to
 * MAX_BOOST_DB above and MAX_CUT_DB below its median over the DFT bins from 200 Hz to
 * 16 kHz: the bounds stop it from boosting the bands the measurement hardly reached
 * (below about 100 Hz for the MIT loudspeaker, above a resampler's cutoff) into noise.
 * Why 1/6 and not the more usual 1/3 octave: a band mean of power follows the higher
 * side of a steep slope, and MIT KEMAR's P_df falls 8 dB from 14 to 16 kHz; with 1/3
 * octave the equalised set came out 1.9 dB low at 15 kHz, with 1/6 octave its
 * diffuse-field power is flat within 0.7 dB from 200 Hz to 17 kHz (1/6-octave bands).
 */
import { magnitudeSpectrum } from './minimumPhase';
import type { SpectrumWork } from './minimumPhase';

export const SMOOTHING_OCTAVES = 1 / 6;
export const MAX_BOOST_DB = 15;
export const MAX_CUT_DB = 15;
const MEDIAN_BAND_HZ = [200, 16000] as const;

/** P_df(f) of flat HRIRs (directionCount x irLength per ear) on the DFT bins of `work`. */
export function diffuseFieldPower(
  left: Float32Array,
  right: Float32Array,
  irLength: number,
  weights: Float64Array,
  work: SpectrumWork,
): Float64Array {
  const bins = work.fft.bins;
  const power = new Float64Array(bins);
  const magnitude = new Float64Array(bins);
  for (let d = 0; d < weights.length; d++) {
    for (const ear of [left, right]) {
      magnitudeSpectrum(work, ear.subarray(d * irLength, (d + 1) * irLength), magnitude);
      const scale = weights[d]! / 2;
      for (let k = 0; k < bins; k++) power[k]! += scale * magnitude[k]! * magnitude[k]!;
    }
  }
  return power;
}

/**
 * The equaliser's amplitude gain per bin (bins 0..L/2 of a DFT of length L at
 * `sampleRateHz`) for the diffuse-field power `power`.
 */
export function diffuseFieldEqGain(power: Float64Array, sampleRateHz: number): Float64Array {
  const bins = power.length;
  const binHz = sampleRateHz / (2 * (bins - 1));
  const smoothed = smoothFractionalOctave(power, SMOOTHING_OCTAVES);
  const gainDb = new Float64Array(bins);
  for (let k = 0; k < bins; k++) gainDb[k] = -10 * Math.log10(Math.max(smoothed[k]!, Number.MIN_VALUE));
  const bandGains: number[] = [];
  for (let k = 0; k < bins; k++) {
    if (k * binHz >= MEDIAN_BAND_HZ[0] && k * binHz <= MEDIAN_BAND_HZ[1]) bandGains.push(gainDb[k]!);
  }
  bandGains.sort((a, b) => a - b);
  const medianDb = bandGains[Math.floor(bandGains.length / 2)] ?? 0;
  const gain = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    const boundedDb = Math.min(medianDb + MAX_BOOST_DB, Math.max(medianDb - MAX_CUT_DB, gainDb[k]!));
    gain[k] = Math.pow(10, boundedDb / 20);
  }
  return gain;
}

/** Mean of `power` over the bins within a factor 2^(octaves/2) of each bin's frequency (bin 0 stays as it is). */
function smoothFractionalOctave(power: Float64Array, octaves: number): Float64Array {
  const bins = power.length;
  const prefix = new Float64Array(bins + 1);
  for (let k = 0; k < bins; k++) prefix[k + 1] = prefix[k]! + power[k]!;
  const ratio = Math.pow(2, octaves / 2);
  const smoothed = new Float64Array(bins);
  smoothed[0] = power[0]!;
  for (let k = 1; k < bins; k++) {
    const low = Math.max(1, Math.ceil(k / ratio));
    const high = Math.min(bins - 1, Math.floor(k * ratio));
    smoothed[k] = (prefix[high + 1]! - prefix[low]!) / (high + 1 - low);
  }
  return smoothed;
}
