import type { MonoFinding } from '../../render/analysis/monoAnalysisTypes';
import type { AnalysisReport, ProgrammeLoudness } from './analysisReport';
import { clock, correlation, frequency, signedDb } from './reportFormat';

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

/** How much a finding costs, "6.5 dB lost"; small losses keep a second decimal so they do not read as nothing. */
export function severity(f: MonoFinding): string {
  return `${f.severityDb.toFixed(f.severityDb < 1 ? 2 : 1)} dB lost`;
}

/** A finding's band and what it loses there (the sign convention aside: a loss is a loss). */
export function bandLoss(band: MonoFinding['bands'][number]): string {
  return `${frequency(band.nominalHz)} (${Math.abs(band.lossDb).toFixed(1)} dB lost)`;
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
  if (f.removalImprovementDb !== undefined) parts.push(`removing it: ${signedDb(f.removalImprovementDb)} dB`);
  if (f.collapseImprovementDb !== undefined) parts.push(`collapsing it to mono: ${signedDb(f.collapseImprovementDb)} dB`);
  return parts.join('; ');
}
