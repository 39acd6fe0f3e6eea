import type { MonoAnalysis } from '../../engine/audioEngine';
import { MonoFindingItem } from './MonoFindingItem';

export interface MonoFindingListProps {
  readonly analysis: MonoAnalysis;
  readonly selectedFinding: number | null;
}

/** The findings, most severe first (the analysis sorts them; ties keep its order). */
export function MonoFindingList({ analysis, selectedFinding }: MonoFindingListProps) {
  const order = analysis.findings.map((finding, index) => ({ finding, index })).sort((a, b) => b.finding.severityDb - a.finding.severityDb);
  return (
    <div className="mono-findings">
      <h2 className="panel-title">
        Findings <span className="panel-count">{analysis.findings.length}</span>
      </h2>
      {order.length === 0 ? (
        <p className="mono-check-hint" data-testid="mono-check-clean">
          No source loses level in mono.
        </p>
      ) : (
        <ol className="mono-finding-list" data-testid="mono-finding-list">
          {order.map(({ finding, index }) => (
            <MonoFindingItem key={index} finding={finding} index={index} selected={selectedFinding === index} />
          ))}
        </ol>
      )}
    </div>
  );
}
