import { combNotchFrequenciesHz } from '../../dsp/analysis/interChannelDelay';
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
  momentsWithSourceRightFlipped,
  momentsWithoutSource,
} from '../../dsp/analysis/sourceMoments';
import { midPowerFromMoments, powerToDb, sidePowerFromMoments } from '../../dsp/meters/stereoMoments';
import { broadbandMoments } from './analysisFigures';
import {
  BASS_MONO_CUTOFF_HZ,
  BINAURAL_HAAS_MIN_LAG_SEC,
  CANCELLING_BAND_CORRELATION,
  CANCELLING_CORRELATION,
  HAAS_MIN_LAG_SEC,
  LOW_END_HZ,
  MIN_BAND_ENERGY_SHARE,
  MIN_SOURCE_LEVEL_DB,
  NOTCH_COUNT,
  POLARITY_CORRELATION,
  REPORT_SEVERITY_DB,
  correlationOf,
  haasDelay,
  isHaas,
  monoLossOf,
  timeRangesOf,
  trustedBands,
  windowCancellationDb,
} from './findingFigures';
import type { FindingKind, FixGains, MonoFinding, SuggestedFix } from '../../core/monoAnalysis/findingTypes';
import type { AnalysedFormat, SourceMonoFigures } from '../../core/monoAnalysis/monoAnalysisTypes';
import { ownBassMono, ownFixImprovementDb, ownLossFigures, ownNarrowed, ownRightFlipped, stemMonoLossDb } from './ownMonoLoss';
import type { OwnEdit } from './ownMonoLoss';

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
 * findingFigures.ts). Fix improvements of the whole mix are computed from the same
 * moments (removal, narrowing, polarity flip, bass mono), except "remove the delay" and
 * "move", which are estimates or none. Each fix also states what it brings back of the
 * source's own loss where its headline names it (ownMonoLoss.ts ownFixImprovementDb;
 * removing the delay makes the channels copies: all of it), and fixes are sorted by that
 * first: a quiet source's fix changes the mix little, yet brings the source back.
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
}

/** Share of the energy of the cancelling bands that makes a polarity finding (the rest is "wide"). */
const POLARITY_ENERGY_SHARE = 0.25;
/** Contribution correlation this much above the stem's: the placement folded the stem's cancelling side away. */
const STEM_FOLDED_AWAY = 0.2;
/** Mix-level loss that is reported even without evidence in the source's own channels (it cancels against other sources). */
const INTERACTION_SEVERITY_DB = 1;

export function sceneSourceFindings(input: SceneFindingInput): { figures: SourceMonoFigures[]; findings: MonoFinding[] } {
  const { analyser, monoGain } = input;
  const frames = analyser.totalFrames;
  const mix = broadbandMoments(analyser.mixBands, MIX_STRIDE, analyser.bandCount);
  const mixLoss = monoLossOf(mix[0]!, mix[1]!, mix[2]!, frames, monoGain);
  const modified = new Float64Array(3);
  const lossAfter = (): number => monoLossOf(modified[0]!, modified[1]!, modified[2]!, frames, monoGain);
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
      levelDb: powerToDb((0.5 * (pl + pr)) / Math.max(1, frames)),
      monoLossDb: monoLossOf(pl, pr, c, frames, monoGain),
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
  const frames = analyser.totalFrames;
  const durationSec = frames / analyser.sampleRateHz;
  const pl = own[SOURCE_PL]!, pr = own[SOURCE_PR]!, c = own[SOURCE_C]!;
  const mixPl = mix[0]!, mixPr = mix[1]!, mixC = mix[2]!;
  if (!(pl + pr > 0) || 10 * Math.log10((pl + pr) / (mixPl + mixPr)) < MIN_SOURCE_LEVEL_DB) return null;

  // Cancellation: broadband, and per trusted band where the source's own channels cancel.
  const trusted = trustedBands(analyser.bands, durationSec);
  let negativeShare = 0;
  let cancellingEnergy = 0;
  let invertedEnergy = 0;
  let lowNegativeShare = 0;
  for (let b = 0; b < analyser.bandCount; b++) {
    const at = SOURCE_STRIDE * b;
    const bpl = moments.bands[at + SOURCE_PL]!, bpr = moments.bands[at + SOURCE_PR]!, bc = moments.bands[at + SOURCE_C]!;
    const bandCorrelation = correlationOf(bpl, bpr, bc, frames);
    if (!trusted[b] || bandCorrelation > CANCELLING_BAND_CORRELATION) continue;
    const share = attributedCross(moments.bands, at);
    if (share < 0) {
      negativeShare -= share;
      if (analyser.bands[b]!.centreHz < LOW_END_HZ) lowNegativeShare -= share;
    }
    if ((bpl + bpr) / (pl + pr) >= MIN_BAND_ENERGY_SHARE) {
      cancellingEnergy += bpl + bpr;
      if (bandCorrelation <= POLARITY_CORRELATION) invertedEnergy += bpl + bpr;
    }
  }
  const mixMono = mixPl + mixPr + 2 * mixC;
  const mixLossDb = Math.max(cancellationDb(mixMono, -attributedCross(own)), cancellationDb(mixMono, negativeShare));
  const correlation = figure.correlation;
  const minLagSec = input.format === 'binaural' ? BINAURAL_HAAS_MIN_LAG_SEC : HAAS_MIN_LAG_SEC;
  const delay = haasDelay(analyser, moments.crossRe, moments.crossIm, pl, pr, input.windowCorrelation, minLagSec);
  const haas = isHaas(delay);
  const evidence = correlation <= CANCELLING_CORRELATION || cancellingEnergy > 0;
  // A detected delayed copy is reported whatever level it costs (a comb is heard as colour, not only as loss).
  const cancels = mixLossDb >= REPORT_SEVERITY_DB && (evidence || mixLossDb >= INTERACTION_SEVERITY_DB);
  // A stem whose own channels cancel is a mono trap wherever it is placed, even when its
  // placement has already folded the cancelling part away in this output: reported too.
  const stemCorrelation = input.stemCorrelations?.[i] ?? 1;
  const stemCancels = stemCorrelation <= CANCELLING_CORRELATION;
  if (!haas && !cancels && !stemCancels) return null;

  const kind: FindingKind = haas
    ? 'haas'
    : !cancels
      ? correlation >= stemCorrelation + STEM_FOLDED_AWAY
        ? 'fold-down-cancellation'
        : stemCorrelation <= POLARITY_CORRELATION
          ? 'polarity'
          : 'wide-source'
      : correlation <= POLARITY_CORRELATION || invertedEnergy >= POLARITY_ENERGY_SHARE * (pl + pr)
        ? 'polarity'
        : lowNegativeShare >= 0.5 * negativeShare && negativeShare > 0
          ? 'wide-low-end'
          : stemCorrelation > CANCELLING_CORRELATION
            ? 'fold-down-cancellation'
            : 'wide-source';

  const windowSec = analyser.windowFrames / analyser.sampleRateHz;
  const cancelled = timeRangesOf(windowCancellationDb(analyser, moments.windowGroupShare, 1), REPORT_SEVERITY_DB, windowSec, durationSec);
  // Where nothing measurable is lost per window (a quiet comb, a stem folded away), where the source plays.
  const { ranges, worstTimeSec } = cancelled.ranges.length > 0 ? cancelled : timeRangesOf(playingDb(moments.windowPower), -SOURCE_PLAYING_DB, windowSec, durationSec);
  // A mix file is its own source: what "the mix" loses is its own loss, already counted.
  const { ownLossDb, bands, headline, severityDb } = ownLossFigures(analyser, i, own, mix, source.id === undefined ? 0 : mixLossDb);
  const stemLossDb = stemCancels ? stemMonoLossDb(stemCorrelation) : undefined;

  const modified = new Float64Array(3);
  const improvement = (): number => monoLossOf(modified[0]!, modified[1]!, modified[2]!, frames, monoGain) - mixLoss;
  const ownGain = (edit: OwnEdit): Pick<FixGains, 'ownImprovementDb'> => {
    const own = ownFixImprovementDb(analyser, i, headline, edit);
    return own === undefined ? {} : { ownImprovementDb: own };
  };
  // Narrowing: to the width at which the side no longer outweighs the mid (its own correlation back to about 0).
  const mid = midPowerFromMoments(pl, pr, c);
  const side = sidePowerFromMoments(pl, pr, c);
  const width = side > mid ? Math.min(0.9, Math.floor(10 * Math.sqrt(mid / side)) / 10) : 0.5;
  momentsWithSourceNarrowed(mix, 0, own, 0, width, modified);
  const narrow: SuggestedFix = { kind: 'narrow', widthPercent: Math.round(100 * width), improvementDb: improvement(), ...ownGain(ownNarrowed(width)) };
  const fixes: SuggestedFix[] = [];
  let extra: Partial<MonoFinding> = {};
  switch (kind) {
    case 'haas':
      extra = haasFigures(delay, analyser.sampleRateHz);
      fixes.push({ kind: 'remove-delay', improvementDb: mixLossDb, ...ownGain(ownNarrowed(0)) }, narrow);
      break;
    case 'polarity':
      momentsWithSourceRightFlipped(mix, 0, own, 0, modified);
      if (correlation > POLARITY_CORRELATION) extra = { invertedBands: { correlationAtMost: POLARITY_CORRELATION, energyShare: invertedEnergy / (pl + pr) } };
      fixes.push({ kind: 'flip-polarity', improvementDb: improvement(), ...ownGain(ownRightFlipped) }, narrow);
      break;
    case 'wide-low-end':
      bassMonoMoments(analyser, mix, moments.bands, modified);
      extra = { lowEndHz: LOW_END_HZ };
      fixes.push({ kind: 'collapse-lows', belowHz: BASS_MONO_CUTOFF_HZ, improvementDb: improvement(), ...ownGain(ownBassMono(analyser.bands, BASS_MONO_CUTOFF_HZ)) }, narrow);
      break;
    case 'fold-down-cancellation':
      fixes.push({ kind: 'move', towards: 'front' }, narrow);
      break;
    default:
      fixes.push(narrow);
  }
  fixes.sort(byImprovement);
  const cancelsIn = cancels ? 'render' : stemCancels ? 'stem' : undefined;
  return {
    kind,
    ...(source.id === undefined
      ? {}
      : {
          sourceId: source.id,
          sourceName: source.name,
          mixLossDb,
          mixLossReported: mixLossDb >= REPORT_SEVERITY_DB,
          removalImprovementDb: figure.removalImprovementDb,
          collapseImprovementDb: figure.collapseImprovementDb,
        }),
    severityDb,
    headline,
    ownLossDb,
    ...(stemLossDb === undefined ? {} : { stemLossDb }),
    worstTimeSec,
    timeRanges: ranges,
    bands,
    correlation,
    ...(input.stemCorrelations === undefined ? {} : { stemCorrelation }),
    ...(cancelsIn === undefined ? {} : { cancelsIn }),
    fixes,
    ...extra,
  };
}

/** Most own improvement first, then most mix improvement (a difference of two -Infinity is NaN, falsy: on to the next key). */
/** Fixes closer than this (far below the 0.1 dB a report shows) tie, and keep the order given: the finding's own fix first. */
const FIX_TIE_DB = 0.01;

function byImprovement(a: SuggestedFix, b: SuggestedFix): number {
  const apart = (x: number | undefined, y: number | undefined): number => {
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    const difference = y - x;
    return Math.abs(difference) < FIX_TIE_DB ? 0 : difference;
  };
  return apart(a.ownImprovementDb, b.ownImprovementDb) || apart(a.improvementDb, b.improvementDb);
}

/** Windows within this many dB of the source's loudest count as where it plays. */
const SOURCE_PLAYING_DB = 20;

/** Per window, the source's level against its loudest window, dB (0 at the loudest). */
function playingDb(windowPower: Float32Array): number[] {
  const loudest = windowPower.reduce((a, b) => Math.max(a, b), 0);
  return Array.from(windowPower, (p) => (loudest > 0 && p > 0 ? 10 * Math.log10(p / loudest) : -Infinity));
}

/** The Haas fields of a finding: the delay and the mono comb's first notches. */
function haasFigures(delay: InterChannelDelay, sampleRateHz: number): { delayMs: number; delaySamples: number; notchFrequenciesHz: number[] } {
  const delaySec = delay.lagSamples / sampleRateHz;
  return {
    delayMs: 1000 * delaySec,
    delaySamples: delay.lagSamples,
    notchFrequenciesHz: combNotchFrequenciesHz(delaySec, delay.correlation >= 0 ? 1 : -1, NOTCH_COUNT, sampleRateHz / 2),
  };
}

/** Broadband moments of the mix with the source collapsed to mono in the bands below BASS_MONO_CUTOFF_HZ. */
function bassMonoMoments(analyser: MomentAnalyser, mix: readonly number[], sourceBands: Float64Array, out: Float64Array): void {
  const band = new Float64Array(3);
  let pl = mix[0]!, pr = mix[1]!, c = mix[2]!;
  for (let b = 0; b < analyser.bandCount && analyser.bands[b]!.centreHz < BASS_MONO_CUTOFF_HZ; b++) {
    const m = MIX_STRIDE * b;
    momentsWithSourceNarrowed(analyser.mixBands, m, sourceBands, SOURCE_STRIDE * b, 0, band);
    pl += band[0]! - analyser.mixBands[m]!;
    pr += band[1]! - analyser.mixBands[m + 1]!;
    c += band[2]! - analyser.mixBands[m + 2]!;
  }
  out[0] = pl;
  out[1] = pr;
  out[2] = c;
}
