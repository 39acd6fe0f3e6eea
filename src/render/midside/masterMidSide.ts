import type { MidSideSettings } from '../../core/scene/midSideSettings';
import { createMidSideProcessor, resetMidSideProcessor, setMidSideParams } from '../../dsp/midside/midSideControl';
import type { MidSideProcessor } from '../../dsp/midside/midSideControl';

/**
 * The master's mid/side stage: one processor, all with the same settings, on every
 * two-channel bus (the binaural ears and the 0+2+0 loudspeakers), so a downmix of such a
 * bus (mono) follows it. Buses of more channels have none (null). The renderer runs them
 * in place (processMidSide), so neutral settled settings leave the buffers untouched at
 * no cost.
 */
export interface MasterMidSideStage {
  /** Per bus, in the renderer's bus order. */
  readonly processors: readonly (MidSideProcessor | null)[];
}

/** A stage for buses of `busChannelCounts` channels. */
export function createMasterMidSideStage(settings: MidSideSettings, sampleRateHz: number, busChannelCounts: readonly number[]): MasterMidSideStage {
  return {
    processors: busChannelCounts.map((channels) => (channels === 2 ? createMidSideProcessor({ params: settings }, sampleRateHz) : null)),
  };
}

/** New settings; every processor glides to them. Allocation-free. */
export function setMasterMidSideSettings(stage: MasterMidSideStage, settings: MidSideSettings): void {
  for (const processor of stage.processors) if (processor !== null) setMidSideParams(processor, settings);
}

/** Clears the filters and jumps to the settings (seek, or a block that had to be silenced). */
export function resetMasterMidSide(stage: MasterMidSideStage): void {
  for (const processor of stage.processors) if (processor !== null) resetMidSideProcessor(processor);
}
