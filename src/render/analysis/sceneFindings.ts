import type { InterChannelDelay } from '../../dsp/analysis/interChannelDelay';
import type { MomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import {
  MIX_STRIDE,
  SOURCE_C,
  SOURCE_PL,
  SOURCE_PR,
  SOURCE_STRIDE,
  attributedCross,
  cancellationDb,
  momentsWithSourceNarrowed,
  momentsWithoutSource,
} from '../../dsp/analysis/sourceMoments';
import { powerToDb } from '../../dsp/meters/stereoMoments';
import type { ChannelPairCancellation, MonoFinding } from '../../core/monoAnalysis/findingTypes';
import type { AnalysedFormat, MultichannelStripKind, SourceMonoFigures } from '../../core/monoAnalysis/monoAnalysisTypes';
import { broadbandMoments } from './analysisFigures';
import {
  BINAURAL_HAAS_MIN_LAG_SEC,
  CANCELLING_CORRELATION,
  HAAS_MIN_LAG_SEC,
  MIN_SOURCE_LEVEL_DB,
  REPORT_SEVERITY_DB,
  correlationOf,
  haasDelay,
  isHaas,
  monoVsStereoOf,
  timeRangesOf,
  windowCancellationDb,
} from './findingFigures';
import { multichannelFixes, sourceFixes } from './findingFixes';
import { bandCancellation, findingKind, kindFigures } from './findingKind';
import type { FindingEvidence } from './findingKind';
import { ownLossFigures, stemMonoVsStereoDb } from './ownMonoLoss';

/**
 * Per-source figures and culprit findings of a scene analysis, from the moments of each
 * source's contribution against the mix (monoMomentAnalyser.ts, sourceMoments.ts).
 *
 * Mix loss (the reporting threshold's figure): the mono level the mix loses to the
 * source's cancellation (its share of the mix's C where negative; sourceMoments.ts
 * cancellationDb), broadband or summed over the bands where the source's own channels
 * cancel, whichever is larger: a comb or a band of inverted content costs level in its
 * bands even when other bands add in phase. Severity and the headline: what the source
 * loses of itself where it is heard, or the mix loss if larger (ownMonoLoss.ts, rule in
 * findingFigures.ts). The kind: findingKind.ts, a table of rules over the evidence
 * measured here; the fixes and what they bring: findingFixes.ts, a table per kind. The
 * findings are data: core/monoAnalysis/phrasing writes their sentences.
 */
export interface SceneFindingInput {
  readonly analyser: MomentAnalyser;
  /** The analysed (audible) sources, in the analyser's input order; a mix file is one input without an id. */
  readonly sources: readonly AnalysedInput[];
  /** Correlation of each source's stem channels (1 for mono stems); absent for a mix file, which has no stems to fold down. */
  readonly stemCorrelations?: readonly number[];
  readonly monoGain: number;
  readonly format: AnalysedFormat;
  readonly windowCorrelation: Float64Array;
}

export interface AnalysedInput {
  readonly id?: string;
  readonly name: string;
  /** A bed or HOA stem; absent for an object or a mix file. */
  readonly kind?: MultichannelStripKind;
  /** A bed's pair of loudspeaker channels that cancel in its stem. */
  readonly channelPair?: ChannelPairCancellation;
}

/** Mix-level loss that is reported even without evidence in the source's own channels (it cancels against other sources). */
const INTERACTION_SEVERITY_DB = 1;

export function sceneSourceFindings(input: SceneFindingInput): { figures: SourceMonoFigures[]; findings: MonoFinding[] } {
  const { analyser, monoGain } = input;
  const frames = analyser.totalFrames;
  const mix = broadbandMoments(analyser.mixBands, MIX_STRIDE, analyser.bandCount);
  const mixLoss = monoVsStereoOf(mix[0]!, mix[1]!, mix[2]!, frames, monoGain);
  const modified = new Float64Array(3);
  const lossAfter = (): number => monoVsStereoOf(modified[0]!, modified[1]!, modified[2]!, frames, monoGain);
  const figures: SourceMonoFigures[] = [];
  const findings: MonoFinding[] = [];
  input.sources.forEach((source, i) => {
    const moments = analyser.inputs[i]!;
    const own = Float64Array.from(broadbandMoments(moments.bands, SOURCE_STRIDE, analyser.bandCount));
    momentsWithoutSource(mix, 0, own, 0, modified);
    const removalImprovementDb = lossAfter() - mixLoss;
    momentsWithSourceNarrowed(mix, 0, own, 0, 0, modified);
    const collapseImprovementDb = lossAfter() - mixLoss;
    const pl = own[SOURCE_PL]!, pr = own[SOURCE_PR]!, c = own[SOURCE_C]!;
    const figure: SourceMonoFigures = {
      sourceId: source.id ?? '',
      sourceName: source.name,
      ...(source.kind === undefined ? {} : { sourceKind: source.kind }),
      levelDb: powerToDb((0.5 * (pl + pr)) / Math.max(1, frames)),
      monoVsStereoDb: monoVsStereoOf(pl, pr, c, frames, monoGain),
      correlation: correlationOf(pl, pr, c, frames),
      removalImprovementDb,
      collapseImprovementDb,
    };
    figures.push(figure);
    const finding = sourceFinding(input, i, own, mix, mixLoss, figure);
    if (finding !== null) findings.push(finding);
  });
  return { figures, findings };
}

function sourceFinding(
  input: SceneFindingInput,
  i: number,
  own: Float64Array,
  mix: readonly number[],
  mixLoss: number,
  figure: SourceMonoFigures,
): MonoFinding | null {
  const { analyser, monoGain } = input;
  const source = input.sources[i]!;
  const moments = analyser.inputs[i]!;
  const durationSec = analyser.totalFrames / analyser.sampleRateHz;
  const pl = own[SOURCE_PL]!, pr = own[SOURCE_PR]!;
  if (!(pl + pr > 0) || 10 * Math.log10((pl + pr) / (mix[0]! + mix[1]!)) < MIN_SOURCE_LEVEL_DB) return null;
  const { evidence, mixLossDb, delay } = sourceEvidence(input, i, own, mix, figure.correlation);
  const { correlation, stemCorrelation, cancels } = evidence;
  // A stem whose own channels cancel is a mono trap wherever it is placed, even when its
  // placement has already folded the cancelling part away in this output: reported too.
  const stemCancels = stemCorrelation <= CANCELLING_CORRELATION;
  // A detected delayed copy is reported whatever level it costs (a comb is heard as colour, not only as loss).
  if (!evidence.haas && !cancels && !stemCancels) return null;
  const kind = findingKind(evidence);

  const windowSec = analyser.windowFrames / analyser.sampleRateHz;
  const cancelled = timeRangesOf(windowCancellationDb(analyser, moments.windowGroupShare, 1), REPORT_SEVERITY_DB, windowSec, durationSec);
  // Where nothing measurable is lost per window (a quiet comb, a stem folded away), where the source plays.
  const { ranges, worstTimeSec } = cancelled.ranges.length > 0 ? cancelled : timeRangesOf(playingDb(moments.windowPower), -SOURCE_PLAYING_DB, windowSec, durationSec);
  // A mix file is its own source: what "the mix" loses is its own loss, already counted.
  const { ownMonoVsStereoDb, bands, headline, severityDb } = ownLossFigures(analyser, i, own, mix, source.id === undefined ? 0 : mixLossDb);
  const stemDb = stemCancels ? stemMonoVsStereoDb(stemCorrelation) : undefined;
  const cancelsIn = cancels ? 'render' : stemCancels ? 'stem' : undefined;
  return {
    kind,
    ...(source.id === undefined
      ? {}
      : {
          sourceId: source.id,
          sourceName: source.name,
          ...(source.kind === undefined ? {} : { sourceKind: source.kind }),
          ...(source.channelPair === undefined ? {} : { channelPair: source.channelPair }),
          mixLossDb,
          mixLossReported: mixLossDb >= REPORT_SEVERITY_DB,
          removalImprovementDb: figure.removalImprovementDb,
          collapseImprovementDb: figure.collapseImprovementDb,
        }),
    severityDb,
    headline,
    ownMonoVsStereoDb,
    ...(stemDb === undefined ? {} : { stemMonoVsStereoDb: stemDb }),
    worstTimeSec,
    timeRanges: ranges,
    bands,
    correlation,
    ...(input.stemCorrelations === undefined ? {} : { stemCorrelation }),
    ...(cancelsIn === undefined ? {} : { cancelsIn }),
    fixes: source.kind === undefined ? sourceFixes(kind, { analyser, i, own, mix, mixLoss, monoGain, headline, mixLossDb }) : multichannelFixes(source),
    ...kindFigures(kind, evidence, delay, analyser.sampleRateHz),
  };
}

/**
 * What the kind and the reporting rule look at (findingKind.ts), with the mono level the
 * mix loses to the source (broadband, or summed over its cancelling bands, whichever is
 * larger) and the inter-channel delay found.
 */
function sourceEvidence(
  input: SceneFindingInput,
  i: number,
  own: Float64Array,
  mix: readonly number[],
  correlation: number,
): { evidence: FindingEvidence; mixLossDb: number; delay: InterChannelDelay } {
  const { analyser } = input;
  const moments = analyser.inputs[i]!;
  const pl = own[SOURCE_PL]!, pr = own[SOURCE_PR]!;
  const bands = bandCancellation(analyser, i, pl + pr);
  const mixMono = mix[0]! + mix[1]! + 2 * mix[2]!;
  const mixLossDb = Math.max(cancellationDb(mixMono, -attributedCross(own)), cancellationDb(mixMono, bands.negativeShare));
  const minLagSec = input.format === 'binaural' ? BINAURAL_HAAS_MIN_LAG_SEC : HAAS_MIN_LAG_SEC;
  const delay = haasDelay(analyser, moments.crossRe, moments.crossIm, pl, pr, input.windowCorrelation, minLagSec);
  const inOwnChannels = correlation <= CANCELLING_CORRELATION || bands.cancellingEnergy > 0;
  const cancels = mixLossDb >= REPORT_SEVERITY_DB && (inOwnChannels || mixLossDb >= INTERACTION_SEVERITY_DB);
  const stemCorrelation = input.stemCorrelations?.[i] ?? 1;
  return { evidence: { haas: isHaas(delay), cancels, correlation, stemCorrelation, energy: pl + pr, ...bands }, mixLossDb, delay };
}

/** Windows within this many dB of the source's loudest count as where it plays. */
const SOURCE_PLAYING_DB = 20;

/** Per window, the source's level against its loudest window, dB (0 at the loudest). */
function playingDb(windowPower: Float32Array): number[] {
  const loudest = windowPower.reduce((a, b) => Math.max(a, b), 0);
  return Array.from(windowPower, (p) => (loudest > 0 && p > 0 ? 10 * Math.log10(p / loudest) : -Infinity));
}
