import { createRealFft } from '../fft';
import type { RealFft } from '../fft';
import { createFrequencyDelayLine, pushBlock } from './frequencyDelayLine';
import type { FrequencyDelayLine } from './frequencyDelayLine';
import { overlapSaveOutput } from './overlapSaveOutput';
import { filterPartitionSpectra, partitionCount } from './partitionSpectra';
import { accumulateFiltered } from './spectralAccumulate';

/**
 * Single-channel uniformly partitioned FFT convolution with a fixed filter: block B in,
 * block B out, no latency beyond the block (overlap-save, FFT size 2B). The binaural
 * renderer uses the same parts with many objects summed in the frequency domain.
 */
export interface PartitionedConvolver {
  readonly blockSize: number;
  readonly fft: RealFft;
  readonly fdl: FrequencyDelayLine;
  readonly filterRe: Float64Array;
  readonly filterIm: Float64Array;
  readonly accRe: Float64Array;
  readonly accIm: Float64Array;
  readonly scratch: Float64Array;
}

export function createPartitionedConvolver(filter: ArrayLike<number>, blockSize: number): PartitionedConvolver {
  const fft = createRealFft(2 * blockSize);
  const partitions = partitionCount(filter.length, blockSize);
  const fdl = createFrequencyDelayLine(fft, partitions);
  const filterRe = new Float64Array(partitions * fft.bins);
  const filterIm = new Float64Array(partitions * fft.bins);
  const scratch = new Float64Array(fft.size);
  filterPartitionSpectra(fft, filter, filter.length, partitions, filterRe, filterIm, scratch);
  return {
    blockSize,
    fft,
    fdl,
    filterRe,
    filterIm,
    accRe: new Float64Array(fft.bins),
    accIm: new Float64Array(fft.bins),
    scratch,
  };
}

/** Convolves one block of `blockSize` samples. Allocation-free. */
export function processConvolverBlock(conv: PartitionedConvolver, input: ArrayLike<number>, output: Float32Array): void {
  pushBlock(conv.fdl, input);
  conv.accRe.fill(0);
  conv.accIm.fill(0);
  accumulateFiltered(conv.fdl, conv.filterRe, conv.filterIm, conv.accRe, conv.accIm);
  overlapSaveOutput(conv.fft, conv.accRe, conv.accIm, conv.scratch, output, null, false);
}
