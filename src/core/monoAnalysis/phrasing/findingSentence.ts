import { clock, frequency } from '../../formatUnits';
import type { AnalysedFormat } from '../monoAnalysisTypes';
import type { MonoFinding } from '../findingTypes';
import { causeClause } from './findingCauses';
import { findingSubject, headlinePhrase, stripName } from './findingHeadline';
import { capitalised, dbAmount, monoChangePhrase } from './findingNumbers';

/**
 * The sentence of a finding, as the studio and the reports show it: first what the source
 * loses of itself in mono (its headline, broadband beside it, its stem's), then what is
 * wrong, then what it costs the whole mix and when. E.g. "Guitar loses 8.4 dB at 125 Hz in
 * mono, though it keeps its level overall. One channel is a copy of the other ...; it
 * costs the mix little level overall, 0.20 dB at 125 Hz, around 0:23.5." `format` is the
 * analysed render's (MonoAnalysis.format).
 */
export function findingSentence(finding: MonoFinding, format: AnalysedFormat): string {
  if (finding.kind === 'binaural-mono') return binauralSentence(finding);
  const { headline, ownMonoVsStereoDb, stemMonoVsStereoDb } = finding;
  const overall =
    headline?.of === 'source' && headline.band !== undefined && ownMonoVsStereoDb !== undefined
      ? ownMonoVsStereoDb < 0
        ? `, ${dbAmount(ownMonoVsStereoDb)} overall`
        : ', though it keeps its level overall'
      : '';
  const stem = stemMonoVsStereoDb !== undefined && stemMonoVsStereoDb < 0 ? `; its stem loses ${dbAmount(stemMonoVsStereoDb)} summed to mono` : '';
  const what = causeClause(finding.kind, finding, format);
  return `${capitalised(findingSubject(finding))} ${headlinePhrase(finding)}${overall}${stem}. ${capitalised(what)}${mixCost(finding)}, around ${clock(finding.worstTimeSec)}.`;
}

/** What the source costs the whole mix, unless the headline says it already (or the finding is about a mix file, its own mix). */
function mixCost({ mixLossDb, mixLossReported, headline, bands }: MonoFinding): string {
  if (mixLossDb === undefined || headline?.of === 'mix') return '';
  if (mixLossReported === true) return `; it costs the mix ${dbAmount(mixLossDb)} of mono level`;
  const band = bands[0];
  return band === undefined ? '; it costs the mix little level overall' : `; it costs the mix little level overall, ${dbAmount(band.lossDb)} at ${frequency(band.nominalHz)}`;
}

/** "The binaural render loses 1.8 dB when its ears are summed to mono (worst around 0:12.5); the sources that lose most: Pad (loses 3.5 dB), ...". */
function binauralSentence(finding: MonoFinding): string {
  const names = (finding.losingSources ?? []).map((s) => `${stripName(s.sourceName, s.sourceKind)} (${monoChangePhrase(s.monoVsStereoDb)})`).join(', ');
  return `The binaural render loses ${dbAmount(finding.severityDb)} when its ears are summed to mono (worst around ${clock(finding.worstTimeSec)})${names === '' ? '' : `; the sources that lose most: ${names}`}.`;
}
