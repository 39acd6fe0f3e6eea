import type { OutputDefinition } from '../core/outputs/outputDefinition';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { busTailFrames } from './buses/createBus';
import type { BusOutput } from './buses/objectBus';
import { checkDownmixMatrix } from './downmix/downmix';
import { RENDER_BLOCK_FRAMES } from './renderBlock';

/**
 * How a renderer makes the outputs it is asked for: the buses to run (one per binaural or
 * loudspeaker output, each once, including the sources of downmixes not asked for
 * themselves) and the downmixes, each after what it reads, and where each asked output
 * comes from.
 */
export interface OutputPlan {
  readonly buses: readonly BusOutput[];
  /** In the order they are computed; `from` indexes the plan's stages (buses first, then downmixes). */
  readonly downmixes: readonly PlannedDownmix[];
  /** Per asked output, the stage it is read from: a bus index, or buses.length + a downmix index. */
  readonly stageOf: readonly number[];
}

export interface PlannedDownmix {
  readonly output: Extract<OutputDefinition, { kind: 'downmix' }>;
  readonly from: number;
}

/** Plans `outputs`; throws naming the output when two share an id or a downmix does not fit its source. */
export function planOutputs(outputs: readonly OutputDefinition[]): OutputPlan {
  const ids = new Set<string>();
  for (const output of outputs) {
    if (ids.has(output.id)) throw new Error(`two outputs are called "${output.id}": output ids must be unique`);
    ids.add(output.id);
  }
  const buses: BusOutput[] = [];
  const busOf = (output: OutputDefinition): BusOutput => (output.kind === 'downmix' ? busOf(output.from) : output);
  for (const output of outputs) {
    const bus = busOf(output);
    if (!buses.some((b) => b.id === bus.id)) buses.push(bus);
  }
  const downmixes: PlannedDownmix[] = [];
  const stageOf = (output: OutputDefinition): number => {
    if (output.kind !== 'downmix') return buses.findIndex((bus) => bus.id === output.id);
    const known = downmixes.findIndex((d) => d.output.id === output.id);
    if (known >= 0) return buses.length + known;
    const from = stageOf(output.from);
    checkDownmixMatrix(output.id, output.matrix, output.from.channels.length);
    if (output.matrix.length !== output.channels.length) {
      throw new RangeError(`downmix "${output.id}": ${output.matrix.length} matrix rows for ${output.channels.length} channels`);
    }
    downmixes.push({ output, from });
    return buses.length + downmixes.length - 1;
  };
  return { buses, downmixes, stageOf: outputs.map(stageOf) };
}

/**
 * Frames a render of these stems lasts: the longest stem, plus the time the outputs'
 * buses ring after it (the binaural bus's HRIR partitions; one block otherwise).
 */
export function renderLengthFrames(stems: readonly (readonly Float32Array[])[], outputs: readonly OutputDefinition[], hrtf: HrtfGrid | undefined): number {
  const stemFrames = stems.reduce((longest, channels) => channels.reduce((l, channel) => Math.max(l, channel.length), longest), 0);
  const tails = planOutputs(outputs).buses.map((bus) => busTailFrames(bus, { hrtf }));
  // With no bus, one block: what a loudspeaker bus rings.
  return stemFrames + Math.max(RENDER_BLOCK_FRAMES, ...tails);
}
