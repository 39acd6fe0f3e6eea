import { createPartitionScratch, filterPartitionSpectra } from '../../../dsp/convolution/partitionSpectra';
import type { PartitionScratch } from '../../../dsp/convolution/partitionSpectra';
import type { RealFft } from '../../../dsp/fft';
import {
  FRACTIONAL_DELAY_HALF_WIDTH,
  MIN_FRACTIONAL_DELAY_SAMPLES,
  applyFractionalDelay,
  createFractionalDelayKernel,
  setFractionalDelay,
} from '../../../dsp/fractionalDelay';
import type { FractionalDelayKernel } from '../../../dsp/fractionalDelay';
import { locateDirection } from '../../../dsp/hrtf/hrtfGrid';
import type { HrtfGrid } from '../../../dsp/hrtf/hrtfGrid';

/**
 * Builds the two ears' filters for a direction: the minimum-phase HRIRs of the three
 * surrounding measurements mixed with their interpolation weights, and the interpolated
 * ITD applied separately as a band-limited fractional delay of the far ear. Interpolating
 * minimum-phase responses (which are time-aligned) and delays separately is what keeps a
 * moving source free of the comb filtering that mixing raw, differently delayed HRIRs
 * would cause.
 *
 * Each ear's filter is delayed by MIN_FRACTIONAL_DELAY_SAMPLES (the fractional-delay
 * kernel's causal offset), the far ear by |ITD| more. The result is stored as the
 * spectra of its partitions, both ears interleaved per bin (left re, left im, right re,
 * right im), ready for the frequency-domain accumulation.
 */
export interface BinauralFilterBuilder {
  readonly grid: HrtfGrid;
  readonly fft: RealFft;
  readonly partitions: number;
  /** Taps of the delayed filter: partitions x block size. */
  readonly filterLength: number;
  readonly sampleRateHz: number;
  /** HRIR taps used: the set's, truncated to fit the partitions with the delays. */
  readonly hrirTaps: number;
  /** Gains of the last TRUNCATION_FADE_TAPS taps (all 1 when nothing is truncated). */
  readonly fade: Float64Array;
  readonly indices: Uint32Array;
  readonly weights: Float64Array;
  readonly hrirLeft: Float64Array;
  readonly hrirRight: Float64Array;
  /** The two ears' delayed filters, filterLength taps each. */
  readonly delayedLeft: Float64Array;
  readonly delayedRight: Float64Array;
  readonly kernel: FractionalDelayKernel;
  readonly scratch: PartitionScratch;
}

/**
 * Duration of the binaural filters: two 128-frame partitions at 44.1 and 48 kHz (four at
 * 88.2 and 96 kHz). Minimum-phase HRIRs hold nearly all their energy in the first few
 * milliseconds; longer filters would cost a third partition for every object.
 */
const BINAURAL_FILTER_SEC = 256 / 48000;
/** HRIR taps faded out at the truncation point (a half-Hann), so truncation never steps. */
const TRUNCATION_FADE_TAPS = 16;

/** Partitions per binaural filter at the grid's sample rate. */
export function binauralPartitions(grid: HrtfGrid, blockSize: number): number {
  return Math.max(1, Math.round((BINAURAL_FILTER_SEC * grid.set.sampleRateHz) / blockSize));
}

/** Delay samples the filters need beyond the HRIR: the kernel offset, the largest ITD and the kernel's tail. */
function delayAllowance(grid: HrtfGrid): number {
  let maxItdSec = 0;
  for (let d = 0; d < grid.set.directionCount; d++) maxItdSec = Math.max(maxItdSec, Math.abs(grid.set.itdSec[d]!));
  return MIN_FRACTIONAL_DELAY_SAMPLES + Math.ceil(maxItdSec * grid.set.sampleRateHz) + FRACTIONAL_DELAY_HALF_WIDTH + 1;
}

export function createBinauralFilterBuilder(grid: HrtfGrid, fft: RealFft, partitions: number): BinauralFilterBuilder {
  const blockSize = fft.size / 2;
  const hrirTaps = Math.min(grid.set.hrirLength, partitions * blockSize - delayAllowance(grid));
  if (hrirTaps < 2 * TRUNCATION_FADE_TAPS) {
    throw new Error(`binaural filters of ${partitions} partitions leave only ${hrirTaps} HRIR taps`);
  }
  const fade = new Float64Array(TRUNCATION_FADE_TAPS).fill(1);
  if (hrirTaps < grid.set.hrirLength) {
    for (let i = 0; i < TRUNCATION_FADE_TAPS; i++) fade[i] = 0.5 + 0.5 * Math.cos((Math.PI * (i + 1)) / (TRUNCATION_FADE_TAPS + 1));
  }
  return {
    grid,
    fft,
    partitions,
    filterLength: partitions * blockSize,
    sampleRateHz: grid.set.sampleRateHz,
    hrirTaps,
    fade,
    indices: new Uint32Array(3),
    weights: new Float64Array(3),
    hrirLeft: new Float64Array(hrirTaps),
    hrirRight: new Float64Array(hrirTaps),
    delayedLeft: new Float64Array(partitions * blockSize),
    delayedRight: new Float64Array(partitions * blockSize),
    kernel: createFractionalDelayKernel(),
    scratch: createPartitionScratch(fft),
  };
}

/**
 * Writes the partition spectra of both ears' filters for unit direction (x, y, z) in head
 * coordinates into `out` (partitions x bins x 4 values). Returns the triangle used, to
 * pass back as `hint` next time. Allocation-free.
 */
export function buildBinauralFilters(
  builder: BinauralFilterBuilder,
  x: number,
  y: number,
  z: number,
  hint: number,
  out: Float64Array,
): number {
  const { delayedLeft, delayedRight, filterLength, partitions, scratch } = builder;
  const triangle = buildBinauralFilterTaps(builder, x, y, z, hint, delayedLeft, delayedRight);
  filterPartitionSpectra(builder.fft, delayedLeft, filterLength, partitions, out, 0, 2, scratch);
  filterPartitionSpectra(builder.fft, delayedRight, filterLength, partitions, out, 1, 2, scratch);
  return triangle;
}

/**
 * Writes both ears' filters for unit direction (x, y, z) in head coordinates as taps,
 * filterLength of each: what the bus convolves with (an analysis can take their
 * response at any resolution). Returns the triangle used. Allocation-free.
 */
export function buildBinauralFilterTaps(
  builder: BinauralFilterBuilder,
  x: number,
  y: number,
  z: number,
  hint: number,
  left: Float64Array,
  right: Float64Array,
): number {
  const { grid, indices, weights, hrirLeft, hrirRight } = builder;
  const set = grid.set;
  const stride = set.hrirLength;
  const n = builder.hrirTaps;
  const triangle = locateDirection(grid, x, y, z, hint, indices, weights);
  hrirLeft.fill(0);
  hrirRight.fill(0);
  let itdSec = 0;
  for (let v = 0; v < 3; v++) {
    const w = weights[v]!;
    if (w === 0) continue;
    const offset = indices[v]! * stride;
    for (let k = 0; k < n; k++) {
      hrirLeft[k] = hrirLeft[k]! + w * set.left[offset + k]!;
      hrirRight[k] = hrirRight[k]! + w * set.right[offset + k]!;
    }
    itdSec += w * set.itdSec[indices[v]!]!;
  }
  const fade = builder.fade;
  for (let i = 0; i < fade.length; i++) {
    hrirLeft[n - fade.length + i] = hrirLeft[n - fade.length + i]! * fade[i]!;
    hrirRight[n - fade.length + i] = hrirRight[n - fade.length + i]! * fade[i]!;
  }
  // Positive ITD: the source is on the left, so the right ear hears it later.
  const itdSamples = itdSec * builder.sampleRateHz;
  delayInto(builder, hrirLeft, MIN_FRACTIONAL_DELAY_SAMPLES + Math.max(0, -itdSamples), left);
  delayInto(builder, hrirRight, MIN_FRACTIONAL_DELAY_SAMPLES + Math.max(0, itdSamples), right);
  return triangle;
}

function delayInto(builder: BinauralFilterBuilder, hrir: Float64Array, delaySamples: number, out: Float64Array): void {
  setFractionalDelay(builder.kernel, delaySamples);
  applyFractionalDelay(builder.kernel, hrir, hrir.length, out);
}
