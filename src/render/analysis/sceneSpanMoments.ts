import { analysisFrameSize, createMomentAnalyser, feedMomentAnalyser, finishMomentAnalyser, momentSpanInput, momentSumsOf } from '../../dsp/analysis/monoMomentAnalyser';
import type { MomentAnalyser, MomentFrameRange, MomentSums } from '../../dsp/analysis/monoMomentAnalyser';
import type { SceneAnalysisSetup } from './sceneAnalysisSetup';
import { monoLawGain } from '../../core/monoLaw';
import { createSourceContributions, renderContributionChunk, seekContributions } from './sourceContributions';
import type { SourceContributions } from './sourceContributions';
import { binauralSourceMatrices } from './binauralResponses';
import { createSpanLoudness, feedSpanLoudness, finishSpanLoudness, spanLoudnessRange } from './spanLoudness';
import type { ProgrammeLoudnessSums } from './spanLoudness';
import { addStemMoments } from './stemCorrelation';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';

/**
 * The sums of one span of a scene's mono analysis (sceneMonoAnalysis.ts adds the spans'
 * sums and draws the conclusions): plain typed arrays, so a span can be measured in a
 * worker and posted back.
 *
 * Each audible source is rendered alone, chunk by chunk, through the studio's renderer
 * (sourceContributions.ts); the analysed output ('stereo': the BS.2127 fold-down,
 * 'binaural': the binaural render) is the sum of these contributions, and the spectral
 * moments of each contribution against the sum (monoMomentAnalyser.ts) are what the
 * conclusions are drawn from.
 *
 * The binaural check beside a stereo analysis does not run the binaural bus: the
 * renderers hand out their objects' signals, and the survival analyser takes each
 * source's objects through their HRTF pairs and the master's mid/side in the frequency
 * domain (binauralResponses.ts), frame by frame, so the binaural contributions cost no
 * convolution and no inverse transform. Its sums are those of an analysis of the
 * binaural render, per source and of their sum, within the framing error spectralMatrix.ts
 * describes.
 *
 * A span after the first starts its renderers SPAN_PREROLL_SEC before its first
 * frame's audio and discards that pre-roll, so that what it analyses is what a render
 * from the start gives (see SPAN_PREROLL_SEC). Time-domain sums (the stems' moments)
 * count the span's own samples, from its first frame's centre to the next span's,
 * [first hop, end hop), so that spans that tile the frames count every sample once.
 */
export interface SceneSpanMoments {
  /** The analysed format's sums (null with survivalOnly). */
  readonly analysed: MomentSums | null;
  /** The binaural survival's sums, every source tracked against their sum (null without the survival pass). */
  readonly survival: MomentSums | null;
  /** Per source, the sums of L^2, R^2 and L R of its stem (addStemMoments; zeros with survivalOnly). */
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
 * IIR filters (air absorption, mid/side shelves and crossover, corners from 20 Hz: time
 * constants under 10 ms) settle, and so does the loudness meters' K-weighting
 * (LOUDNESS_PRE_ROLL_SEC, 0.3 s). 0.35 s covers them all.
 */
export const SPAN_PREROLL_SEC = 0.35;

/** Three sums per source or pair of channels: L^2, R^2, L R. */
export const PAIR_MOMENTS = 3;

/** Measures analysis frames `frames` (all of them when undefined); calls onProgress(fraction of the span). */
export function measureSceneSpan(setup: SceneAnalysisSetup, frames?: MomentFrameRange, onProgress?: (fraction: number) => void): SceneSpanMoments {
  const { scene, sources, stems, lengthFrames, windowSec } = setup;
  const sampleRateHz = scene.sampleRateHz;
  const range = frames === undefined ? {} : { frames };
  const contributions = createSourceContributions(setup);
  const analyser = setup.analyseFormat
    ? createMomentAnalyser({ sampleRateHz, inputCount: sources.length, perInput: true, totalFrames: lengthFrames, windowSec, ...range })
    : null;
  const survival = setup.survivalPass ? createSurvivalAnalyser(setup, contributions, range) : null;
  // Both analysers, when there are two, run on the same frames.
  const grid = analyser ?? survival;
  if (grid === null) throw new Error('mono analysis: nothing to measure (no format analysis and no binaural survival)');
  const stemSums = new Float64Array(PAIR_MOMENTS * sources.length);
  const analysed = setup.format === 'binaural' ? contributions.binaural : contributions.stereo;
  const chunkFrames = contributions.chunkFrames;

  const input = momentSpanInput(grid);
  // The span's own samples run from its first frame's centre to the next span's (past its last frame's input).
  const owned = { start: grid.frames.first * grid.hop, end: Math.min(lengthFrames, grid.frames.end * grid.hop) };
  const loudness = setup.loudness
    ? createSpanLoudness(spanLoudnessRange(owned.start, owned.end, lengthFrames, sampleRateHz), lengthFrames, sampleRateHz, chunkFrames, monoLawGain(setup.monoLaw))
    : null;
  const start = Math.min(input.start, loudness?.start ?? input.start);
  // On the block grid of a render from the start, so that blocks, and where a source's tail is cut after its stem, fall as in one.
  let position = Math.max(0, RENDER_BLOCK_FRAMES * Math.floor((start - Math.ceil(SPAN_PREROLL_SEC * sampleRateHz)) / RENDER_BLOCK_FRAMES));
  if (position > 0) seekContributions(contributions, position);
  // The stems' correlations go with the format's findings; the survival alone has no use for them.
  if (analyser !== null) stems.forEach((channels, i) => addStemMoments(channels, owned.start, owned.end, stemSums, PAIR_MOMENTS * i));
  while (position < owned.end) {
    // Chunks end where the analysed input starts, so that it is fed from there.
    const count = Math.min(chunkFrames, (position < input.start ? input.start : owned.end) - position);
    renderContributionChunk(contributions, count);
    if (loudness !== null) feedSpanLoudness(loudness, contributions, position, count);
    if (position >= input.start) {
      if (analyser !== null) feedMomentAnalyser(analyser, analysed, count);
      if (survival !== null) feedMomentAnalyser(survival, contributions.objects, count);
    }
    position += count;
    onProgress?.(Math.max(0, position - input.start) / Math.max(1, owned.end - input.start));
  }
  if (analyser !== null) finishMomentAnalyser(analyser);
  if (survival !== null) finishMomentAnalyser(survival);
  return {
    analysed: analyser === null ? null : momentSumsOf(analyser),
    survival: survival === null ? null : momentSumsOf(survival),
    stems: stemSums,
    loudness: loudness === null ? null : finishSpanLoudness(loudness),
    nonFiniteBlocks: contributions.renderers.reduce((n, renderer) => n + renderer.nonFiniteBlocks, 0),
  };
}

/** The binaural survival's analyser: input i is source i's objects, taken to its binaural contribution by its matrix. */
function createSurvivalAnalyser(setup: SceneAnalysisSetup, contributions: SourceContributions, range: { frames?: MomentFrameRange }): MomentAnalyser {
  const { scene, sources, stems, lengthFrames, windowSec, hrtf } = setup;
  if (hrtf === undefined) throw new Error('mono analysis: the binaural survival needs an HRTF set');
  const sampleRateHz = scene.sampleRateHz;
  const inputMatrices = binauralSourceMatrices(scene, contributions.renderers, stems.map((channels) => channels.length), hrtf, analysisFrameSize(sampleRateHz));
  return createMomentAnalyser({ sampleRateHz, inputCount: sources.length, perInput: true, totalFrames: lengthFrames, windowSec, inputMatrices, ...range });
}
