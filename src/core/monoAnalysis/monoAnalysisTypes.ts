import type { MonoLaw } from '../../core/monoLaw';

/**
 * The result of a mono-compatibility analysis: of a scene (per source, with culprits) or
 * of a finished stereo mix (no sources). Plain data (numbers, strings, arrays), so it
 * crosses a worker boundary and serialises to JSON as it is. The analysis (src/render/analysis)
 * makes it; the store, the studio and the command line read it, hence its place in core.
 *
 * Conventions: levels in dB; mono loss as in dsp/meters/stereoMoments.ts
 * (monoLossDbFromMoments: the mono fold-down against the stereo level, negative = lost,
 * 0 dB for uncorrelated channels with the -3 dB law); times in seconds from the start;
 * bands are the one-third-octave bands of dsp/filters/thirdOctaveBands.ts.
 */
export type AnalysedFormat = 'stereo' | 'binaural';

export interface AnalysisBand {
  readonly nominalHz: number;
  readonly lowerHz: number;
  readonly upperHz: number;
}

export interface TimeRange {
  readonly startSec: number;
  readonly endSec: number;
}

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

export type FindingKind =
  /** The source's channels are (mostly) polarity-inverted against each other: correlation near -1. */
  | 'polarity'
  /** One channel is a delayed copy of the other (0.1 - 40 ms): comb filtering in mono. */
  | 'haas'
  /** The source's placement (or spread) makes the fold-down cancel part of it. */
  | 'fold-down-cancellation'
  /** Wide (out-of-phase) low end that cancels in mono. */
  | 'wide-low-end'
  /** The source costs mono level for another reason (wide side content). */
  | 'wide-source'
  /** The binaural render loses level when played on loudspeakers or summed to mono. */
  | 'binaural-mono';

export type FixKind = 'narrow' | 'collapse-lows' | 'move' | 'flip-polarity' | 'remove-delay';

export interface SuggestedFix {
  readonly kind: FixKind;
  /** One sentence a mix engineer can act on, e.g. "Set the width of Pad to 60 %". */
  readonly text: string;
  /** Mono loss improvement of the whole mix the fix was measured (or estimated) to bring, dB; positive = better. */
  readonly improvementDb?: number;
  /**
   * How much the fix reduces the source's own mono loss where the finding's headline names
   * it (its band, or broadband), dB: the headline's loss minus what is left of it (at most
   * the headline's loss). Present when the headline is a loss of the source's own.
   */
  readonly ownImprovementDb?: number;
}

/** A band of a finding and what is lost in it. */
export interface FindingBand extends AnalysisBand {
  /** Mono level the whole mix (or, for a binaural finding, the binaural render) loses in this band, dB (positive = lost). */
  readonly lossDb: number;
  /** The source's own mono loss in this band, dB (negative = lost; see MonoFinding.ownLossDb). */
  readonly ownLossDb?: number;
  /** The source's level against the mix's in this band, dB (negative = quieter; programme averages). */
  readonly levelToMixDb?: number;
}

/** The loss a finding's headline states and its severity rests on. */
export interface HeadlineLoss {
  /** Whose level: the source's own (its contribution), or the whole mix's when the mix loses more to it (at least the reporting threshold) than it audibly loses itself. */
  readonly of: 'source' | 'mix';
  /** Mono loss, dB, negative = lost; 0 or more: nothing lost. */
  readonly lossDb: number;
  /** The band it is in; absent: broadband. */
  readonly band?: AnalysisBand;
  /** False when the source is masked there (render/analysis/findingFigures.ts AUDIBLE_BELOW_MIX_DB): then severityDb does not count it. */
  readonly audible: boolean;
  /** The source's level against the mix's where the loss is (broadband or in the band), dB; absent for the mix's loss. */
  readonly levelToMixDb?: number;
}

export interface MonoFinding {
  readonly kind: FindingKind;
  /** Scene source id; undefined for findings about a whole mix file. */
  readonly sourceId?: string;
  readonly sourceName?: string;
  /**
   * How bad, dB (positive): the largest mono loss the engineer hears, the source's own
   * (broadband or in a band) where it is not masked by the mix, or the whole mix's
   * (rule and numbers in render/analysis/findingFigures.ts). Findings are sorted by it, descending.
   */
  readonly severityDb: number;
  /** What severityDb rests on, for headlines ("loses 8.4 dB at 125 Hz in mono"); absent for the binaural render's finding, whose severityDb is its own loss. */
  readonly headline?: HeadlineLoss;
  /**
   * The source's own mono loss, broadband, dB: its contribution folded to mono against its
   * channels adding in power (stereoMoments.ts mono loss with the -3 dB law, whatever law
   * was analysed): 0 dB uncorrelated, +3 dB centred, negative = lost, floored at -60 dB.
   */
  readonly ownLossDb?: number;
  /**
   * What the source's stem loses when its channels are summed to mono, dB, as ownLossDb
   * for channels of equal level (exact then; channels of unequal level lose less); given
   * when the stem's channels cancel, whatever its placement makes of them.
   */
  readonly stemLossDb?: number;
  /** Mono level the whole mix loses to the source's cancellation, dB (positive = lost; sourceMoments.ts cancellationDb); scene sources only. */
  readonly mixLossDb?: number;
  /** The worst moment (the window with the largest loss attributed), seconds. */
  readonly worstTimeSec: number;
  /** Where it happens: windows where the attributed loss exceeds the reporting threshold, merged. */
  readonly timeRanges: readonly TimeRange[];
  /** The bands where the source loses most of itself (up to a few): unmasked ones first, then by own loss. */
  readonly bands: readonly FindingBand[];
  /** Mono loss improvement of the whole mix when the source is removed / collapsed to mono, dB (positive = better). */
  readonly removalImprovementDb?: number;
  readonly collapseImprovementDb?: number;
  /** Haas: the inter-channel delay found, ms (positive: the right channel lags). */
  readonly delayMs?: number;
  /** Haas: the same delay in whole samples at the session rate (positive: the right channel lags). */
  readonly delaySamples?: number;
  /** Haas: the first comb-filter notch frequencies in mono, Hz. */
  readonly notchFrequenciesHz?: readonly number[];
  /** Correlation of the source's (or the mix's) channels. */
  readonly correlation?: number;
  /** A readable sentence: which source, what, where, how many dB. */
  readonly message: string;
  readonly fixes: readonly SuggestedFix[];
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
  readonly sources: readonly { readonly sourceId: string; readonly sourceName: string; readonly monoLossDb: number }[];
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
