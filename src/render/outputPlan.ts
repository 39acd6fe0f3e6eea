import type { DerivedOutput, OutputDefinition } from '../core/outputs/outputDefinition';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { binauralPartitions } from './buses/binaural/binauralFilterBuilder';
import { busTailFrames } from './buses/createBus';
import type { BusOutput } from './buses/objectBus';
import { checkDownmixMatrix } from './downmix/downmix';
import { RENDER_BLOCK_FRAMES } from './renderBlock';

/**
 * How a renderer makes the outputs it is asked for: the buses to run (one per binaural or
 * loudspeaker output, each once, including the sources of derived outputs not asked for
 * themselves) and the derived outputs (downmixes, layouts heard binaurally), each after
 * what it reads, and where each asked output comes from.
 */
export interface OutputPlan {
  readonly buses: readonly BusOutput[];
  /** In the order they are computed; `from` indexes the plan's stages (buses first, then derived outputs). */
  readonly derived: readonly PlannedStage[];
  /** Per asked output, the stage it is read from: a bus index, or buses.length + a derived index. */
  readonly stageOf: readonly number[];
}

export interface PlannedStage {
  readonly output: DerivedOutput;
  readonly from: number;
}

/** Plans `outputs`; throws naming the output when two share an id or a derived output does not fit its source. */
export function planOutputs(outputs: readonly OutputDefinition[]): OutputPlan {
  const ids = new Set<string>();
  for (const output of outputs) {
    if (ids.has(output.id)) throw new Error(`two outputs are called "${output.id}": output ids must be unique`);
    ids.add(output.id);
  }
  const buses: BusOutput[] = [];
  const busOf = (output: OutputDefinition): BusOutput => (isDerived(output) ? busOf(output.from) : output);
  for (const output of outputs) {
    const bus = busOf(output);
    if (!buses.some((b) => b.id === bus.id)) buses.push(bus);
  }
  const derived: PlannedStage[] = [];
  const stageOf = (output: OutputDefinition): number => {
    if (!isDerived(output)) return buses.findIndex((bus) => bus.id === output.id);
    const known = derived.findIndex((d) => d.output.id === output.id);
    if (known >= 0) return buses.length + known;
    const from = stageOf(output.from);
    checkDerivedOutput(output);
    derived.push({ output, from });
    return buses.length + derived.length - 1;
  };
  return { buses, derived, stageOf: outputs.map(stageOf) };
}

function isDerived(output: OutputDefinition): output is DerivedOutput {
  return output.kind === 'downmix' || output.kind === 'layoutBinaural';
}

function checkDerivedOutput(output: DerivedOutput): void {
  if (output.kind !== 'downmix') return;
  const sourceChannels = output.from.channels.length;
  checkDownmixMatrix(output.id, output.matrix, sourceChannels);
  if (output.matrix.length !== output.channels.length) {
    throw new RangeError(`downmix "${output.id}": ${output.matrix.length} matrix rows for ${output.channels.length} channels`);
  }
  const quadrature = output.quadrature;
  if (quadrature === undefined) return;
  checkDownmixMatrix(output.id, [quadrature.sumGains], sourceChannels);
  if (quadrature.outputGains.length !== output.channels.length || !quadrature.outputGains.every(Number.isFinite)) {
    throw new RangeError(`downmix "${output.id}": the 90-degree path needs one finite gain per output channel (${output.channels.length})`);
  }
}

/** How long `output`'s own stage rings after its input stops, frames (the HRIR partitions of a layout heard binaurally). */
export function derivedTailFrames(output: DerivedOutput, hrtf: HrtfGrid | undefined): number {
  if (output.kind === 'downmix' || hrtf === undefined) return 0;
  return binauralPartitions(hrtf, RENDER_BLOCK_FRAMES) * RENDER_BLOCK_FRAMES;
}

/** How long `output` rings after the objects stop: its bus's tail plus every derived stage's on the way. */
export function outputTailFrames(output: OutputDefinition, hrtf: HrtfGrid | undefined): number {
  if (isDerived(output)) return outputTailFrames(output.from, hrtf) + derivedTailFrames(output, hrtf);
  return busTailFrames(output, { hrtf });
}

/**
 * Frames a render of these stems lasts: the longest stem, plus the time the outputs ring
 * after it (the binaural HRIR partitions; a loudspeaker bus's decorrelation filters' taps past their delay).
 */
export function renderLengthFrames(stems: readonly (readonly Float32Array[])[], outputs: readonly OutputDefinition[], hrtf: HrtfGrid | undefined): number {
  const stemFrames = stems.reduce((longest, channels) => channels.reduce((l, channel) => Math.max(l, channel.length), longest), 0);
  const tails = outputs.map((output) => outputTailFrames(output, hrtf));
  // With no output, one block.
  return stemFrames + Math.max(RENDER_BLOCK_FRAMES, ...tails);
}
