import { frequency } from '../../formatUnits';
import type { FindingKind, MonoFinding } from '../findingTypes';
import type { MultichannelStripKind } from '../monoAnalysisTypes';
import { capitalised, dbAmount } from './findingNumbers';

/** Who or what a finding is about: "Heavy guitar", "bed 'Music 7.1.2'", "HOA 'Room'", "the mix" (a mix file), "the binaural render". */
export function findingSubject(finding: Pick<MonoFinding, 'kind' | 'sourceName' | 'sourceKind'>): string {
  if (finding.sourceName !== undefined) return stripName(finding.sourceName, finding.sourceKind);
  return finding.kind === 'binaural-mono' ? 'the binaural render' : 'the mix';
}

/** An object by its name, a bed or HOA stem by what it is and its name: "Pad", "bed 'Music 7.1.2'", "HOA 'Room'". */
export function stripName(name: string, kind: MultichannelStripKind | undefined): string {
  return kind === undefined ? name : `${kind === 'bed' ? 'bed' : 'HOA'} '${name}'`;
}

/** What each kind of finding is called (lower case within a line; capitalised() at its start). */
const KIND_LABELS: Readonly<Record<FindingKind, string>> = {
  polarity: 'polarity',
  haas: 'Haas delay',
  'fold-down-cancellation': 'fold-down cancellation',
  'wide-low-end': 'wide low end',
  'wide-source': 'wide source',
  'binaural-mono': 'binaural in mono',
};

export function kindLabel(kind: FindingKind): string {
  return KIND_LABELS[kind];
}

/**
 * What a finding loses, its headline: "loses 8.4 dB at 125 Hz in mono", "keeps its level
 * in mono", "costs the mix 2.0 dB of mono level", with where the mix masks it ("..., where
 * it is 26.0 dB below the mix (masked)"); a finding without a headline (the binaural
 * render's) loses its severity.
 */
export function headlinePhrase(finding: Pick<MonoFinding, 'headline' | 'severityDb'>): string {
  const headline = finding.headline;
  if (headline === undefined) return `loses ${dbAmount(finding.severityDb)} in mono`;
  if (headline.of === 'mix') return `costs the mix ${dbAmount(headline.monoVsStereoDb)} of mono level`;
  const where = headline.band === undefined ? '' : ` at ${frequency(headline.band.nominalHz)}`;
  const phrase = headline.monoVsStereoDb < 0 ? `loses ${dbAmount(headline.monoVsStereoDb)}${where} in mono` : `keeps its level in mono${where}`;
  return headline.audible || headline.levelToMixDb === undefined ? phrase : `${phrase}, where it is ${toMixPhrase(headline.levelToMixDb)} (masked)`;
}

/** A finding in one line: "Heavy guitar: Haas delay, loses 8.4 dB at 125 Hz in mono". */
export function findingHeading(finding: MonoFinding): string {
  return `${capitalised(findingSubject(finding))}: ${kindLabel(finding.kind)}, ${headlinePhrase(finding)}`;
}

/** A level against the mix's: "10.3 dB below the mix", "1.2 dB above the mix". */
export function toMixPhrase(levelToMixDb: number): string {
  return `${dbAmount(levelToMixDb)} ${levelToMixDb > 0 ? 'above' : 'below'} the mix`;
}
