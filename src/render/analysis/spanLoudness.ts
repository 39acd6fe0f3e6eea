import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import { STUDIO_OUTPUT_IDS } from '../../core/outputs/studioOutputs';
import type { StudioOutputId } from '../../core/outputs/studioOutputs';
import { loudnessWeightsForOutput } from '../../dsp/loudness/channelWeights';
import {
  LOUDNESS_FLOOR,
  createLoudnessMeter,
  createLoudnessReading,
  processLoudnessMeter,
  readLoudnessMeter,
  subBlockLength,
} from '../../dsp/loudness/loudnessMeter';
import type { LoudnessMeter } from '../../dsp/loudness/loudnessMeter';
import { primeLoudnessMeter } from '../../dsp/loudness/loudnessSpans';
import { createSubBlockPowerLog, subBlockPowers } from '../../dsp/loudness/subBlockPowerLog';
import type { SubBlockPowerLog } from '../../dsp/loudness/subBlockPowerLog';
import { flushTruePeak } from '../../dsp/loudness/truePeak';
import { createDerivedStage } from '../downmix/createDerivedStage';
import type { DerivedStage } from '../downmix/derivedStage';
import { planOutputs } from '../outputPlan';
import type { OutputPlan } from '../outputPlan';
import type { SourceContributions } from './sourceContributions';

/**
 * The loudness of the scene's binaural, stereo and mono renders, measured in the same pass
 * as the mono analysis: each bus's output is the sum of the sources' contributions to it
 * (a downmix, mono, is taken of that sum), so no second render of the scene is needed. A span measures
 * the 100 ms sub-blocks it owns (loudnessMeter.ts: their powers and its peaks), after an
 * uncounted pre-roll of the samples before them; the spans' powers joined in order, and
 * their peaks' maximum, are the whole programme's (joinSpanLoudness).
 */
export const LOUDNESS_PROGRAMMES = STUDIO_OUTPUT_IDS;
export type LoudnessProgramme = StudioOutputId;

/** A programme's loudness over a span, or (joined) over the whole programme. */
export interface ProgrammeLoudnessSums {
  readonly programme: LoudnessProgramme;
  /** The power z of every complete 100 ms sub-block, in order. */
  readonly powers: Float64Array;
  readonly truePeakDbtp: number;
  readonly samplePeakDbfs: number;
}

interface ProgrammeMeter {
  readonly programme: LoudnessProgramme;
  readonly meter: LoudnessMeter;
  readonly log: SubBlockPowerLog;
  readonly channels: readonly Float32Array[];
}

export interface SpanLoudness {
  /** Programme samples whose sub-blocks this span counts, [start, end). */
  readonly start: number;
  readonly end: number;
  readonly endsProgramme: boolean;
  readonly meters: readonly ProgrammeMeter[];
  /** How the programmes are made from the buses that the contributions render (in the plan's bus order). */
  readonly plan: OutputPlan;
  /** Per plan stage (buses, then derived outputs), this chunk's channels. */
  readonly stages: readonly (readonly Float32Array[])[];
  /** The derived outputs' stages, in the plan's order. */
  readonly derived: readonly DerivedStage[];
}

/**
 * The sub-blocks a span owns: those starting in [ownedStart, ownedEnd) after rounding both
 * down to a sub-block boundary (so consecutive spans tile them); the last span's run to
 * the programme's end (an incomplete last sub-block counts in no meter).
 */
export function spanLoudnessRange(ownedStart: number, ownedEnd: number, lengthFrames: number, sampleRateHz: number): { start: number; end: number } {
  const sub = subBlockLength(sampleRateHz);
  return { start: Math.floor(ownedStart / sub) * sub, end: ownedEnd >= lengthFrames ? lengthFrames : Math.floor(ownedEnd / sub) * sub };
}

/** `programmes`: the outputs measured, with the ids of LOUDNESS_PROGRAMMES in that order. */
export function createSpanLoudness(
  range: { start: number; end: number },
  lengthFrames: number,
  sampleRateHz: number,
  chunkFrames: number,
  programmes: readonly OutputDefinition[],
): SpanLoudness {
  const capacity = Math.ceil((range.end - range.start) / subBlockLength(sampleRateHz)) + 1;
  const plan = planOutputs(programmes);
  const derived = plan.derived.map((d) => createDerivedStage(d.output, { sampleRateHz, maxFrames: chunkFrames, hrtf: undefined }));
  const stages = [...plan.buses.map((output) => output.channels.map(() => new Float32Array(chunkFrames))), ...derived.map((stage) => stage.block)];
  const meters = LOUDNESS_PROGRAMMES.map((programme, k): ProgrammeMeter => {
    const output = programmes[k];
    if (output?.id !== programme) throw new Error(`loudness: expected the ${programme} output at ${k}, got ${output?.id ?? 'none'}`);
    const log = createSubBlockPowerLog(capacity);
    const channelWeights = loudnessWeightsForOutput(output);
    const channels = stages[plan.stageOf[k]!]!;
    return { programme, meter: createLoudnessMeter({ channelWeights, subBlockPowers: log }, sampleRateHz), log, channels };
  });
  return { ...range, endsProgramme: range.end >= lengthFrames, meters, plan, stages, derived };
}

/** Adds the chunk of programme samples [position, position + frames) that the contributions hold. */
export function feedSpanLoudness(span: SpanLoudness, contributions: SourceContributions, position: number, frames: number): void {
  const { plan, stages } = span;
  plan.buses.forEach((_, b) => sumInto(stages[b]!, contributions.rendered.map((outputs) => outputs[b]!), frames));
  plan.derived.forEach((d, k) => span.derived[k]!.process(stages[d.from]!, frames));
  // Before the span's first sub-block: pre-roll; from it to its last: counted; after: nothing.
  const primed = clamp(span.start - position, 0, frames);
  const counted = clamp(span.end - position, 0, frames) - primed;
  for (const { meter, channels } of span.meters) {
    if (primed > 0) primeLoudnessMeter(meter, channels, primed);
    if (counted > 0) processLoudnessMeter(meter, primed === 0 ? channels : channels.map((c) => c.subarray(primed)), counted);
  }
}

/** The span's sums; the last span's true peaks include the interpolated tail after the programme. */
export function finishSpanLoudness(span: SpanLoudness): ProgrammeLoudnessSums[] {
  return span.meters.map(({ programme, meter, log }) => {
    if (span.endsProgramme && meter.truePeak !== null) flushTruePeak(meter.truePeak, new Float32Array(256), new Array<Float32Array>(meter.channelCount));
    const reading = readLoudnessMeter(meter, createLoudnessReading());
    return { programme, powers: subBlockPowers(log).slice(), truePeakDbtp: reading.truePeakDbtp, samplePeakDbfs: reading.samplePeakDbfs };
  });
}

/** The whole programme's sums from its spans' (in span order). */
export function joinSpanLoudness(spans: readonly (readonly ProgrammeLoudnessSums[])[]): ProgrammeLoudnessSums[] {
  return LOUDNESS_PROGRAMMES.map((programme, p) => {
    const parts = spans.map((span) => span[p]!);
    const powers = new Float64Array(parts.reduce((n, part) => n + part.powers.length, 0));
    let at = 0;
    for (const part of parts) {
      powers.set(part.powers, at);
      at += part.powers.length;
    }
    return {
      programme,
      powers,
      truePeakDbtp: Math.max(...parts.map((part) => part.truePeakDbtp)),
      samplePeakDbfs: Math.max(...parts.map((part) => part.samplePeakDbfs)),
    };
  });
}

function sumInto(out: readonly Float32Array[], contributions: readonly (readonly Float32Array[])[], frames: number): void {
  out.forEach((channel, c) => {
    channel.fill(0, 0, frames);
    for (const contribution of contributions) {
      const input = contribution[c]!;
      for (let n = 0; n < frames; n++) channel[n] = channel[n]! + input[n]!;
    }
  });
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

/** The sums of a programme of silence (a scene in which no source is heard). */
export function silentProgrammeLoudness(lengthFrames: number, sampleRateHz: number): ProgrammeLoudnessSums[] {
  const subBlocks = Math.floor(lengthFrames / subBlockLength(sampleRateHz));
  return LOUDNESS_PROGRAMMES.map((programme) => ({ programme, powers: new Float64Array(subBlocks), truePeakDbtp: LOUDNESS_FLOOR, samplePeakDbfs: LOUDNESS_FLOOR }));
}
