import { clock, frequency } from '../../core/formatUnits';
import type { MonoFinding } from '../../core/monoAnalysis/findingTypes';
import type { AnalysedFormat } from '../../core/monoAnalysis/monoAnalysisTypes';
import { bandLossPhrase, findingFacts, whenPhrase } from '../../core/monoAnalysis/phrasing/findingFacts';
import { findingSubject, headlinePhrase, kindLabel } from '../../core/monoAnalysis/phrasing/findingHeadline';
import { capitalised } from '../../core/monoAnalysis/phrasing/findingNumbers';
import { findingSentence } from '../../core/monoAnalysis/phrasing/findingSentence';
import { fixGains, fixSentence } from '../../core/monoAnalysis/phrasing/fixPhrases';
import { isFindingBandSoloed } from '../../state/slices/monoCheckSlice';
import { findBed, findSource } from '../../state/sceneEdits';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { SEVERITY_COLORS, SHOWN_TIME_RANGES, findingSeverity } from './monoCheckFormat';

export interface MonoFindingItemProps {
  readonly finding: MonoFinding;
  /** Its index in analysis.findings (what the store's actions take). */
  readonly index: number;
  readonly selected: boolean;
  /** The analysed render (MonoAnalysis.format), which the finding's sentence names. */
  readonly format: AnalysedFormat;
}

/**
 * One finding: who, what it loses in mono (its headline), when and where in frequency,
 * what to do. Clicking it selects the source (a bed's mixer strip) and plays from the worst moment; "Solo band"
 * also solos the worst band on the monitor (pressed again, it ends the solo).
 */
export function MonoFindingItem({ finding, index, selected, format }: MonoFindingItemProps) {
  const store = useStudioStoreApi();
  const color = useStudioStore((s) => {
    const id = finding.sourceId;
    return id === undefined ? undefined : (findSource(s.scene, id) ?? findBed(s.scene, id) ?? s.scene.ambisonics?.find((a) => a.id === id))?.color;
  });
  const bandSoloed = useStudioStore((s) => isFindingBandSoloed(s, index));
  const severity = findingSeverity(finding.severityDb);
  const worstBand = finding.bands[0];
  const facts = findingFacts(finding).join('; ');

  return (
    <li
      className={selected ? 'mono-finding is-selected' : 'mono-finding'}
      data-testid="mono-finding"
      data-source-id={finding.sourceId ?? ''}
      data-kind={finding.kind}
      data-severity={severity}
    >
      <button
        type="button"
        className="mono-finding-main"
        title={`Select it and play from ${clock(finding.worstTimeSec)}, its worst moment`}
        onClick={() => store.getState().selectMonoFinding(index, { play: true })}
      >
        <span className="mono-finding-head">
          <span className="mono-finding-swatch" style={{ background: color ?? 'transparent' }} aria-hidden="true" />
          <span className="mono-finding-source" data-testid="mono-finding-source" title={finding.sourceName}>
            {capitalised(findingSubject(finding))}
          </span>
        </span>
        <span
          className="mono-finding-db"
          style={{ color: SEVERITY_COLORS[severity] }}
          title="What it loses in mono: its own level where the mix does not mask it, or the whole mix's"
          data-testid="mono-finding-db"
        >
          {headlinePhrase(finding)}
        </span>
        <span className="mono-finding-where">
          <span className="mono-finding-kind">{capitalised(kindLabel(finding.kind))}</span> · {whenPhrase(finding, SHOWN_TIME_RANGES)}
        </span>
        {finding.bands.length > 0 && (
          <span className="mono-finding-where" title="Its own mono loss in its worst bands">
            {finding.bands.map(bandLossPhrase).join(', ')}
          </span>
        )}
        {facts !== '' && (
          <span className="mono-finding-where" title="What was measured: correlation, delay, its own mono loss overall, its stem's summed to mono, what the whole mix loses to it" data-testid="mono-finding-figures">
            {facts}
          </span>
        )}
        <span className="mono-finding-message">{findingSentence(finding, format)}</span>
      </button>
      {finding.fixes.length > 0 && (
        <ul className="mono-finding-fixes">
          {finding.fixes.map((fix) => {
            const gain = fixGains(fix, finding);
            return (
              <li key={fix.kind}>
                {fixSentence(fix, finding)}
                {gain !== '' && (
                  <span className="mono-finding-gain" title="What it brings back: to the source's own mono level where the headline says it loses, and to the whole mix's">
                    {' '}
                    ({gain})
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {worstBand !== undefined && (
        <button
          type="button"
          className="bar-button small mono-finding-solo"
          aria-pressed={bandSoloed}
          data-testid="mono-finding-solo"
          title={bandSoloed ? 'End the band solo' : `Hear only the ${frequency(worstBand.nominalHz)} band on the monitor`}
          onClick={() => store.getState().toggleFindingBandSolo(index)}
        >
          Solo {frequency(worstBand.nominalHz)}
        </button>
      )}
    </li>
  );
}
