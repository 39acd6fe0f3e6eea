import { analysisFrameSize, createMomentAnalysers, feedMomentAnalyser, finishMomentAnalyser, momentSpanInput, momentSumsOf } from '../../dsp/analysis/monoMomentAnalyser';
import type { MomentAnalyser, MomentFrameRange, MomentInputConfig, MomentSums, MomentView } from '../../dsp/analysis/monoMomentAnalyser';
import type { SceneAnalysisSetup } from './sceneAnalysisSetup';
import { createSourceContributions, renderContributionChunk, seekContributions } from './sourceContributions';
import type { SourceContributions } from './sourceContributions';
import { sourceResponseMatrices } from './objectResponses';
import { createSpanLoudness, feedSpanLoudness, finishSpanLoudness, spanLoudnessRange } from './spanLoudness';
import type { ProgrammeLoudnessSums } from './spanLoudness';
import { addStemMoments } from './stemCorrelation';
import { pairChannels } from './analysisContributors';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';

/**
 * The sums of one span of a scene's mono analysis (sceneMonoAnalysis.ts adds the spans'
 * sums and draws the conclusions): plain typed arrays, so a span can be measured in a
 * worker and posted back.
 *
 * Each audible source is rendered alone, chunk by chunk, through the studio's renderer
 * (sourceContributions.ts), which hands out its objects' signals (after gains, distance,
 * air absorption and the source's mid/side). The scene does not move during an
 * analysis, so each render ('stereo': the BS.2127 fold-down, 'binaural': the binaural
 * bus), and the master's mid/side after it, is a linear time-invariant filter of the
 * objects: its response (objectResponses.ts) is applied to the objects' analysis frames,
 * which gives each source's contribution to the render frame by frame without running the
 * bus, and their sum. The spectral moments of each contribution against the sum
 * (monoMomentAnalyser.ts) are what the conclusions are drawn from. The analysed format
 * and, beside a stereo analysis, the binaural survival share the objects' transforms.
 *
 * A scene that moves (an audible source's timeline moves it) is not time-invariant, and a
 * bed's or HOA stem's many channels are not the two objects a response takes: then the
 * contributors' rendered outputs are analysed instead, as they are (SceneAnalysisSetup.rendered):
 * each contributor's renderer runs the analysed format's bus (and the binaural one beside a
 * stereo analysis), and the analysers take those channels without a filter.
 *
 * A span after the first starts its renderers SPAN_PREROLL_SEC before its first
 * frame's audio and discards that pre-roll, so that what it analyses is what a render
 * from the start gives (see SPAN_PREROLL_SEC). Time-domain sums (the stems' moments)
 * count the span's own samples, from its first frame's centre to the next span's,
 * [first hop, end hop), so that spans that tile the frames count every sample once.
 */
export interface SceneSpanMoments {
  /** The analysed format's sums. */
  readonly analysed: MomentSums;
  /** The binaural survival's sums: the binaural render's, and each source's own (null without the survival pass). */
  readonly survival: MomentSums | null;
  /** Per stem pair (analysisContributors.ts pairChannels), the sums of L^2, R^2 and L R (addStemMoments). */
  readonly stems: Float64Array;
  /** The loudness of the binaural, stereo and mono renders over the span (with setup.loudness). */
  readonly loudness: readonly ProgrammeLoudnessSums[] | null;
  /** Render blocks with non-finite samples, silenced by the renderers. */
  readonly nonFiniteBlocks: number;
}

/**
 * Audio rendered and discarded (for loudness: run through the meters uncounted) before a
 * later span's: after a seek the renderer fades its objects in over one block, the
 * binaural convolution needs its HRIR's length (a few hundred frames) of history, the
 * filters settle (the air absorption's FIR, 128 taps; the mid/side shelves and crossover,
 * corners from 20 Hz: time constants under 10 ms), and so does the loudness meters' K-weighting
 * (LOUDNESS_PRE_ROLL_SEC, 0.3 s). 0.35 s covers them all.
 */
const SPAN_PREROLL_SEC = 0.35;

/** Three sums per source or pair of channels: L^2, R^2, L R. */
export const PAIR_MOMENTS = 3;

/** Measures analysis frames `frames` (all of them when undefined); calls onProgress(fraction of the span). */
export function measureSceneSpan(setup: SceneAnalysisSetup, frames?: MomentFrameRange, onProgress?: (fraction: number) => void): SceneSpanMoments {
  const { scene, lengthFrames } = setup;
  const sampleRateHz = scene.sampleRateHz;
  const contributions = createSourceContributions(setup);
  const { analyser, survival, feed } = createSpanAnalysers(setup, contributions, frames);
  const pairs = pairChannels(setup.contributors);
  const stemSums = new Float64Array(PAIR_MOMENTS * pairs.length);
  const chunkFrames = contributions.chunkFrames;

  const input = momentSpanInput(analyser);
  // The span's own samples run from its first frame's centre to the next span's (past its last frame's input).
  const owned = { start: analyser.frames.first * analyser.hop, end: Math.min(lengthFrames, analyser.frames.end * analyser.hop) };
  const loudness = setup.loudness
    ? createSpanLoudness(spanLoudnessRange(owned.start, owned.end, lengthFrames, sampleRateHz), lengthFrames, sampleRateHz, chunkFrames, setup.loudnessOutputs)
    : null;
  const start = Math.min(input.start, loudness?.start ?? input.start);
  // On the block grid of a render from the start, so that blocks, and where a source's tail is cut after its stem, fall as in one.
  let position = Math.max(0, RENDER_BLOCK_FRAMES * Math.floor((start - Math.ceil(SPAN_PREROLL_SEC * sampleRateHz)) / RENDER_BLOCK_FRAMES));
  if (position > 0) seekContributions(contributions, position);
  pairs.forEach((channels, k) => addStemMoments(channels, owned.start, owned.end, stemSums, PAIR_MOMENTS * k));
  while (position < owned.end) {
    // Chunks end where the analysed input starts, so that it is fed from there.
    const count = Math.min(chunkFrames, (position < input.start ? input.start : owned.end) - position);
    renderContributionChunk(contributions, count);
    if (loudness !== null) feedSpanLoudness(loudness, contributions, position, count);
    // One feed serves both analysers (they share the objects' transforms).
    if (position >= input.start) feed(count);
    position += count;
    onProgress?.(Math.max(0, position - input.start) / Math.max(1, owned.end - input.start));
  }
  finishMomentAnalyser(analyser);
  if (survival !== null && setup.rendered) finishMomentAnalyser(survival);
  return {
    analysed: momentSumsOf(analyser),
    survival: survival === null ? null : momentSumsOf(survival),
    stems: stemSums,
    loudness: loudness === null ? null : finishSpanLoudness(loudness),
    nonFiniteBlocks: contributions.renderers.reduce((n, renderer) => n + renderer.nonFiniteBlocks, 0),
  };
}

interface SpanAnalysers {
  readonly analyser: MomentAnalyser;
  readonly survival: MomentAnalyser | null;
  /** Feeds both the chunk's next `count` frames. */
  readonly feed: (count: number) => void;
}

/**
 * The span's analysers, made together on the sources' objects (input i: source i's
 * objects): the analysed format's render, and the binaural survival beside a stereo
 * analysis, each through its response matrices (objectResponses.ts). In a moving scene,
 * each on the sources' rendered outputs of its format instead.
 */
function createSpanAnalysers(setup: SceneAnalysisSetup, contributions: SourceContributions, frames: MomentFrameRange | undefined): SpanAnalysers {
  const { scene, contributors, lengthFrames, windowSec, hrtf } = setup;
  const sampleRateHz = scene.sampleRateHz;
  const config = { sampleRateHz, inputCount: contributors.length, totalFrames: lengthFrames, windowSec, ...(frames === undefined ? {} : { frames }) };
  if (setup.rendered) return renderedOutputAnalysers(setup, contributions, config);
  const objectCounts = contributors.map((c) => c.stem.length);
  const view = (format: 'stereo' | 'binaural', ownOnly: boolean): MomentView => ({
    perInput: true,
    ownOnly,
    inputMatrices: sourceResponseMatrices(scene, contributions.renderers, objectCounts, format, hrtf, analysisFrameSize(sampleRateHz)),
  });
  // The survival reports each source's own loss in the binaural render, not its share of the mix's.
  const views = [view(setup.format, false), ...(setup.survivalPass ? [view('binaural', true)] : [])];
  const analysers = createMomentAnalysers(config, views);
  const analyser = analysers[0]!;
  return { analyser, survival: analysers[1] ?? null, feed: (count) => feedMomentAnalyser(analyser, contributions.objects, count) };
}

/** Analysers of each source's rendered outputs (its contribution to the analysed render and, beside a stereo analysis, to the binaural one). */
function renderedOutputAnalysers(setup: SceneAnalysisSetup, contributions: SourceContributions, config: MomentInputConfig): SpanAnalysers {
  const renderedOf = (id: string): readonly (readonly Float32Array[])[] => {
    const k = contributions.outputs.findIndex((output) => output.id === id);
    if (k < 0) throw new Error(`mono analysis: the ${id} render is not rendered for an analysis of rendered outputs`);
    return contributions.rendered.map((outputs) => outputs[k]!);
  };
  const analysed = renderedOf(setup.format);
  const analyser = createMomentAnalysers(config, [{ perInput: true, ownOnly: false }])[0]!;
  // The survival reports each source's own loss in the binaural render, not its share of the mix's.
  const survival = setup.survivalPass ? createMomentAnalysers(config, [{ perInput: true, ownOnly: true }])[0]! : null;
  const binaural = survival === null ? null : renderedOf('binaural');
  return {
    analyser,
    survival,
    feed(count) {
      feedMomentAnalyser(analyser, analysed, count);
      if (survival !== null) feedMomentAnalyser(survival, binaural!, count);
    },
  };
}
