import { correlation } from '../../../core/formatUnits';
import type { SourceMonoFigures } from '../../../core/monoAnalysis/monoAnalysisTypes';
import { stripName } from '../../../core/monoAnalysis/phrasing/findingHeadline';
import type { AnalysisReport, ProgrammeLoudness } from './analysisReport';
import { level, signedDb } from './reportFormat';

/** Short phrases the text and HTML reports share (a finding's: core/monoAnalysis/phrasing, shared with the studio). */

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

/** A row of the sources table: name (a bed's or HOA stem's with what it is), level, own mono sum vs stereo, correlation, and what removing or collapsing it does to the mix. */
export function sourceRow(s: SourceMonoFigures): string[] {
  return [
    stripName(s.sourceName, s.sourceKind),
    `${level(s.levelDb)} dBFS`,
    `${signedDb(s.monoVsStereoDb)} dB`,
    correlation(s.correlation),
    `${signedDb(s.removalImprovementDb)} dB`,
    `${signedDb(s.collapseImprovementDb)} dB`,
  ];
}
