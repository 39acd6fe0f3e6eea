/**
 * Minimum-phase versions of all HRIRs of a set (both ears), with an optional change of
 * magnitude on the way (equalisation), and their shortening to the final length.
 * See minimumPhase.ts for the method and truncation.ts for the length rule.
 */
import { cepstralFftSize, createSpectrumWork, magnitudeSpectrum, minimumPhaseFromMagnitude } from './minimumPhase';
import { energyLength, truncateWithFade } from './truncation';

export interface MinimumPhaseHrirs {
  /** The first `keptLength` samples of each minimum-phase HRIR, directionCount x keptLength. */
  readonly left: Float64Array;
  readonly right: Float64Array;
  readonly keptLength: number;
  /** The longest 99.9 %-energy length (see truncation.ts) over all HRIRs, in samples. */
  readonly longestEnergyLength: number;
}

/**
 * Converts `directionCount` HRIR pairs of `length` samples. `shapeMagnitude`, when given,
 * changes each magnitude spectrum (bins 0..L/2 of a DFT of `fftSize`) in place before the
 * conversion. At most the DFT length is kept.
 */
export function minimumPhaseHrirs(
  left: Float32Array,
  right: Float32Array,
  directionCount: number,
  length: number,
  keptLength: number,
  shapeMagnitude?: (magnitude: Float64Array, fftSize: number) => void,
): MinimumPhaseHrirs {
  const work = createSpectrumWork(cepstralFftSize(length));
  const fftSize = work.fft.size;
  const kept = Math.min(keptLength, fftSize);
  const magnitude = new Float64Array(work.fft.bins);
  const response = new Float64Array(fftSize);
  const ears = [
    { source: left, output: new Float64Array(directionCount * kept) },
    { source: right, output: new Float64Array(directionCount * kept) },
  ] as const;
  let longestEnergyLength = 0;
  for (let d = 0; d < directionCount; d++) {
    for (const { source, output } of ears) {
      magnitudeSpectrum(work, source.subarray(d * length, (d + 1) * length), magnitude);
      shapeMagnitude?.(magnitude, fftSize);
      minimumPhaseFromMagnitude(work, magnitude, response);
      longestEnergyLength = Math.max(longestEnergyLength, energyLength(response));
      output.set(response.subarray(0, kept), d * kept);
    }
  }
  return { left: ears[0].output, right: ears[1].output, keptLength: kept, longestEnergyLength };
}

/** The HRIRs of one ear cut to `hrirLength` samples, the last `fade` faded out, as float32. */
export function shortenHrirs(hrirs: Float64Array, directionCount: number, keptLength: number, hrirLength: number, fade: number): Float32Array {
  const shortened = new Float32Array(directionCount * hrirLength);
  for (let d = 0; d < directionCount; d++) {
    truncateWithFade(
      hrirs.subarray(d * keptLength, (d + 1) * keptLength),
      shortened.subarray(d * hrirLength, (d + 1) * hrirLength),
      hrirLength,
      fade,
    );
  }
  return shortened;
}
