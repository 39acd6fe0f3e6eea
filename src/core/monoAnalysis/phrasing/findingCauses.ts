import { correlation, frequency } from '../../formatUnits';
import type { AnalysedFormat } from '../monoAnalysisTypes';
import type { MonoFinding, SourceFindingKind } from '../findingTypes';
import { msAmount } from './findingNumbers';

/**
 * What is wrong, per kind of a source's finding: a clause in lower case for the middle of
 * its sentence (findingSentence.ts), from the figures the analysis measured.
 */
const CAUSES: Readonly<Record<SourceFindingKind, (finding: MonoFinding, format: AnalysedFormat) => string>> = {
  haas: (f) =>
    `one channel is a copy of the other delayed by ${delayPhrase(f)}: in mono it combs, with notches at ${notchesPhrase((f.notchFrequenciesHz ?? []).slice(0, 3))}`,
  polarity: (f) => `its channels are polarity-inverted against each other (correlation ${invertedPhrase(f)})`,
  'wide-low-end': (f) => `its low end below ${f.lowEndHz === undefined ? '--' : frequency(f.lowEndHz)} is wide and out of phase`,
  'fold-down-cancellation': (f, format) =>
    f.cancelsIn === 'stem'
      ? `its stem's channels cancel (correlation ${figure(f.stemCorrelation)}): its placement folds much of the out-of-phase part away in the ${renderName(format)} (correlation ${figure(f.correlation)} there), and a mono sum of the stem loses it wherever it is placed`
      : `its placement folds it onto itself out of phase (correlation ${figure(f.correlation)} in the ${renderName(format)}${f.stemCorrelation === undefined ? '' : `, ${figure(f.stemCorrelation)} in its stem`})`,
  'wide-source': (f) =>
    f.cancelsIn === 'stem' ? `its side outweighs its mid (correlation ${figure(f.stemCorrelation)} in its stem)` : `its side outweighs its mid (correlation ${figure(f.correlation)})`,
};

export function causeClause(kind: SourceFindingKind, finding: MonoFinding, format: AnalysedFormat): string {
  const pair = finding.channelPair;
  const cause = CAUSES[kind](finding, format);
  // A bed's pair first: what to look at in its stem; then what its render does.
  return pair === undefined ? cause : `its ${pair.left} and ${pair.right} channels cancel each other (correlation ${correlation(pair.correlation)} in its stem); in the ${renderName(format)} ${cause}`;
}

/** A Haas delay: "12.0 ms (576 samples, the right lags)". */
export function delayPhrase(finding: Pick<MonoFinding, 'delayMs' | 'delaySamples'>): string {
  const samples = finding.delaySamples ?? 0;
  return `${msAmount(finding.delayMs ?? 0)} (${Math.abs(samples)} samples, ${samples > 0 ? 'the right lags' : 'the left lags'})`;
}

/** Comb notches: "41.7 Hz, 125 Hz, 208 Hz". */
export function notchesPhrase(frequenciesHz: readonly number[]): string {
  return frequenciesHz.map(frequency).join(', ');
}

/** The broadband correlation, or the share of the source's energy in inverted bands where that says more. */
function invertedPhrase(f: MonoFinding): string {
  const bands = f.invertedBands;
  return bands === undefined ? figure(f.correlation) : `at or below ${bands.correlationAtMost} in bands holding ${Math.round(100 * bands.energyShare)} % of its energy`;
}

function figure(value: number | undefined): string {
  return value === undefined ? '--' : correlation(value);
}

function renderName(format: AnalysedFormat): string {
  return format === 'binaural' ? 'binaural render' : 'fold-down';
}
