import { REPORT_SEVERITY_DB, formatDb } from './findingFigures';
import { clock, frequency } from '../../core/formatUnits';
import type { FindingBand, HeadlineLoss } from '../../core/monoAnalysis/monoAnalysisTypes';

/**
 * The sentence of a source's finding: first what the source loses of itself in mono (its
 * headline loss, broadband beside it, its stem's), then what is wrong, then what it costs
 * the whole mix and when. E.g. "Guitar loses 8.4 dB at 125 Hz in mono, though it keeps its
 * level overall. One channel is a copy of the other ...; it costs the mix little level
 * overall, 0.2 dB at 125 Hz, around 0:23.5."
 */
export interface FindingMessageParts {
  readonly name: string;
  readonly headline: HeadlineLoss;
  readonly ownLossDb: number;
  readonly stemLossDb: number | undefined;
  /** What is wrong, a clause in lower case: "one channel is a copy of the other ...". */
  readonly what: string;
  /** Mono level the mix loses to the source; undefined for a mix file, which is its own mix. */
  readonly mixLossDb: number | undefined;
  /** The source's worst band (MonoFinding.bands[0]). */
  readonly worstBand: FindingBand | undefined;
  readonly worstTimeSec: number;
}

export function findingMessage(parts: FindingMessageParts): string {
  const { headline, stemLossDb, mixLossDb, worstBand } = parts;
  const overall =
    headline.of === 'source' && headline.band !== undefined
      ? parts.ownLossDb < 0
        ? `, ${formatDb(-parts.ownLossDb)} overall`
        : ', though it keeps its level overall'
      : '';
  const stem = stemLossDb !== undefined && stemLossDb < 0 ? `; its stem loses ${formatDb(-stemLossDb)} summed to mono` : '';
  const cost =
    mixLossDb === undefined || headline.of === 'mix'
      ? ''
      : mixLossDb >= REPORT_SEVERITY_DB
        ? `; it costs the mix ${formatDb(mixLossDb)} of mono level`
        : worstBand === undefined
          ? '; it costs the mix little level overall'
          : `; it costs the mix little level overall, ${formatDb(worstBand.lossDb)} at ${frequency(worstBand.nominalHz)}`;
  return `${capitalised(parts.name)} ${headlinePhrase(headline)}${overall}${stem}. ${capitalised(parts.what)}${cost}, around ${clock(parts.worstTimeSec)}.`;
}

/**
 * What a finding loses, its headline (in the finding's message and the analysis reports):
 * "loses 8.4 dB at 125 Hz in mono", "keeps its level in mono", "costs the mix 2.0 dB of
 * mono level", with where it is masked.
 */
export function headlinePhrase(headline: HeadlineLoss): string {
  if (headline.of === 'mix') return `costs the mix ${formatDb(-headline.lossDb)} of mono level`;
  const where = headline.band === undefined ? '' : ` at ${frequency(headline.band.nominalHz)}`;
  const phrase = headline.lossDb < 0 ? `loses ${formatDb(-headline.lossDb)}${where} in mono` : `keeps its level in mono${where}`;
  return headline.audible || headline.levelToMixDb === undefined ? phrase : `${phrase}, where it is ${formatDb(-headline.levelToMixDb)} below the mix (masked)`;
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
