import { frequency } from '../../core/formatUnits';
import type { AnalysisBand, FindingKind, MonoFinding, SuggestedFix, TimeRange } from '../../core/monoAnalysis/monoAnalysisTypes';

/** Display formats of the mono check panel and the stage markers (pure). */

/**
 * How bad a finding is, by its severity (the mono loss heard: the source's own where the
 * mix does not mask it, or the mix's): from 6 dB, half the source's amplitude gone in a
 * band or overall, an obvious change in mono; below it a colouration worth a listen.
 */
export type FindingSeverity = 'severe' | 'moderate';

export const SEVERE_FINDING_DB = 6;

export function findingSeverity(severityDb: number): FindingSeverity {
  return severityDb >= SEVERE_FINDING_DB ? 'severe' : 'moderate';
}

/** Marker and badge colours: red for severe, amber for moderate. */
export const SEVERITY_COLORS: Readonly<Record<FindingSeverity, string>> = {
  severe: '#ff3b3b',
  moderate: '#ffb020',
};

export const FINDING_KIND_LABELS: Readonly<Record<FindingKind, string>> = {
  polarity: 'Polarity',
  haas: 'Haas delay',
  'fold-down-cancellation': 'Fold-down cancellation',
  'wide-low-end': 'Wide low end',
  'wide-source': 'Wide source',
  'binaural-mono': 'Binaural in mono',
};

/** "m:ss", e.g. 65.4 s -> "1:05" (whole seconds, rounded down; negative and non-finite show as 0:00). */
export function formatMinutesSeconds(seconds: number): string {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds + 1e-6) : 0;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** "0:12-0:45", joined by ", "; at most `limit` ranges, then "+N more". */
export function formatTimeRanges(ranges: readonly TimeRange[], limit = 3): string {
  const shown = ranges.slice(0, limit).map((r) => `${formatMinutesSeconds(r.startSec)}–${formatMinutesSeconds(r.endSec)}`);
  const more = ranges.length - shown.length;
  return more > 0 ? `${shown.join(', ')} +${more} more` : shown.join(', ');
}

/** A band by its nominal centre, as labelled and as the reports write it: "31.5 Hz", "1 kHz", "12.5 kHz". */
export function formatBand(band: Pick<AnalysisBand, 'nominalHz'>): string {
  return frequency(band.nominalHz);
}

/**
 * A finding's dB with its sign: "-4.2", "+0.35". Below 1 dB two decimals, so the small
 * losses a demo-sized problem shows do not all read "0.0".
 */
export function formatFindingDb(db: number): string {
  if (!Number.isFinite(db)) return '--';
  const decimals = Math.abs(db) >= 1 ? 1 : 2;
  const rounded = Number(db.toFixed(decimals));
  if (rounded === 0) return (0).toFixed(decimals);
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(decimals)}`;
}

/** A positive amount of dB without sign, as formatFindingDb: "8.4", "0.35". */
function formatDbAmount(db: number): string {
  return formatFindingDb(Math.abs(db)).replace('+', '');
}

/**
 * A finding's headline, what it loses in mono: "loses 8.4 dB at 125 Hz" (the source's own
 * loss where it is heard), "costs the mix 2.1 dB", "keeps its level", with "(masked)"
 * where the mix hides it; a finding without a headline (the binaural render's) loses its severity.
 */
export function formatFindingHeadline(finding: Pick<MonoFinding, 'headline' | 'severityDb'>): string {
  const h = finding.headline;
  if (h === undefined) return `loses ${formatDbAmount(finding.severityDb)} dB`;
  if (h.of === 'mix') return `costs the mix ${formatDbAmount(h.lossDb)} dB`;
  const where = h.band === undefined ? '' : ` at ${formatBand(h.band)}`;
  const text = h.lossDb < 0 ? `loses ${formatDbAmount(h.lossDb)} dB${where}` : `keeps its level${where}`;
  return h.audible ? text : `${text} (masked)`;
}

/** The secondary figures of a finding: its own loss overall, its stem's, and the whole mix's, e.g. "overall +0.44 dB · stem -0.96 dB · mix -0.01 dB". */
export function formatFindingFigures(finding: Pick<MonoFinding, 'ownLossDb' | 'stemLossDb' | 'mixLossDb'>): string {
  const parts: string[] = [];
  if (finding.ownLossDb !== undefined) parts.push(`overall ${formatFindingDb(finding.ownLossDb)} dB`);
  if (finding.stemLossDb !== undefined) parts.push(`stem ${formatFindingDb(finding.stemLossDb)} dB`);
  if (finding.mixLossDb !== undefined) parts.push(`mix ${formatFindingDb(-finding.mixLossDb)} dB`);
  return parts.join(' · ');
}

/**
 * What a fix brings: to the source's own loss where its headline names it, then to the
 * whole mix, e.g. "Guitar +8.4 dB at 125 Hz; mix +0.01 dB"; "" when neither was measured.
 */
export function formatFixGain(fix: Pick<SuggestedFix, 'improvementDb' | 'ownImprovementDb'>, finding: Pick<MonoFinding, 'headline' | 'sourceName'>): string {
  const parts: string[] = [];
  if (fix.ownImprovementDb !== undefined) {
    const band = finding.headline?.band;
    const who = finding.sourceName === undefined ? '' : 'own ';
    parts.push(`${who}${formatFindingDb(fix.ownImprovementDb)} dB${band === undefined ? '' : ` at ${formatBand(band)}`}`);
  }
  if (fix.improvementDb !== undefined) parts.push(`mix ${formatFindingDb(fix.improvementDb)} dB`);
  return parts.join('; ');
}

/** The `count` bands with the largest mono loss (most negative first), skipping bands without loss. */
export function worstBands(bands: readonly AnalysisBand[], lossDb: readonly number[], count = 3): { band: AnalysisBand; lossDb: number }[] {
  return bands
    .map((band, index) => ({ band, lossDb: lossDb[index] ?? 0 }))
    .filter((b) => Number.isFinite(b.lossDb) && b.lossDb < 0)
    .sort((a, b) => a.lossDb - b.lossDb)
    .slice(0, count);
}
