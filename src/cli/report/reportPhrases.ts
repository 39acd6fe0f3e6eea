import { AUDIBLE_BELOW_MIX_DB } from '../../render/analysis/findingFigures';
import { clock, frequency } from '../../core/formatUnits';
import { headlinePhrase } from '../../render/analysis/findingMessage';
import type { MonoFinding, SourceMonoFigures } from '../../core/monoAnalysis/monoAnalysisTypes';
import type { AnalysisReport, ProgrammeLoudness } from './analysisReport';
import { correlation, level, signedDb } from './reportFormat';

/** Short phrases the text and HTML reports share. */

/** What to do about a programme's loudness, in a few words. */
export function verdict(l: ProgrammeLoudness, report: AnalysisReport): string {
  const d = l.distance;
  const parts: string[] = [];
  if (!d.loudnessWithinTolerance) parts.push(`${d.gainToTargetDb > 0 ? 'raise' : 'lower'} by ${Math.abs(d.gainToTargetDb).toFixed(1)} dB`);
  else parts.push('on target');
  if (!d.truePeakWithinLimit) parts.push(`true peak ${(-d.truePeakMarginDb).toFixed(1)} dB over ${report.target.maxTruePeakDbtp} dBTP`);
  else if (!d.loudnessWithinTolerance && d.needsLimiting) parts.push('needs a limiter to get there');
  return parts.join('; ');
}

/**
 * What a finding loses, its headline as its message says it (findingMessage.ts): "loses
 * 8.4 dB at 125 Hz in mono", "costs the mix 2.1 dB of mono level"; a finding without a
 * headline (the binaural render's) loses its severity.
 */
export function headline(f: MonoFinding): string {
  return f.headline === undefined ? `loses ${dbAmount(f.severityDb)} in mono` : headlinePhrase(f.headline);
}

/** A finding's band and what the source loses of itself there, with its level against the mix: "125 Hz loses 8.4 dB (10.3 dB below the mix)". */
export function bandLoss(band: MonoFinding['bands'][number]): string {
  const own = band.ownLossDb ?? -band.lossDb;
  const loss = own < 0 ? `loses ${dbAmount(-own)}` : `keeps its level (${signedDb(own)} dB)`;
  return `${frequency(band.nominalHz)} ${loss}${band.levelToMixDb === undefined ? '' : ` (${belowMix(band.levelToMixDb)})`}`;
}

/** "10.3 dB below the mix", or "masked: 25.0 dB below the mix" beyond AUDIBLE_BELOW_MIX_DB. */
function belowMix(levelToMixDb: number): string {
  const below = `${dbAmount(-levelToMixDb)} below the mix`;
  return levelToMixDb < AUDIBLE_BELOW_MIX_DB ? `masked: ${below}` : below;
}

/** A positive amount of dB; below 1 dB with a second decimal, so small losses do not read as nothing. */
function dbAmount(db: number): string {
  return `${db.toFixed(Math.abs(db) < 1 ? 2 : 1)} dB`;
}

/** A finding's time ranges, "0:04.0-0:12.0, 0:20.0-0:24.5", or "throughout". */
export function timeRanges(f: MonoFinding): string {
  if (f.timeRanges.length === 0) return 'throughout';
  return f.timeRanges.map((r) => `${clock(r.startSec)}-${clock(r.endSec)}`).join(', ');
}

/** The measured facts of a finding that are not in every finding. */
export function findingDetail(f: MonoFinding): string {
  const parts: string[] = [];
  if (f.correlation !== undefined) parts.push(`correlation ${correlation(f.correlation)}`);
  if (f.delayMs !== undefined) parts.push(`delay ${f.delayMs.toFixed(2)} ms`);
  if (f.notchFrequenciesHz !== undefined && f.notchFrequenciesHz.length > 0) {
    parts.push(`mono notches at ${f.notchFrequenciesHz.map((hz) => `${Math.round(hz)} Hz`).join(', ')}`);
  }
  if (f.headline?.band !== undefined && f.ownLossDb !== undefined) parts.push(`own mono loss overall ${signedDb(f.ownLossDb)} dB`);
  if (f.stemLossDb !== undefined) parts.push(`its stem summed to mono ${signedDb(f.stemLossDb)} dB`);
  if (f.mixLossDb !== undefined) parts.push(`the mix loses ${dbAmount(f.mixLossDb)} to it`);
  if (f.removalImprovementDb !== undefined) parts.push(`removing it: ${signedDb(f.removalImprovementDb)} dB`);
  if (f.collapseImprovementDb !== undefined) parts.push(`collapsing it to mono: ${signedDb(f.collapseImprovementDb)} dB`);
  return parts.join('; ');
}

/** A row of the sources table: name, level, own mono loss, correlation, and what removing or collapsing it does to the mix. */
export function sourceRow(s: SourceMonoFigures): string[] {
  return [
    s.sourceName,
    `${level(s.levelDb)} dBFS`,
    `${signedDb(s.monoLossDb)} dB`,
    correlation(s.correlation),
    `${signedDb(s.removalImprovementDb)} dB`,
    `${signedDb(s.collapseImprovementDb)} dB`,
  ];
}

/**
 * A suggested fix with what it was measured to do to the source's own loss where the
 * headline names it and to the whole mix's mono loss: "Narrow Guitar ... (Guitar +8.4 dB
 * at 125 Hz; mix +0.0 dB)", "Flip ... (mix +5.5 dB)".
 */
export function fixText(fix: MonoFinding['fixes'][number], f: MonoFinding): string {
  const gains: string[] = [];
  if (fix.ownImprovementDb !== undefined) {
    const band = f.headline?.band;
    const who = f.sourceName === undefined ? '' : 'own ';
    gains.push(`${who}${signedDb(fix.ownImprovementDb)} dB${band === undefined ? '' : ` at ${frequency(band.nominalHz)}`}`);
  }
  if (fix.improvementDb !== undefined) gains.push(`mix ${signedDb(fix.improvementDb)} dB`);
  return gains.length === 0 ? fix.text : `${fix.text} (${gains.join('; ')})`;
}
