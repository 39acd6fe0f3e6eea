import { createRealFft } from '../fft';
import type { RealFft } from '../fft';
import { clearFrequencyDelayLine, createFrequencyDelayLine, pushBlock } from './frequencyDelayLine';
import type { FrequencyDelayLine } from './frequencyDelayLine';
import { createOutputScratch, overlapSaveOutput } from './overlapSaveOutput';
import type { OutputScratch } from './overlapSaveOutput';
import { createPartitionScratch, filterPartitionSpectra, partitionCount } from './partitionSpectra';
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
  readonly filter: Float64Array;
  readonly acc: Float64Array;
  readonly scratch: OutputScratch;
}

export function createPartitionedConvolver(filter: ArrayLike<number>, blockSize: number): PartitionedConvolver {
  const fft = createRealFft(2 * blockSize);
  const partitions = partitionCount(filter.length, blockSize);
  const spectra = new Float64Array(partitions * fft.bins * 2);
  filterPartitionSpectra(fft, filter, filter.length, partitions, spectra, 0, 1, createPartitionScratch(fft));
  return {
    blockSize,
    fft,
    fdl: createFrequencyDelayLine(fft, partitions),
    filter: spectra,
    acc: new Float64Array(fft.bins * 2),
    scratch: createOutputScratch(fft),
  };
}

/** Convolves one block of `blockSize` samples. Allocation-free. */
export function processConvolverBlock(conv: PartitionedConvolver, input: ArrayLike<number>, output: Float32Array): void {
  pushBlock(conv.fdl, input);
  conv.acc.fill(0);
  accumulateFiltered(conv.fdl, conv.filter, conv.acc);
  overlapSaveOutput(conv.fft, conv.acc, 0, 1, conv.scratch, output, null, false);
}

/** Silences the convolver's history (a seek). */
export function resetConvolver(conv: PartitionedConvolver): void {
  clearFrequencyDelayLine(conv.fdl);
}
