import type { DerivedOutput } from '../../core/outputs/outputDefinition';
import type { DerivedStage, DerivedStageContext } from './derivedStage';
import { createDownmixStage } from './downmixStage';
import { createLayoutBinauralStage } from './layoutBinauralStage';

/** The stage that makes `output` from its source's block. */
export function createDerivedStage(output: DerivedOutput, context: DerivedStageContext): DerivedStage {
  switch (output.kind) {
    case 'downmix':
      return createDownmixStage(output, context.sampleRateHz, context.maxFrames);
    case 'layoutBinaural':
      if (context.hrtf === undefined) throw new Error(`the "${output.id}" output is binaural and needs an HRTF set`);
      return createLayoutBinauralStage(output, context.hrtf, context.maxFrames);
  }
}
