import type { MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import { MonoFindingItem } from './MonoFindingItem';

export interface MonoFindingListProps {
  readonly analysis: MonoAnalysis;
  readonly selectedFinding: number | null;
}

/** The findings, most severe first, in the analysis's own order (it sorts them). */
export function MonoFindingList({ analysis, selectedFinding }: MonoFindingListProps) {
  return (
    <div className="mono-findings">
      <h2 className="panel-title">
        Findings <span className="panel-count">{analysis.findings.length}</span>
      </h2>
      {analysis.findings.length === 0 ? (
        <p className="mono-check-hint" data-testid="mono-check-clean">
          No source loses level in mono.
        </p>
      ) : (
        <ol className="mono-finding-list" data-testid="mono-finding-list">
          {analysis.findings.map((finding, index) => (
            <MonoFindingItem key={index} finding={finding} index={index} selected={selectedFinding === index} format={analysis.format} />
          ))}
        </ol>
      )}
    </div>
  );
}
