import type { MidSideSettings } from '../../core/midSideSettings';
import {
  createMidSideProcessor,
  resetMidSideProcessor,
  setMidSideParams,
} from '../../dsp/midside/midSideControl';
import type { MidSideProcessor } from '../../dsp/midside/midSideControl';

/**
 * The master's mid/side stage: one processor on the stereo fold-down (before the mono
 * fold-down, so mono follows it) and one on the binaural output, both with the same
 * settings. The renderer runs them in place (processMidSide), so neutral settled settings
 * leave the buffers untouched at no cost.
 */
export interface MasterMidSideStage {
  readonly stereo: MidSideProcessor;
  readonly binaural: MidSideProcessor;
}

export function createMasterMidSideStage(settings: MidSideSettings, sampleRateHz: number): MasterMidSideStage {
  return {
    stereo: createMidSideProcessor({ params: settings }, sampleRateHz),
    binaural: createMidSideProcessor({ params: settings }, sampleRateHz),
  };
}

/** New settings; both processors glide to them. Allocation-free. */
export function setMasterMidSideSettings(stage: MasterMidSideStage, settings: MidSideSettings): void {
  setMidSideParams(stage.stereo, settings);
  setMidSideParams(stage.binaural, settings);
}

/** Clears the filters and jumps to the settings (seek, or a block that had to be silenced). */
export function resetMasterMidSide(stage: MasterMidSideStage): void {
  resetMidSideProcessor(stage.stereo);
  resetMidSideProcessor(stage.binaural);
}

