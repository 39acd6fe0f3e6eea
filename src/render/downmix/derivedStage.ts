import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';

/**
 * An output made from another output's block (core/outputs: DerivedOutput): a downmix
 * (downmixStage.ts) or a layout heard binaurally (layoutBinauralStage.ts). The renderer
 * runs each after the stage it reads, once per block; the loudness analysis per chunk.
 */
export interface DerivedStage {
  /** This output's channels, each at least as long as the largest `frames` processed. */
  readonly block: readonly Float32Array[];
  /** How long the stage rings after its input stops, frames. */
  readonly tailFrames: number;
  /** Writes `frames` samples of the output from `input` (the source output's channels) into `block`. Allocation-free. */
  process(input: readonly Float32Array[], frames: number): void;
  /** Forgets the history (a seek). */
  reset(): void;
}

/** What derived stages are made with. */
export interface DerivedStageContext {
  readonly sampleRateHz: number;
  /** The largest number of frames a call to process passes. */
  readonly maxFrames: number;
  /** The HRTF grid at the scene's rate; a layout heard binaurally needs it. */
  readonly hrtf: HrtfGrid | undefined;
}
