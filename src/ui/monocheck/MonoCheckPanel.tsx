import { useEffect, useState } from 'react';
import type { AnalysedFormat } from '../../core/monoAnalysis/monoAnalysisTypes';
import { defaultMonoCheckFormat, isMonoCheckStale } from '../../state/slices/monoCheckSlice';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { SegmentedControl } from '../controls/SegmentedControl';
import type { Segment } from '../controls/SegmentedControl';
import { MonoCheckSummary } from './MonoCheckSummary';
import { MonoFindingList } from './MonoFindingList';
import './monoCheck.css';

const FORMATS: readonly Segment<AnalysedFormat>[] = [
  { value: 'stereo', label: 'Stereo', title: 'Analyse the stereo fold-down (what speakers and a mono sum get)', testId: 'mono-check-format-stereo' },
  { value: 'binaural', label: 'Binaural', title: 'Analyse the binaural render (what headphones get, summed to mono)', testId: 'mono-check-format-binaural' },
];

/**
 * The mono check: analyses the session off the page's thread (with progress and Cancel),
 * then shows the summary and the findings, most severe first. A finding is a handle on
 * the mix: clicking it selects its source and plays from its worst moment.
 */
export function MonoCheckPanel() {
  const store = useStudioStoreApi();
  const monoCheck = useStudioStore((s) => s.monoCheck);
  const stale = useStudioStore(isMonoCheckStale);
  const [format, setFormat] = useState<AnalysedFormat>(() => defaultMonoCheckFormat(store.getState()));
  const running = monoCheck.status === 'running';
  const percent = Math.round(monoCheck.progress * 100);
  const run = (): void => void store.getState().runMonoCheck(format);
  // Shown means a check is likely: its workers load their modules now rather than on the first run.
  useEffect(() => {
    store.getState().prepareMonoCheck();
  }, [store]);

  return (
    <section className="panel mono-check-panel" aria-label="Mono check" data-testid="mono-check-panel" data-status={monoCheck.status}>
      <div className="mono-check-controls">
        <SegmentedControl segments={FORMATS} selected={format} label="Format to analyse" className="small" disabled={running} onSelect={setFormat} />
        {running ? (
          <button type="button" className="bar-button small" data-testid="mono-check-cancel" onClick={() => store.getState().cancelMonoCheck()}>
            Cancel
          </button>
        ) : (
          <button type="button" className="bar-button small bar-button-primary" data-testid="mono-check-run" onClick={run}>
            {monoCheck.analysis === null ? 'Analyse' : 'Analyse again'}
          </button>
        )}
      </div>

      {running && (
        <>
          <div
            className="mono-check-progress"
            role="progressbar"
            aria-label="Mono check progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid="mono-check-progress"
          >
            <div className="mono-check-progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <p className="mono-check-status" role="status" data-testid="mono-check-status">
            Analysing the {monoCheck.format === 'binaural' ? 'binaural render' : 'stereo fold-down'}… {percent}%
          </p>
        </>
      )}

      {monoCheck.status === 'idle' && (
        <p className="mono-check-hint">
          Finds what makes the mix lose level in mono (polarity, Haas delays, wide lows, placements that cancel in the fold-down) and
          names the source.
        </p>
      )}

      {monoCheck.error !== null && (
        <p className="mono-check-error" role="alert" data-testid="mono-check-error">
          {monoCheck.error}
        </p>
      )}

      {stale && (
        <div className="mono-check-stale" role="status" data-testid="mono-check-stale">
          <span>The scene changed after this analysis.</span>
          <button type="button" className="bar-button small" data-testid="mono-check-rerun" onClick={run}>
            Re-run
          </button>
        </div>
      )}

      {monoCheck.analysis !== null && (
        <div className={stale ? 'mono-check-results is-stale' : 'mono-check-results'}>
          <MonoCheckSummary analysis={monoCheck.analysis} />
          <MonoFindingList analysis={monoCheck.analysis} selectedFinding={monoCheck.selectedFinding} />
        </div>
      )}
    </section>
  );
}
