import type { MomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import {
  MIX_STRIDE,
  SOURCE_C,
  SOURCE_PL,
  SOURCE_PR,
  SOURCE_STRIDE,
  momentsWithSourceNarrowed,
  momentsWithSourceRightFlipped,
} from '../../dsp/analysis/sourceMoments';
import { midPowerFromMoments, sidePowerFromMoments } from '../../dsp/meters/stereoMoments';
import type { ChannelPairCancellation, FixGains, HeadlineLoss, SourceFindingKind, SuggestedFix } from '../../core/monoAnalysis/findingTypes';
import { BASS_MONO_CUTOFF_HZ, monoVsStereoOf } from './findingFigures';
import { ownBassMono, ownFixImprovementDb, ownNarrowed, ownRightFlipped } from './ownMonoLoss';
import type { OwnEdit } from './ownMonoLoss';

/**
 * The fixes a source's finding offers (FIXES_OF_KIND) and what each brings, measured from
 * the moments (FIX_BUILDERS): to the whole mix's mono sum vs stereo, by linearity (sourceMoments.ts:
 * narrowing, polarity flip, bass mono), except "remove the delay" (an estimate: the mix
 * gets back what it loses to the source) and "move" (none); and to the source's own loss
 * where its headline names it (ownMonoLoss.ts ownFixImprovementDb; removing the delay
 * makes the channels copies: all of it). Sorted by the source's own gain first: a quiet
 * source's fix changes the mix little, yet brings the source back.
 */
export interface FixContext {
  readonly analyser: MomentAnalyser;
  /** The source's input in the analyser, and its broadband moments (SOURCE_STRIDE numbers). */
  readonly i: number;
  readonly own: Float64Array;
  /** The mix's broadband moments (MIX_STRIDE numbers) and its mono sum vs stereo, dB. */
  readonly mix: readonly number[];
  readonly mixLoss: number;
  readonly monoGain: number;
  readonly headline: HeadlineLoss;
  /** Mono level the mix loses to the source, dB. */
  readonly mixLossDb: number;
}

type FixKind = SuggestedFix['kind'];

/** The fixes each kind offers, its own first: fixes that tie keep this order. */
const FIXES_OF_KIND: Readonly<Record<SourceFindingKind, readonly FixKind[]>> = {
  haas: ['remove-delay', 'narrow'],
  polarity: ['flip-polarity', 'narrow'],
  'wide-low-end': ['collapse-lows', 'narrow'],
  'fold-down-cancellation': ['move', 'narrow'],
  'wide-source': ['narrow'],
};

const FIX_BUILDERS: Readonly<Record<FixKind, (c: FixContext) => SuggestedFix>> = {
  'remove-delay': (c) => ({ kind: 'remove-delay', improvementDb: c.mixLossDb, ...ownGain(c, ownNarrowed(0)) }),
  narrow: (c) => {
    const width = narrowWidth(c.own);
    return { kind: 'narrow', widthPercent: Math.round(100 * width), improvementDb: mixGain(c, (out) => momentsWithSourceNarrowed(c.mix, 0, c.own, 0, width, out)), ...ownGain(c, ownNarrowed(width)) };
  },
  'flip-polarity': (c) => ({
    kind: 'flip-polarity',
    improvementDb: mixGain(c, (out) => momentsWithSourceRightFlipped(c.mix, 0, c.own, 0, out)),
    ...ownGain(c, ownRightFlipped),
  }),
  'collapse-lows': (c) => ({
    kind: 'collapse-lows',
    belowHz: BASS_MONO_CUTOFF_HZ,
    improvementDb: mixGain(c, (out) => bassMonoMoments(c.analyser, c.mix, c.analyser.inputs[c.i]!.bands, out)),
    ...ownGain(c, ownBassMono(c.analyser.bands, BASS_MONO_CUTOFF_HZ)),
  }),
  move: () => ({ kind: 'move', towards: 'front' }),
};

export function sourceFixes(kind: SourceFindingKind, context: FixContext): SuggestedFix[] {
  return FIXES_OF_KIND[kind].map((fix) => FIX_BUILDERS[fix](context)).sort(byImprovement);
}

/** The width to narrow to: where the side no longer outweighs the mid (its own correlation back to about 0), in tenths, at most 90 %. */
function narrowWidth(own: Float64Array): number {
  const pl = own[SOURCE_PL]!, pr = own[SOURCE_PR]!, c = own[SOURCE_C]!;
  const mid = midPowerFromMoments(pl, pr, c);
  const side = sidePowerFromMoments(pl, pr, c);
  return side > mid ? Math.min(0.9, Math.floor(10 * Math.sqrt(mid / side)) / 10) : 0.5;
}

/** The mix's mono sum vs stereo after an edit (its broadband moments into out[0..2]) less before, dB. */
function mixGain(c: FixContext, edit: (out: Float64Array) => void): number {
  const after = new Float64Array(3);
  edit(after);
  return monoVsStereoOf(after[0]!, after[1]!, after[2]!, c.analyser.totalFrames, c.monoGain) - c.mixLoss;
}

function ownGain(c: FixContext, edit: OwnEdit): Pick<FixGains, 'ownImprovementDb'> {
  const own = ownFixImprovementDb(c.analyser, c.i, c.headline, edit);
  return own === undefined ? {} : { ownImprovementDb: own };
}

/** Fixes closer than this (far below the 0.1 dB a report shows) tie, and keep the order given: the finding's own fix first. */
const FIX_TIE_DB = 0.01;

/** Most own improvement first, then most mix improvement (a difference of two -Infinity is NaN, falsy: on to the next key). */
function byImprovement(a: SuggestedFix, b: SuggestedFix): number {
  const apart = (x: number | undefined, y: number | undefined): number => {
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    const difference = y - x;
    return Math.abs(difference) < FIX_TIE_DB ? 0 : difference;
  };
  return apart(a.ownImprovementDb, b.ownImprovementDb) || apart(a.improvementDb, b.improvementDb);
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

/**
 * A bed's or HOA stem's fixes: an object's (its mid/side width, position, right channel,
 * bass mono) are not theirs. A bed whose mirrored pair cancels in its stem: flip the
 * pair's right channel; what that brings is not measured (the bed is rendered as a whole).
 */
export function multichannelFixes(input: { readonly channelPair?: ChannelPairCancellation }): SuggestedFix[] {
  return input.channelPair === undefined ? [] : [{ kind: 'flip-polarity', channel: input.channelPair.right }];
}
