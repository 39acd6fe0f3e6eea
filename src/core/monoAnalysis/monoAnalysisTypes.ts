import type { MonoLaw } from '../monoLaw';
import type { AnalysisBand, MonoFinding, SourceMonoVsStereo } from './findingTypes';

/**
 * The result of a mono-compatibility analysis: of a scene (per source, with culprits) or
 * of a finished stereo mix (no sources). Plain data (numbers, strings, arrays), so it
 * crosses a worker boundary and serialises to JSON as it is. The analysis (src/render/analysis)
 * makes it; the store, the studio and the command line read it, hence its place in core.
 *
 * Conventions: levels in dB; `monoVsStereoDb` is the mono sum vs stereo of
 * dsp/meters/stereoMoments.ts (monoVsStereoDbFromMoments: the mono fold-down against the
 * stereo level, signed: positive = gained in mono, negative = lost; 0 dB for uncorrelated
 * channels and +3.01 dB for identical ones with the -3 dB law). A field named `...LossDb`
 * is always a positive number of dB lost; times in seconds from the start;
 * bands are the one-third-octave bands of dsp/filters/thirdOctaveBands.ts. The findings
 * (findingTypes.ts) are data too: the sentences people read are written from them by
 * phrasing/, in one place for the studio and the command line.
 */
export type AnalysedFormat = 'stereo' | 'binaural';

/** What a scene analysis attributes to: an object (a source), a bed or an HOA stem. */
export type AnalysedStripKind = 'object' | MultichannelStripKind;
/** The strips of a multichannel stem; a figure or finding about one says which (`sourceKind`), one about an object does not. */
export type MultichannelStripKind = 'bed' | 'hoa';

/** A bed or HOA stem of the scene left out of the analysis (the studio: its stem is not loaded). */
export interface UnanalysedStrip {
  readonly id: string;
  readonly name: string;
  readonly kind: MultichannelStripKind;
}

/** Broadband and per-band figures of one stereo signal over the whole programme. */
export interface StereoFieldSummary {
  /** Mono sum vs stereo of the whole programme (energy-weighted over time), dB, signed. */
  readonly monoVsStereoDb: number;
  readonly correlation: number;
  readonly midDb: number;
  readonly sideDb: number;
  /** Per band (same order as MonoAnalysis.bands): mono sum vs stereo, dB, and correlation. */
  readonly bandMonoVsStereoDb: readonly number[];
  readonly bandCorrelation: readonly number[];
}

/** Figures per analysis window (MonoAnalysis.windowSec long), for plots and for finding the worst moments. */
export interface AnalysisTimeline {
  readonly windowSec: number;
  /** Start of each window. */
  readonly startSec: readonly number[];
  readonly monoVsStereoDb: readonly number[];
  readonly correlation: readonly number[];
  /** Level of the stereo signal per window, dBFS (mean square over both channels), to tell silence from loss. */
  readonly levelDb: readonly number[];
}

/** Per source: its own contribution and what it does to the mix. */
export interface SourceMonoFigures {
  readonly sourceId: string;
  readonly sourceName: string;
  /** Present for a bed or HOA stem; absent for an object. */
  readonly sourceKind?: MultichannelStripKind;
  /** Level of the source's contribution to the analysed output, dBFS. */
  readonly levelDb: number;
  /** Mono sum vs stereo of the source's own contribution, dB. */
  readonly monoVsStereoDb: number;
  readonly correlation: number;
  readonly removalImprovementDb: number;
  readonly collapseImprovementDb: number;
}

/** How much of the binaural render survives mono and loudspeaker playback. */
export interface BinauralSurvival {
  /** Mono sum vs stereo of the binaural render (ears summed to mono), dB. */
  readonly monoVsStereoDb: number;
  readonly correlation: number;
  readonly bandMonoVsStereoDb: readonly number[];
  /** Per source, the mono sum vs stereo of its binaural contribution (scene analyses only). */
  readonly sources: readonly SourceMonoVsStereo[];
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
  /** Scene analyses only: per audible object, then bed, then HOA stem, in scene order. */
  readonly sources: readonly SourceMonoFigures[];
  /** Beds and HOA stems of the scene that were not analysed (their stems are missing); absent when none. */
  readonly unanalysed?: readonly UnanalysedStrip[];
  /** Most severe first. */
  readonly findings: readonly MonoFinding[];
  /** Present when the binaural render was checked. */
  readonly binaural?: BinauralSurvival;
}
