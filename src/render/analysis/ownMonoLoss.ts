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
  X_L_S_L,
  X_L_S_R,
  X_R_S_L,
  X_R_S_R,
} from '../../dsp/analysis/sourceMoments';
import { monoLawGain } from '../../core/monoLaw';
import { AUDIBLE_BELOW_MIX_DB, FINDING_BAND_COUNT, MIN_BAND_ENERGY_SHARE, OWN_LOSS_FLOOR_DB, REPORT_SEVERITY_DB, monoVsStereoOf, trustedBands } from './findingFigures';
import type { AnalysisBand, FindingBand, HeadlineLoss } from '../../core/monoAnalysis/findingTypes';

/**
 * What a source loses of itself in mono: its own contribution folded to mono against its
 * channels adding in power, broadband and per band, with its level against the mix there
 * (masked or not), and the severity that follows (rule in findingFigures.ts).
 *
 * Per band, for the source's moments pl, pr, c (monoMomentAnalyser.ts):
 *   own loss = 10 log10((pl + pr + 2c) / (pl + pr)),
 * the mono sum vs stereo of stereoMoments.ts with the -3 dB law: 0 dB for uncorrelated channels,
 * +3 dB for identical ones, minus infinity (floored at OWN_LOSS_FLOOR_DB) for inverted ones.
 * A delay of d samples between equal channels makes it 10 log10(1 + rho cos(w d)) per
 * frequency (rho: the window's own correlation at lag d), averaged over the band: deep in
 * the bands of the comb's notches, about 0 dB broadband.
 */

/** With this gain the mono sum vs stereo reads 0 dB for channels that add in power: the reference of an own loss, whatever law is analysed. */
const POWER_SUM_GAIN = monoLawGain('-3dB');

/** Own mono loss, dB (negative = lost), of moments summed over `frames` frames. */
export function ownMonoVsStereoDb(pl: number, pr: number, c: number, frames: number): number {
  return Math.max(OWN_LOSS_FLOOR_DB, monoVsStereoOf(pl, pr, c, frames, POWER_SUM_GAIN));
}

/** A stem's own mono loss from its channels' correlation r, for channels of equal level: 10 log10(1 + r), dB. */
export function stemMonoVsStereoDb(correlation: number): number {
  return Math.max(OWN_LOSS_FLOOR_DB, 10 * Math.log10(Math.max(0, 1 + correlation)));
}

export interface OwnLossFigures {
  readonly ownMonoVsStereoDb: number;
  /** The worst bands, as MonoFinding.bands. */
  readonly bands: FindingBand[];
  readonly headline: HeadlineLoss;
  readonly severityDb: number;
}

interface Candidate {
  readonly monoVsStereoDb: number;
  readonly band?: FindingBand;
  readonly levelToMixDb: number;
  readonly audible: boolean;
}

/**
 * Own-loss figures of input `i` of the analyser, whose broadband moments are `own`
 * (SOURCE_STRIDE numbers) in the mix's `mix` (MIX_STRIDE numbers); `mixLossDb` is the mono
 * level the whole mix loses to it (positive), which counts for the severity in any case.
 */
export function ownLossFigures(analyser: MomentAnalyser, i: number, own: ArrayLike<number>, mix: ArrayLike<number>, mixLossDb: number): OwnLossFigures {
  const moments = analyser.inputs[i]!.bands;
  const mixBands = analyser.mixBands;
  const frames = analyser.totalFrames;
  const pl = own[SOURCE_PL]!, pr = own[SOURCE_PR]!;
  const ownDb = ownMonoVsStereoDb(pl, pr, own[SOURCE_C]!, frames);
  const toMix = levelToMixDb(pl + pr, mix[0]! + mix[1]!);
  const broadband: Candidate = { monoVsStereoDb: ownDb, levelToMixDb: toMix, audible: toMix >= AUDIBLE_BELOW_MIX_DB };

  const trusted = trustedBands(analyser.bands, frames / analyser.sampleRateHz);
  const losing: Candidate[] = [];
  for (let b = 0; b < analyser.bandCount; b++) {
    const at = SOURCE_STRIDE * b;
    const bpl = moments[at + SOURCE_PL]!, bpr = moments[at + SOURCE_PR]!;
    if (!trusted[b] || !((bpl + bpr) / (pl + pr) >= MIN_BAND_ENERGY_SHARE)) continue;
    const monoVsStereoDb = ownMonoVsStereoDb(bpl, bpr, moments[at + SOURCE_C]!, frames);
    if (!(monoVsStereoDb < 0)) continue;
    const m = MIX_STRIDE * b;
    const bandToMix = levelToMixDb(bpl + bpr, mixBands[m]! + mixBands[m + 1]!);
    const audible = bandToMix >= AUDIBLE_BELOW_MIX_DB;
    const mixMono = mixBands[m]! + mixBands[m + 1]! + 2 * mixBands[m + 2]!;
    const { nominalHz, lowerHz, upperHz } = analyser.bands[b]!;
    const band: FindingBand = {
      nominalHz,
      lowerHz,
      upperHz,
      lossDb: cancellationDb(mixMono, -attributedCross(moments, at)),
      ownMonoVsStereoDb: monoVsStereoDb,
      levelToMixDb: bandToMix,
      audible,
    };
    losing.push({ monoVsStereoDb, band, levelToMixDb: bandToMix, audible });
  }
  // Unmasked bands first, then by own loss, most lost first.
  losing.sort((a, b) => Number(b.audible) - Number(a.audible) || a.monoVsStereoDb - b.monoVsStereoDb);

  // The headline: the largest unmasked own loss; without one, the largest loss, masked (or, losing nothing, the broadband figure).
  const candidates = [broadband, ...losing];
  const heard = candidates.filter((k) => k.audible && k.monoVsStereoDb < 0);
  const worst = (heard.length > 0 ? heard : candidates).reduce((a, b) => (b.monoVsStereoDb < a.monoVsStereoDb ? b : a));
  const heardLossDb = heard.length > 0 ? -worst.monoVsStereoDb : 0;
  const severityDb = Math.min(-OWN_LOSS_FLOOR_DB, Math.max(heardLossDb, mixLossDb, 0));
  // The mix's loss heads the finding only where it is worth reporting and larger: a masked own loss says more than a negligible mix loss.
  const headline: HeadlineLoss =
    mixLossDb >= REPORT_SEVERITY_DB && mixLossDb > heardLossDb
      ? { of: 'mix', monoVsStereoDb: -mixLossDb, audible: true }
      : {
          of: 'source',
          monoVsStereoDb: worst.monoVsStereoDb,
          ...(worst.band === undefined ? {} : { band: plainBand(worst.band) }),
          audible: worst.audible,
          levelToMixDb: worst.levelToMixDb,
        };
  return { ownMonoVsStereoDb: ownDb, bands: losing.slice(0, FINDING_BAND_COUNT).map((k) => k.band!), headline, severityDb };
}

/**
 * An edit of the source alone in band b (index bandCount: the energy outside the bands):
 * from `self`, its moments as a source that is its own mix (ownMomentsAsMix), the
 * moments [pl, pr, c] of the edited source, into out[0..2].
 */
export type OwnEdit = (b: number, self: Float64Array, out: Float64Array) => void;

/** Narrowed to width w (side scaled by w): w = 0 makes L = R, and so does removing a Haas delay, for the own loss (+3.01 dB). */
export function ownNarrowed(width: number): OwnEdit {
  return (_b, self, out) => momentsWithSourceNarrowed(self, 0, self, 0, width, out);
}

/** The right channel's polarity flipped. */
export const ownRightFlipped: OwnEdit = (_b, self, out) => momentsWithSourceRightFlipped(self, 0, self, 0, out);

/** Mono (w = 0) in the bands whose centre is below `cutoffHz`, as the bass-mono fix; the rest as it is. */
export function ownBassMono(bands: readonly { readonly centreHz: number }[], cutoffHz: number): OwnEdit {
  return (b, self, out) => momentsWithSourceNarrowed(self, 0, self, 0, b < bands.length && bands[b]!.centreHz < cutoffHz ? 0 : 1, out);
}

/**
 * How much an edit reduces the source's own loss where its headline names it (the
 * headline's band, or broadband), dB: the headline's loss minus the loss left after the
 * edit (a gain beyond 0 dB does not count, so an edit that makes L = R there brings back
 * exactly the headline's loss). Undefined unless the headline is a loss of the source's own.
 * Exact from the source's own moments: a source X = S is its own mix, so the what-if
 * moments of sourceMoments.ts, given the source as the mix, are those of the edited source.
 */
export function ownFixImprovementDb(analyser: MomentAnalyser, i: number, headline: HeadlineLoss, edit: OwnEdit): number | undefined {
  if (headline.of !== 'source' || !(headline.monoVsStereoDb < 0)) return undefined;
  const moments = analyser.inputs[i]!.bands;
  const band = headline.band;
  const first = band === undefined ? 0 : analyser.bands.findIndex((k) => k.nominalHz === band.nominalHz);
  if (first < 0) throw new Error(`ownFixImprovementDb: the headline's band (${band!.nominalHz} Hz) is not one of the analyser's bands`);
  const last = band === undefined ? analyser.bandCount : first;
  const self = new Float64Array(SOURCE_STRIDE);
  const edited = new Float64Array(3);
  let pl = 0, pr = 0, c = 0;
  for (let b = first; b <= last; b++) {
    ownMomentsAsMix(moments, SOURCE_STRIDE * b, self);
    edit(b, self, edited);
    pl += edited[0]!;
    pr += edited[1]!;
    c += edited[2]!;
  }
  const lossLeftDb = Math.max(0, -ownMonoVsStereoDb(pl, pr, c, analyser.totalFrames));
  return -headline.monoVsStereoDb - lossLeftDb;
}

/** The source's seven moments as if it were the whole mix (X = S): its products with the mix are its own moments. */
function ownMomentsAsMix(moments: ArrayLike<number>, at: number, out: Float64Array): void {
  const pl = moments[at + SOURCE_PL]!, pr = moments[at + SOURCE_PR]!, c = moments[at + SOURCE_C]!;
  out[SOURCE_PL] = pl;
  out[SOURCE_PR] = pr;
  out[SOURCE_C] = c;
  out[X_L_S_L] = pl;
  out[X_L_S_R] = c;
  out[X_R_S_L] = c;
  out[X_R_S_R] = pr;
}

function plainBand({ nominalHz, lowerHz, upperHz }: AnalysisBand): AnalysisBand {
  return { nominalHz, lowerHz, upperHz };
}

/** 10 log10(source / mix) of two powers, dB; a silent mix (or source) reads the own-loss floor. */
function levelToMixDb(sourcePower: number, mixPower: number): number {
  return sourcePower > 0 && mixPower > 0 ? 10 * Math.log10(sourcePower / mixPower) : OWN_LOSS_FLOOR_DB;
}
