import type { MultichannelStripKind } from './monoAnalysisTypes';

/**
 * The findings of a mono-compatibility analysis (MonoAnalysis.findings): what is wrong,
 * where, how many dB, and what to do, as values. No sentences: phrasing/ writes them, for
 * the studio and the command line alike. Conventions as in monoAnalysisTypes.ts (dB,
 * seconds from the start, one-third-octave bands); thresholds named here are those of
 * render/analysis/findingFigures.ts.
 */

export interface AnalysisBand {
  readonly nominalHz: number;
  readonly lowerHz: number;
  readonly upperHz: number;
}

export interface TimeRange {
  readonly startSec: number;
  readonly endSec: number;
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

/** The kinds of a finding about a source (or a mix file), as against the binaural render's. */
export type SourceFindingKind = Exclude<FindingKind, 'binaural-mono'>;

/** What a fix does, with its settings; it acts on the finding's source unless it names another. */
export type FixAction =
  /** Narrow the source with its mid/side width, to widthPercent (100 = as it is, 0 = mono). */
  | { readonly kind: 'narrow'; readonly widthPercent: number }
  /** Make the source mono below belowHz (bass mono). */
  | { readonly kind: 'collapse-lows'; readonly belowHz: number }
  /** Move the source towards the front, or reduce its spread. */
  | { readonly kind: 'move'; readonly towards: 'front' }
  /** Move the named source towards the front or back, where both ears hear it alike (the binaural render's finding). */
  | { readonly kind: 'move'; readonly towards: 'front-or-back'; readonly sourceId: string; readonly sourceName: string }
  /** Flip the polarity of the source's right channel; of a bed, of its loudspeaker channel `channel` (the right of MonoFinding.channelPair). */
  | { readonly kind: 'flip-polarity'; readonly channel?: string }
  /** Remove the delay between the source's channels (MonoFinding.delayMs) and widen it with the mid/side width instead. */
  | { readonly kind: 'remove-delay' };

/** What a fix was measured (or estimated) to bring back. */
export interface FixGains {
  /** Improvement of the whole mix's mono sum vs stereo, dB; positive = better. */
  readonly improvementDb?: number;
  /**
   * How much the fix reduces the source's own mono loss where the finding's headline names
   * it (its band, or broadband), dB: the headline's loss minus what is left of it (at most
   * the headline's loss). Present when the headline is a loss of the source's own.
   */
  readonly ownImprovementDb?: number;
}

export type SuggestedFix = FixAction & FixGains;

/** A band of a finding and what is lost in it. */
export interface FindingBand extends AnalysisBand {
  /** Mono level the whole mix (or, for a binaural finding, the binaural render) loses in this band, dB (positive = lost). */
  readonly lossDb: number;
  /** The source's own mono sum vs stereo in this band, dB (negative = lost; see MonoFinding.ownMonoVsStereoDb). */
  readonly ownMonoVsStereoDb?: number;
  /** The source's level against the mix's in this band, dB (negative = quieter; programme averages). */
  readonly levelToMixDb?: number;
  /** False when the source is masked in this band (more than AUDIBLE_BELOW_MIX_DB below the mix); present with levelToMixDb. */
  readonly audible?: boolean;
}

/** The loss a finding's headline states and its severity rests on. */
export interface HeadlineLoss {
  /** Whose level: the source's own (its contribution), or the whole mix's when the mix loses more to it (at least the reporting threshold) than it audibly loses itself. */
  readonly of: 'source' | 'mix';
  /** Mono sum vs stereo, dB, negative = lost; 0 or more: nothing lost. */
  readonly monoVsStereoDb: number;
  /** The band it is in; absent: broadband. */
  readonly band?: AnalysisBand;
  /** False when the source is masked there (AUDIBLE_BELOW_MIX_DB): then severityDb does not count it. */
  readonly audible: boolean;
  /** The source's level against the mix's where the loss is (broadband or in the band), dB; absent for the mix's loss. */
  readonly levelToMixDb?: number;
}

/** Two loudspeaker channels of a bed (BS.2051 labels, left first) and the correlation of their stem channels. */
export interface ChannelPairCancellation {
  readonly left: string;
  readonly right: string;
  readonly correlation: number;
}

/** A source and the mono sum vs stereo of its contribution, dB (negative = lost). */
export interface SourceMonoVsStereo {
  readonly sourceId: string;
  readonly sourceName: string;
  /** Present for a bed or HOA stem. */
  readonly sourceKind?: MultichannelStripKind;
  readonly monoVsStereoDb: number;
}

export interface MonoFinding {
  readonly kind: FindingKind;
  /** Scene source id; undefined for findings about a whole mix file or the binaural render. */
  readonly sourceId?: string;
  readonly sourceName?: string;
  /** Present when the finding is about a bed or an HOA stem rather than an object. */
  readonly sourceKind?: MultichannelStripKind;
  /**
   * A bed's mirrored loudspeaker pair whose stem channels cancel (correlation at or below
   * CANCELLING_CORRELATION; the lowest of its pairs, whose correlation is stemCorrelation).
   */
  readonly channelPair?: ChannelPairCancellation;
  /**
   * How bad, dB (positive): the largest mono loss the engineer hears, the source's own
   * (broadband or in a band) where it is not masked by the mix, or the whole mix's
   * (rule and numbers in render/analysis/findingFigures.ts). Findings are sorted by it, descending.
   */
  readonly severityDb: number;
  /** What severityDb rests on, for headlines ("loses 8.4 dB at 125 Hz in mono"); absent for the binaural render's finding, whose severityDb is its own loss. */
  readonly headline?: HeadlineLoss;
  /**
   * The source's own mono sum vs stereo, broadband, dB: its contribution folded to mono against
   * its channels adding in power (stereoMoments.ts monoVsStereoDb with the -3 dB law, whatever law
   * was analysed): 0 dB uncorrelated, +3 dB centred, negative = lost, floored at -60 dB.
   */
  readonly ownMonoVsStereoDb?: number;
  /**
   * What the source's stem loses when its channels are summed to mono, dB, as ownMonoVsStereoDb
   * for channels of equal level (exact then; channels of unequal level lose less); given
   * when the stem's channels cancel, whatever its placement makes of them.
   */
  readonly stemMonoVsStereoDb?: number;
  /** Mono level the whole mix loses to the source's cancellation, dB (positive = lost; sourceMoments.ts cancellationDb); scene sources only. */
  readonly mixLossDb?: number;
  /** Whether mixLossDb reaches the reporting threshold (REPORT_SEVERITY_DB); below it the mix loses little to the source overall. Present with mixLossDb. */
  readonly mixLossReported?: boolean;
  /** The worst moment (the window with the largest loss attributed), seconds. */
  readonly worstTimeSec: number;
  /** Where it happens: windows where the attributed loss exceeds the reporting threshold, merged. */
  readonly timeRanges: readonly TimeRange[];
  /** The bands where the source loses most of itself (up to a few): unmasked ones first, then by own loss. */
  readonly bands: readonly FindingBand[];
  /** Improvement of the whole mix's mono sum vs stereo when the source is removed / collapsed to mono, dB (positive = better). */
  readonly removalImprovementDb?: number;
  readonly collapseImprovementDb?: number;
  /** Haas: the inter-channel delay found, ms (positive: the right channel lags). */
  readonly delayMs?: number;
  /** Haas: the same delay in whole samples at the session rate (positive: the right channel lags). */
  readonly delaySamples?: number;
  /** Haas: the first comb-filter notch frequencies in mono, Hz. */
  readonly notchFrequenciesHz?: readonly number[];
  /** Correlation of the source's (or the mix's) channels in the analysed render. */
  readonly correlation?: number;
  /** Correlation of the scene source's stem channels (1 for a mono stem); scene sources only. */
  readonly stemCorrelation?: number;
  /**
   * Where the source's channels cancel: in its contribution to the analysed render (it
   * costs the mix at least the reporting threshold, with evidence in its own channels), or
   * only in its stem (its placement folds much of the cancelling part away in this render).
   * Absent when neither does (a Haas delay alone).
   */
  readonly cancelsIn?: 'render' | 'stem';
  /** Polarity found band by band: the share of the source's energy (0..1) in bands whose channels correlate at or below correlationAtMost; present when its broadband correlation is above that. */
  readonly invertedBands?: { readonly correlationAtMost: number; readonly energyShare: number };
  /** Wide low end: the frequency below which it cancels, Hz. */
  readonly lowEndHz?: number;
  /** The binaural render's finding: the sources whose binaural contribution loses most in mono, worst first (up to three). */
  readonly losingSources?: readonly SourceMonoVsStereo[];
  /** Most of the source's own loss brought back first (FixGains), then most of the mix's. */
  readonly fixes: readonly SuggestedFix[];
}
