import type { MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import { largestLossPhrase, monoVsStereoPhrase, unanalysedPhrase, worstBandsPhrase } from '../../core/monoAnalysis/phrasing/summaryPhrases';
import { formatCorrelation } from '../format';
import { clock } from '../../core/formatUnits';

export interface MonoCheckSummaryProps {
  readonly analysis: MonoAnalysis;
}

/**
 * The whole mix at a glance: its mono sum vs stereo (signed), correlation, the largest loss
 * and the worst bands as the findings state them (core/monoAnalysis/phrasing/summaryPhrases.ts),
 * and how the binaural render sums to mono; the beds and HOA stems left out (stems not loaded).
 */
export function MonoCheckSummary({ analysis }: MonoCheckSummaryProps) {
  const { overall, binaural } = analysis;
  return (
    <div className="mono-check-summary" data-testid="mono-check-summary">
      <p className="mono-check-subject">
        {analysis.format === 'binaural' ? 'Binaural render' : 'Stereo fold-down'}, {clock(analysis.durationSec)}, mono law{' '}
        {analysis.monoLaw}
      </p>
      <dl className="mono-check-figures">
        <dt title="The whole mix's mono fold-down against its stereo level: positive is louder in mono, negative is level lost">Mono sum vs stereo</dt>
        <dd data-testid="mono-check-mono-vs-stereo">{monoVsStereoPhrase(overall.monoVsStereoDb)}</dd>
        <dt>Correlation</dt>
        <dd data-testid="mono-check-correlation">{formatCorrelation(overall.correlation)}</dd>
        <dt title="The first finding's headline: the largest loss heard">Largest loss</dt>
        <dd data-testid="mono-check-largest-loss">{largestLossPhrase(analysis.findings)}</dd>
        <dt title="Bands ranked by the dB the findings say are lost there">Worst bands</dt>
        <dd data-testid="mono-check-worst-bands">{worstBandsPhrase(analysis.findings)}</dd>
        {binaural !== undefined && (
          <>
            <dt title="The binaural render summed to mono (or played on loudspeakers), against its stereo level">Binaural in mono</dt>
            <dd data-testid="mono-check-binaural">
              {monoVsStereoPhrase(binaural.monoVsStereoDb)}, correlation {formatCorrelation(binaural.correlation)}
            </dd>
          </>
        )}
      </dl>
      {analysis.unanalysed !== undefined && analysis.unanalysed.length > 0 && (
        <p className="mono-check-unanalysed" role="note" data-testid="mono-check-unanalysed">
          {unanalysedPhrase(analysis.unanalysed)}
        </p>
      )}
    </div>
  );
}
