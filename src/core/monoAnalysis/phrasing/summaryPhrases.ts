import { frequency } from '../../formatUnits';
import type { AnalysisBand, MonoFinding } from '../findingTypes';
import type { UnanalysedStrip } from '../monoAnalysisTypes';
import { findingSubject, headlinePhrase, stripName } from './findingHeadline';
import { CANCELLED_DB, capitalised, dbAmount, dbChange } from './findingNumbers';

/**
 * The summary above the findings (the studio's mono check header, the reports' summary),
 * written from the same figures as the findings so that it cannot contradict them: the
 * signed mono sum vs stereo of the whole programme, the largest loss (the first finding's
 * headline), and the worst bands ranked by the dB the findings say are lost there.
 */

/** A band and what is lost in it (positive dB), with who loses it. */
export interface BandLoss {
  readonly band: AnalysisBand;
  readonly lossDb: number;
  /** Whose loss: a source's name, "the mix" or "the binaural render". */
  readonly subject: string;
}

/** Losses that show as "0.00 dB" (dbAmount) are no loss. */
const SHOWN_LOSS_DB = 0.005;

/** The signed mono sum vs stereo, with what it means: "+2.7 dB (louder in mono)", "-9.8 dB (9.8 dB lost in mono)", "cancels in mono (-60 dB or less)". */
export function monoVsStereoPhrase(monoVsStereoDb: number): string {
  if (monoVsStereoDb <= CANCELLED_DB) return `cancels in mono (${CANCELLED_DB} dB or less)`;
  const change = dbChange(monoVsStereoDb);
  if (Math.abs(monoVsStereoDb) < SHOWN_LOSS_DB) return `${change} (same level in mono)`;
  return monoVsStereoDb > 0 ? `${change} (louder in mono)` : `${change} (${dbAmount(monoVsStereoDb)} lost in mono)`;
}

/** The largest loss, as the first finding states it: "Pad loses 11.7 dB at 3.15 kHz in mono"; without findings, that nothing does. */
export function largestLossPhrase(findings: readonly MonoFinding[]): string {
  const top = findings[0];
  if (top === undefined) return 'nothing loses level beyond the reporting threshold';
  return `${capitalised(findingSubject(top))} ${headlinePhrase(top)}`;
}

/**
 * The `count` bands where the findings say most is lost, most first, each band once (its
 * largest loss): a source's own loss where it is heard (a masked band's is not), else the
 * loss the band of the finding states for the mix. Bands losing nothing are left out.
 */
export function worstBandLosses(findings: readonly MonoFinding[], count = 3): BandLoss[] {
  const byBand = new Map<number, BandLoss>();
  for (const finding of findings) {
    for (const band of finding.bands) {
      if (band.audible === false) continue;
      const lossDb = band.ownMonoVsStereoDb === undefined ? band.lossDb : -band.ownMonoVsStereoDb;
      const known = byBand.get(band.nominalHz);
      if (lossDb >= SHOWN_LOSS_DB && (known === undefined || lossDb > known.lossDb)) {
        const { nominalHz, lowerHz, upperHz } = band;
        byBand.set(nominalHz, { band: { nominalHz, lowerHz, upperHz }, lossDb, subject: findingSubject(finding) });
      }
    }
  }
  return [...byBand.values()].sort((a, b) => b.lossDb - a.lossDb).slice(0, count);
}

/** "3.15 kHz: Pad loses 11.7 dB, 125 Hz: Guitar loses 8.4 dB", or "no band loses level". */
export function worstBandsPhrase(findings: readonly MonoFinding[], count = 3): string {
  const worst = worstBandLosses(findings, count);
  if (worst.length === 0) return 'no band loses level';
  return worst.map((w) => `${frequency(w.band.nominalHz)}: ${capitalised(w.subject)} loses ${dbAmount(w.lossDb)}`).join(', ');
}

/** The beds and HOA stems an analysis left out: "Not analysed, its stem is not loaded: bed 'Music 7.1.2'". */
export function unanalysedPhrase(strips: readonly UnanalysedStrip[]): string {
  const names = strips.map((strip) => stripName(strip.name, strip.kind)).join(', ');
  return `Not analysed, ${strips.length === 1 ? 'its stem is' : 'their stems are'} not loaded: ${names}`;
}
