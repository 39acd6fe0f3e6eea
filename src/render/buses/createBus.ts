import type { HrtfGrid } from '../../dsp/hrtf/hrtfGrid';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';
import { createBinauralBus } from './binaural/binauralBus';
import { binauralPartitions } from './binaural/binauralFilterBuilder';
import { createLoudspeakerBus, LOUDSPEAKER_BUS_TAIL_FRAMES } from './loudspeakerBus';
import type { BusOutput, ObjectBus } from './objectBus';

/** What buses are made with besides their output. */
export interface BusContext {
  /** The HRTF grid at the scene's sample rate; a binaural bus needs it. */
  readonly hrtf: HrtfGrid | undefined;
}

interface BusFactory<K extends BusOutput['kind']> {
  create(output: Extract<BusOutput, { kind: K }>, context: BusContext): ObjectBus;
  /** How long the bus rings after its input stops, frames, without creating it (the length of a render). */
  tailFrames(output: Extract<BusOutput, { kind: K }>, context: BusContext): number;
}

function hrtfFor(output: BusOutput, context: BusContext): HrtfGrid {
  if (context.hrtf === undefined) throw new Error(`the "${output.id}" output is binaural and needs an HRTF set`);
  return context.hrtf;
}

/** One entry per bus kind: the one place a new kind of output is added (DESIGN.md section 2). */
const BUS_FACTORIES: { readonly [K in BusOutput['kind']]: BusFactory<K> } = {
  binaural: {
    create: (output, context) => createBinauralBus(output, hrtfFor(output, context)),
    tailFrames: (output, context) => binauralPartitions(hrtfFor(output, context), RENDER_BLOCK_FRAMES) * RENDER_BLOCK_FRAMES,
  },
  loudspeakers: {
    create: (output) => createLoudspeakerBus(output),
    tailFrames: () => LOUDSPEAKER_BUS_TAIL_FRAMES,
  },
};

export function createBus(output: BusOutput, context: BusContext): ObjectBus {
  return (BUS_FACTORIES[output.kind] as BusFactory<BusOutput['kind']>).create(output, context);
}

export function busTailFrames(output: BusOutput, context: BusContext): number {
  return (BUS_FACTORIES[output.kind] as BusFactory<BusOutput['kind']>).tailFrames(output, context);
}
