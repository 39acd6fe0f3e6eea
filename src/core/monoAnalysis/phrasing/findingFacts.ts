import { clock, correlation, frequency } from '../../formatUnits';
import type { FindingBand, MonoFinding, TimeRange } from '../findingTypes';
import { delayPhrase, notchesPhrase } from './findingCauses';
import { toMixPhrase } from './findingHeadline';
import { dbAmount, dbChange } from './findingNumbers';

/** A finding's times, bands and measured figures, as short phrases for the lines under its sentence. */

/** When: "0:04.0-0:12.0, 0:20.0-0:24.5 (worst at 0:06.5)", or "throughout (worst at ...)"; at most `limit` ranges, then "+N more". */
export function whenPhrase(finding: Pick<MonoFinding, 'timeRanges' | 'worstTimeSec'>, limit = Infinity): string {
  return `${timeRangesPhrase(finding.timeRanges, limit)} (worst at ${clock(finding.worstTimeSec)})`;
}

function timeRangesPhrase(ranges: readonly TimeRange[], limit: number): string {
  if (ranges.length === 0) return 'throughout';
  const shown = ranges.slice(0, limit).map((r) => `${clock(r.startSec)}-${clock(r.endSec)}`);
  const more = ranges.length - shown.length;
  return more > 0 ? `${shown.join(', ')} +${more} more` : shown.join(', ');
}

/** A finding's band and what the source loses of itself there, with its level against the mix: "125 Hz loses 8.4 dB (10.3 dB below the mix)", "(masked: 26.0 dB below the mix)". */
export function bandLossPhrase(band: FindingBand): string {
  const own = band.ownMonoVsStereoDb ?? -band.lossDb;
  const loss = own < 0 ? `loses ${dbAmount(own)}` : `keeps its level (${dbChange(own)})`;
  const toMix = band.levelToMixDb === undefined ? '' : ` (${band.audible === false ? 'masked: ' : ''}${toMixPhrase(band.levelToMixDb)})`;
  return `${frequency(band.nominalHz)} ${loss}${toMix}`;
}

/** The measured figures of a finding that are not in every finding: "correlation -0.90", "delay 12.0 ms (...)", "the mix loses 0.01 dB to it", ... */
export function findingFacts(f: MonoFinding): string[] {
  const facts: string[] = [];
  if (f.correlation !== undefined) facts.push(`correlation ${correlation(f.correlation)}`);
  if (f.delayMs !== undefined) facts.push(`delay ${delayPhrase(f)}`);
  if (f.notchFrequenciesHz !== undefined && f.notchFrequenciesHz.length > 0) facts.push(`mono notches at ${notchesPhrase(f.notchFrequenciesHz)}`);
  if (f.ownMonoVsStereoDb !== undefined) facts.push(`own mono sum vs stereo ${dbChange(f.ownMonoVsStereoDb)}`);
  if (f.stemMonoVsStereoDb !== undefined) facts.push(`its stem summed to mono ${dbChange(f.stemMonoVsStereoDb)}`);
  if (f.mixLossDb !== undefined) facts.push(`the mix loses ${dbAmount(f.mixLossDb)} to it`);
  if (f.removalImprovementDb !== undefined) facts.push(`removing it: ${dbChange(f.removalImprovementDb)}`);
  if (f.collapseImprovementDb !== undefined) facts.push(`collapsing it to mono: ${dbChange(f.collapseImprovementDb)}`);
  return facts;
}
