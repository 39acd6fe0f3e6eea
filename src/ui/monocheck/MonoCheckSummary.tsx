import type { MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import { formatCorrelation, formatDb } from '../format';
import { clock, frequency } from '../../core/formatUnits';
import { worstBands } from './monoCheckFormat';

export interface MonoCheckSummaryProps {
  readonly analysis: MonoAnalysis;
}

/** The whole mix at a glance: mono loss, correlation, the worst bands, and how much of the binaural render survives mono. */
export function MonoCheckSummary({ analysis }: MonoCheckSummaryProps) {
  const { overall, binaural } = analysis;
  const worst = worstBands(analysis.bands, overall.bandMonoLossDb);
  return (
    <div className="mono-check-summary" data-testid="mono-check-summary">
      <p className="mono-check-subject">
        {analysis.format === 'binaural' ? 'Binaural render' : 'Stereo fold-down'}, {clock(analysis.durationSec)}, mono law{' '}
        {analysis.monoLaw}
      </p>
      <dl className="mono-check-figures">
        <dt title="The mono fold-down against the stereo level: negative is level lost in mono">Mono loss</dt>
        <dd data-testid="mono-check-loss">{formatDb(overall.monoLossDb)} dB</dd>
        <dt>Correlation</dt>
        <dd data-testid="mono-check-correlation">{formatCorrelation(overall.correlation)}</dd>
        <dt>Worst bands</dt>
        <dd>{worst.length === 0 ? 'none lose level' : worst.map((b) => `${frequency(b.band.nominalHz)} ${formatDb(b.lossDb)} dB`).join(', ')}</dd>
        {binaural !== undefined && (
          <>
            <dt title="The binaural render summed to mono (or played on loudspeakers)">Binaural in mono</dt>
            <dd data-testid="mono-check-binaural">
              {formatDb(binaural.monoLossDb)} dB, correlation {formatCorrelation(binaural.correlation)}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
