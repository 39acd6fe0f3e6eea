import { combNotchFrequenciesHz } from '../../dsp/analysis/interChannelDelay';
import type { InterChannelDelay } from '../../dsp/analysis/interChannelDelay';
import type { MomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import { SOURCE_C, SOURCE_PL, SOURCE_PR, SOURCE_STRIDE, attributedCross } from '../../dsp/analysis/sourceMoments';
import type { MonoFinding, SourceFindingKind } from '../../core/monoAnalysis/findingTypes';
import {
  CANCELLING_BAND_CORRELATION,
  CANCELLING_CORRELATION,
  LOW_END_HZ,
  MIN_BAND_ENERGY_SHARE,
  NOTCH_COUNT,
  POLARITY_CORRELATION,
  correlationOf,
  trustedBands,
} from './findingFigures';

/**
 * Which kind a source's finding is, from the evidence measured on its contribution
 * (sceneFindings.ts), by the first rule of KIND_RULES that holds; and the figures the kind
 * rests on, which the finding carries for its sentence (core/monoAnalysis/phrasing).
 */
export interface FindingEvidence {
  /** One channel is a delayed copy of the other (findingFigures.ts isHaas). */
  readonly haas: boolean;
  /** The contribution cancels: the mix loses at least the reporting threshold to it (sceneFindings.ts). */
  readonly cancels: boolean;
  /** Correlation of the source's contribution, broadband. */
  readonly correlation: number;
  /** Correlation of its stem's channels; 1 for a mono stem and for a mix file. */
  readonly stemCorrelation: number;
  /** The source's energy (PL + PR, summed over the programme). */
  readonly energy: number;
  /** Energy of its trusted bands, of at least MIN_BAND_ENERGY_SHARE each, that correlate at or below POLARITY_CORRELATION. */
  readonly invertedEnergy: number;
  /** Its negative share of the mix's C summed over its trusted cancelling bands, and the part of it below LOW_END_HZ. */
  readonly negativeShare: number;
  readonly lowNegativeShare: number;
}

/** Share of the source's energy in inverted bands that makes a polarity finding (less is "wide"). */
const POLARITY_ENERGY_SHARE = 0.25;
/** Contribution correlation this much above the stem's: the placement folded the stem's cancelling side away. */
const STEM_FOLDED_AWAY = 0.2;

/** The rules, in order: the first that holds names the kind. */
const KIND_RULES: readonly { readonly kind: SourceFindingKind; readonly when: (e: FindingEvidence) => boolean }[] = [
  // A delayed copy combs in mono whatever else it does.
  { kind: 'haas', when: (e) => e.haas },
  // Only the stem cancels, this render much less: its placement folded the cancelling side away,
  { kind: 'fold-down-cancellation', when: (e) => !e.cancels && e.correlation >= e.stemCorrelation + STEM_FOLDED_AWAY },
  // or the stem's channels are inverted, or its side outweighs its mid.
  { kind: 'polarity', when: (e) => !e.cancels && e.stemCorrelation <= POLARITY_CORRELATION },
  { kind: 'wide-source', when: (e) => !e.cancels },
  // The contribution cancels: inverted broadband or in bands holding much of its energy,
  { kind: 'polarity', when: (e) => e.correlation <= POLARITY_CORRELATION || e.invertedEnergy >= POLARITY_ENERGY_SHARE * e.energy },
  // mostly in its low end,
  { kind: 'wide-low-end', when: (e) => e.negativeShare > 0 && e.lowNegativeShare >= 0.5 * e.negativeShare },
  // by its placement (its stem does not cancel), or because its stem is wide.
  { kind: 'fold-down-cancellation', when: (e) => e.stemCorrelation > CANCELLING_CORRELATION },
  { kind: 'wide-source', when: () => true },
];

export function findingKind(evidence: FindingEvidence): SourceFindingKind {
  return KIND_RULES.find((rule) => rule.when(evidence))!.kind;
}

/** What the source's own channels do in the bands where they cancel (the band part of FindingEvidence, and the cancelling energy that counts as evidence). */
export interface BandCancellation {
  readonly negativeShare: number;
  readonly lowNegativeShare: number;
  /** Energy of its trusted cancelling bands of at least MIN_BAND_ENERGY_SHARE each. */
  readonly cancellingEnergy: number;
  readonly invertedEnergy: number;
}

/** Sums over the trusted bands in which input `i`'s channels correlate at or below CANCELLING_BAND_CORRELATION. */
export function bandCancellation(analyser: MomentAnalyser, i: number, energy: number): BandCancellation {
  const bands = analyser.inputs[i]!.bands;
  const frames = analyser.totalFrames;
  const trusted = trustedBands(analyser.bands, frames / analyser.sampleRateHz);
  let negativeShare = 0;
  let lowNegativeShare = 0;
  let cancellingEnergy = 0;
  let invertedEnergy = 0;
  for (let b = 0; b < analyser.bandCount; b++) {
    const at = SOURCE_STRIDE * b;
    const bpl = bands[at + SOURCE_PL]!, bpr = bands[at + SOURCE_PR]!, bc = bands[at + SOURCE_C]!;
    const bandCorrelation = correlationOf(bpl, bpr, bc, frames);
    if (!trusted[b] || bandCorrelation > CANCELLING_BAND_CORRELATION) continue;
    const share = attributedCross(bands, at);
    if (share < 0) {
      negativeShare -= share;
      if (analyser.bands[b]!.centreHz < LOW_END_HZ) lowNegativeShare -= share;
    }
    if ((bpl + bpr) / energy >= MIN_BAND_ENERGY_SHARE) {
      cancellingEnergy += bpl + bpr;
      if (bandCorrelation <= POLARITY_CORRELATION) invertedEnergy += bpl + bpr;
    }
  }
  return { negativeShare, lowNegativeShare, cancellingEnergy, invertedEnergy };
}

/** The figures a finding of `kind` rests on, beyond those of every finding. */
export function kindFigures(kind: SourceFindingKind, evidence: FindingEvidence, delay: InterChannelDelay, sampleRateHz: number): Partial<MonoFinding> {
  switch (kind) {
    case 'haas':
      return haasFigures(delay, sampleRateHz);
    case 'polarity':
      // Inverted in bands rather than broadband: how much of its energy is.
      return evidence.correlation > POLARITY_CORRELATION
        ? { invertedBands: { correlationAtMost: POLARITY_CORRELATION, energyShare: evidence.invertedEnergy / evidence.energy } }
        : {};
    case 'wide-low-end':
      return { lowEndHz: LOW_END_HZ };
    default:
      return {};
  }
}

/** The Haas fields of a finding: the delay and the mono comb's first notches. */
function haasFigures(delay: InterChannelDelay, sampleRateHz: number): Pick<MonoFinding, 'delayMs' | 'delaySamples' | 'notchFrequenciesHz'> {
  const delaySec = delay.lagSamples / sampleRateHz;
  return {
    delayMs: 1000 * delaySec,
    delaySamples: delay.lagSamples,
    notchFrequenciesHz: combNotchFrequenciesHz(delaySec, delay.correlation >= 0 ? 1 : -1, NOTCH_COUNT, sampleRateHz / 2),
  };
}
