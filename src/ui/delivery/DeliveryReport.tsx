import { clock } from '../../core/formatUnits';
import { DELIVERY_RULE_SOURCES, summarizeDelivery } from '../../core/delivery/deliverySummary';
import type { DeliveryCheckResult } from '../../engine/audioEngine';
import { LoudnessFigures } from './LoudnessFigures';

export interface DeliveryReportProps {
  readonly result: DeliveryCheckResult;
  readonly stale: boolean;
}

const VERDICT_LABELS = { pass: 'PASS', fail: 'FAIL', flag: 'FLAG' } as const;

/** The QC report: the summary line, the loudness measured, and every rule with its verdict, what was found, what is required and where the rule comes from. */
export function DeliveryReport({ result, stale }: DeliveryReportProps) {
  const summary = summarizeDelivery(result.rules);
  const { facts } = result;
  return (
    <div className={stale ? 'delivery-report is-stale' : 'delivery-report'} data-testid="delivery-report">
      <p className={summary.deliverable ? 'delivery-summary is-deliverable' : 'delivery-summary is-refused'} data-testid="delivery-summary">
        {summary.line}
      </p>
      <p className="delivery-check-note">
        The scene as its ADM export would write it: {facts.objectCount} objects, {facts.channelCount} channels, {clock(result.durationSec)}
      </p>
      <dl className="delivery-figures">
        {[facts.fullRender, facts.downmix51].map((render) => (
          <LoudnessFigures key={render.render} loudness={render} />
        ))}
      </dl>
      <ol className="delivery-rules" aria-label="Delivery rules">
        {result.rules.map((rule) => (
          <li key={rule.id} className="delivery-rule" data-testid={`delivery-rule-${rule.id}`} data-verdict={rule.verdict}>
            <span className={`delivery-verdict is-${rule.verdict}`}>{VERDICT_LABELS[rule.verdict]}</span>
            <div className="delivery-rule-text">
              <span className="delivery-rule-found">{rule.found}</span>
              <span className="delivery-rule-required">
                required: {rule.requirement} <cite title={DELIVERY_RULE_SOURCES[rule.source]}>({rule.source === 'DOLBY' ? 'Dolby' : rule.source})</cite>
              </span>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
