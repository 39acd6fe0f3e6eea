import type { DownmixOutput } from '../../core/outputs/outputDefinition';
import { createAllPassChain, designQuadratureNetwork, processAllPassChain, resetAllPassChain } from '../../dsp/filters/quadratureAllPass';
import type { AllPassChain } from '../../dsp/filters/quadratureAllPass';
import { applyDownmix } from './downmix';
import type { DerivedStage } from './derivedStage';

/**
 * A downmix output as a stage (core/outputs: DownmixOutput): its matrix on the source's
 * block, and for a matrix encoding (Lt/Rt) its surround path:
 *   out_c = A[sum_k matrix[c][k] in_k] + outputGains[c] B[sum_k sumGains[k] in_k],
 * with A (one chain per output channel) and B (one chain for the sum) the leading and
 * lagging chains of the 90-degree network (dsp/filters/quadratureAllPass.ts). State lives
 * in the chains (reset on seek); everything after creation is allocation-free.
 */
export function createDownmixStage(output: DownmixOutput, sampleRateHz: number, maxFrames: number): DerivedStage {
  const block = output.channels.map(() => new Float32Array(maxFrames));
  const quadrature = output.quadrature;
  if (quadrature === undefined) {
    return {
      block,
      tailFrames: 0,
      process: (input, frames) => applyDownmix(output.matrix, input, block, frames),
      reset: () => {},
    };
  }
  const design = designQuadratureNetwork(sampleRateHz);
  const fronts: AllPassChain[] = output.channels.map(() => createAllPassChain(design.leading));
  const surround = createAllPassChain(design.lagging);
  const sum = new Float32Array(maxFrames);
  const { sumGains, outputGains } = quadrature;
  return {
    block,
    // The chains ring for seconds at a level that is negligible; a render does not wait for it.
    tailFrames: 0,
    process(input, frames) {
      applyDownmix(output.matrix, input, block, frames);
      sum.fill(0, 0, frames);
      for (let k = 0; k < sumGains.length; k++) {
        const gain = sumGains[k]!;
        if (gain === 0) continue;
        const channel = input[k]!;
        for (let i = 0; i < frames; i++) sum[i] = sum[i]! + gain * channel[i]!;
      }
      processAllPassChain(surround, sum, frames);
      for (let c = 0; c < block.length; c++) {
        const out = block[c]!;
        processAllPassChain(fronts[c]!, out, frames);
        const gain = outputGains[c]!;
        for (let i = 0; i < frames; i++) out[i] = out[i]! + gain * sum[i]!;
      }
    },
    reset() {
      for (const chain of fronts) resetAllPassChain(chain);
      resetAllPassChain(surround);
    },
  };
}
