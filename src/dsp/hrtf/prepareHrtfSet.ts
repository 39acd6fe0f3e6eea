/**
 * Prepares measured HRIRs for rendering (load-time work, for the shipped set and for a
 * user's own SOFA file alike):
 *  a. resample the measured (mixed-phase) HRIRs to the target rate, if it differs
 *     (resampleResponses.ts; both rates in whole hertz);
 *  b. estimate each direction's ITD from them (interauralTimeDifference.ts: onset at
 *     -30 dB of the 3 kHz low-passed HRIR, Andreopoulou and Katz 2017);
 *  c. diffuse-field equalise (diffuseFieldEqualiser.ts: solid-angle-weighted power
 *     average of both ears, 1/6-octave smoothed, inverted within +-15 dB of its median),
 *     and hold each equalised magnitude constant below LOW_FREQUENCY_EXTENSION_HZ;
 *  d. replace each HRIR by the minimum-phase response of that magnitude (folded real
 *     cepstrum, minimumPhase.ts), the ITD being carried apart as a pure delay;
 *  e. shorten to hrirLength (default: 99.9 % of every HRIR's energy, at most 5 ms,
 *     truncation.ts) with a half-Hann fade at the end.
 * Equalising and converting at once is exact: the equaliser is minimum-phase, and
 * minimum phase of |H| |G| is minimum phase of H times G.
 *
 * The low-frequency extension: at low frequencies the head is small against the
 * wavelength and a free-field HRTF tends to a constant magnitude with no interaural
 * level difference (B. Xie, "Head-Related Transfer Function and Virtual Auditory
 * Display", 2nd ed., 2013), while measurements lose their low end to the loudspeaker
 * (MIT KEMAR's diffuse-field power falls 16 dB from 160 Hz to 50 Hz, more than the
 * equaliser's bounded boost can restore). Holding each equalised magnitude at its
 * 150 Hz value gives a flat bass that a 5 ms response can also carry.
 */
import type { HrtfSet } from '../../core/hrtfSet';
import type { MeasuredHrirSet } from '../../core/measuredHrirSet';
import { MAX_BOOST_DB, MAX_CUT_DB, SMOOTHING_OCTAVES, diffuseFieldEqGain, diffuseFieldPower } from './diffuseFieldEqualiser';
import { LOW_PASS_HZ, ONSET_THRESHOLD_DB, estimateItdSec } from './interauralTimeDifference';
import { cepstralFftSize, createSpectrumWork } from './minimumPhase';
import { minimumPhaseHrirs, shortenHrirs } from './minimumPhaseHrirs';
import { resampleResponses } from './resampleResponses';
import { solidAngleWeights } from './solidAngleWeights';
import { FADE_SEC, defaultHrirLength, fadeLength, maxHrirLength } from './truncation';

const LOW_FREQUENCY_EXTENSION_HZ = 150;

export interface PrepareHrtfOptions {
  /** Sample rate of the prepared set; default the measured rate. */
  readonly sampleRateHz?: number;
  /** HRIR length in samples at that rate; default the 99.9 %-energy rule of truncation.ts. */
  readonly hrirLength?: number;
}

export function prepareHrtfSet(measured: MeasuredHrirSet, options: PrepareHrtfOptions = {}): HrtfSet {
  const sampleRateHz = options.sampleRateHz ?? measured.sampleRateHz;
  if (!Number.isFinite(sampleRateHz) || sampleRateHz <= 0) {
    throw new RangeError(`prepareHrtfSet: sampleRateHz must be a positive number of hertz, got ${sampleRateHz}`);
  }
  if (options.hrirLength !== undefined && (!Number.isInteger(options.hrirLength) || options.hrirLength < 1)) {
    throw new RangeError(`prepareHrtfSet: hrirLength must be a positive whole number of samples, got ${options.hrirLength}`);
  }
  const { directionCount } = measured;
  let { left, right, irLength } = measured;
  if (sampleRateHz !== measured.sampleRateHz) {
    const resampledLeft = resampleResponses(left, directionCount, irLength, measured.sampleRateHz, sampleRateHz);
    right = resampleResponses(right, directionCount, irLength, measured.sampleRateHz, sampleRateHz).responses;
    left = resampledLeft.responses;
    irLength = resampledLeft.length;
  }

  const itdSec = estimateItdSec(left, right, directionCount, irLength, sampleRateHz);

  const weights = solidAngleWeights(measured.azimuthDeg, measured.elevationDeg);
  const power = diffuseFieldPower(left, right, irLength, weights, createSpectrumWork(cepstralFftSize(irLength)));
  const eqGain = diffuseFieldEqGain(power, sampleRateHz);
  const equalise = (magnitude: Float64Array, fftSize: number): void => {
    for (let k = 0; k < magnitude.length; k++) magnitude[k] = magnitude[k]! * eqGain[k]!;
    const extensionBin = Math.min(magnitude.length - 1, Math.round((LOW_FREQUENCY_EXTENSION_HZ * fftSize) / sampleRateHz));
    magnitude.fill(magnitude[extensionBin]!, 0, extensionBin);
  };
  const keptLength = Math.max(options.hrirLength ?? 0, maxHrirLength(sampleRateHz));
  const minimum = minimumPhaseHrirs(left, right, directionCount, irLength, keptLength, equalise);

  const hrirLength = options.hrirLength ?? defaultHrirLength(minimum.longestEnergyLength, sampleRateHz);
  const fade = fadeLength(hrirLength, sampleRateHz);
  return {
    name: measured.name,
    sampleRateHz,
    directionCount,
    hrirLength,
    azimuthDeg: measured.azimuthDeg.slice(),
    elevationDeg: measured.elevationDeg.slice(),
    left: shortenHrirs(minimum.left, directionCount, minimum.keptLength, hrirLength, fade),
    right: shortenHrirs(minimum.right, directionCount, minimum.keptLength, hrirLength, fade),
    itdSec,
  };
}

/** How `set` was prepared, in one paragraph, for provenance strings and reports. */
export function describePreparation(set: HrtfSet): string {
  const lengthMs = ((1000 * set.hrirLength) / set.sampleRateHz).toFixed(2);
  return (
    `ITD: first onset at ${ONSET_THRESHOLD_DB} dB of the ${LOW_PASS_HZ / 1000} kHz low-passed HRIRs (Andreopoulou and Katz, JASA 142(2), 2017). ` +
    `Diffuse-field equalised: solid-angle-weighted power average of both ears, 1/${Math.round(1 / SMOOTHING_OCTAVES)}-octave smoothed, ` +
    `inverted within +${MAX_BOOST_DB}/-${MAX_CUT_DB} dB of its median; each magnitude held constant below ${LOW_FREQUENCY_EXTENSION_HZ} Hz. ` +
    `Minimum phase by the folded real cepstrum. ${set.hrirLength} samples at ${set.sampleRateHz} Hz (${lengthMs} ms), ` +
    `ending in a ${FADE_SEC * 1000} ms half-Hann fade.`
  );
}
