import { correlation } from '../../../core/formatUnits';
import type { SourceMonoFigures } from '../../../core/monoAnalysis/monoAnalysisTypes';
import { stripName } from '../../../core/monoAnalysis/phrasing/findingHeadline';
import type { AnalysisReport, ProgrammeLoudness, ReportInput } from './analysisReport';
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
/** What a scene holds, for a report's header: "7 sources", "2 sources, 1 bed and 1 HOA stem". */
export function sceneContents(input: ReportInput): string {
  const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
  const parts = [count(input.sourceCount ?? 0, 'source')];
  if ((input.bedCount ?? 0) > 0) parts.push(count(input.bedCount!, 'bed'));
  if ((input.hoaCount ?? 0) > 0) parts.push(count(input.hoaCount!, 'HOA stem'));
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

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
