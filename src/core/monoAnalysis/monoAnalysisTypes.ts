import type { MonoLaw } from '../monoLaw';
import type { AnalysisBand, MonoFinding, SourceMonoLoss } from './findingTypes';

/**
 * The result of a mono-compatibility analysis: of a scene (per source, with culprits) or
 * of a finished stereo mix (no sources). Plain data (numbers, strings, arrays), so it
 * crosses a worker boundary and serialises to JSON as it is. The analysis (src/render/analysis)
 * makes it; the store, the studio and the command line read it, hence its place in core.
 *
 * Conventions: levels in dB; mono loss as in dsp/meters/stereoMoments.ts
 * (monoLossDbFromMoments: the mono fold-down against the stereo level, negative = lost,
 * 0 dB for uncorrelated channels with the -3 dB law); times in seconds from the start;
 * bands are the one-third-octave bands of dsp/filters/thirdOctaveBands.ts. The findings
 * (findingTypes.ts) are data too: the sentences people read are written from them by
 * phrasing/, in one place for the studio and the command line.
 */
export type AnalysedFormat = 'stereo' | 'binaural';

/** Broadband and per-band figures of one stereo signal over the whole programme. */
export interface StereoFieldSummary {
  /** Mono loss of the whole programme (energy-weighted over time), dB. */
  readonly monoLossDb: number;
  readonly correlation: number;
  readonly midDb: number;
  readonly sideDb: number;
  /** Per band (same order as MonoAnalysis.bands): mono loss, dB, and correlation. */
  readonly bandMonoLossDb: readonly number[];
  readonly bandCorrelation: readonly number[];
}

/** Figures per analysis window (MonoAnalysis.windowSec long), for plots and for finding the worst moments. */
export interface AnalysisTimeline {
  readonly windowSec: number;
  /** Start of each window. */
  readonly startSec: readonly number[];
  readonly monoLossDb: readonly number[];
  readonly correlation: readonly number[];
  /** Level of the stereo signal per window, dBFS (mean square over both channels), to tell silence from loss. */
  readonly levelDb: readonly number[];
}

/** Per source: its own contribution and what it does to the mix. */
export interface SourceMonoFigures {
  readonly sourceId: string;
  readonly sourceName: string;
  /** Level of the source's contribution to the analysed output, dBFS. */
  readonly levelDb: number;
  /** Mono loss of the source's own contribution, dB. */
  readonly monoLossDb: number;
  readonly correlation: number;
  readonly removalImprovementDb: number;
  readonly collapseImprovementDb: number;
}

/** How much of the binaural render survives mono and loudspeaker playback. */
export interface BinauralSurvival {
  /** Mono loss of the binaural render (ears summed to mono), dB. */
  readonly monoLossDb: number;
  readonly correlation: number;
  readonly bandMonoLossDb: readonly number[];
  /** Per source, the mono loss of its binaural contribution (scene analyses only). */
  readonly sources: readonly SourceMonoLoss[];
}

export interface MonoAnalysis {
  /** What was analysed: the stereo fold-down or the binaural render of a scene, or a mix file. */
  readonly subject: 'scene' | 'mix';
  readonly format: AnalysedFormat;
  readonly sampleRateHz: number;
  readonly durationSec: number;
  readonly monoLaw: MonoLaw;
  readonly bands: readonly AnalysisBand[];
  readonly overall: StereoFieldSummary;
  readonly timeline: AnalysisTimeline;
  /** Scene analyses only: per source, in scene order (audible sources). */
  readonly sources: readonly SourceMonoFigures[];
  /** Most severe first. */
  readonly findings: readonly MonoFinding[];
  /** Present when the binaural render was checked. */
  readonly binaural?: BinauralSurvival;
}
