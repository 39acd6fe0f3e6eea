import type { DeliveryRuleResult, DeliveryVerdict } from './atmosMusicDelivery';

/** A QC report at a glance: how many rules passed, failed and were flagged, and the line that says it. */
export interface DeliverySummary {
  readonly pass: number;
  readonly fail: number;
  readonly flag: number;
  /** Whether the master can be delivered as it is: no rule failed (flags ask for a person's approval, they do not refuse). */
  readonly deliverable: boolean;
  readonly line: string;
}

/** Where a rule comes from, as the QC report names it (core/delivery/atmosMusicDelivery.ts cites them). */
export const DELIVERY_RULE_SOURCES: Readonly<Record<DeliveryRuleResult['source'], string>> = {
  DOLBY: 'Dolby Atmos Music Delivery Specification',
  UMG: 'UMG Dolby Atmos asset specifications',
};

/**
 * The summary line of a QC report: "Not deliverable: 1 rule fails, 1 flagged for approval,
 * 10 pass", "Deliverable after approval: 1 flagged for approval, 11 pass" or "Deliverable:
 * all 12 rules pass".
 */
export function summarizeDelivery(rules: readonly DeliveryRuleResult[]): DeliverySummary {
  const count = (verdict: DeliveryVerdict): number => rules.filter((rule) => rule.verdict === verdict).length;
  const pass = count('pass');
  const fail = count('fail');
  const flag = count('flag');
  const parts = [
    ...(fail > 0 ? [`${fail} ${fail === 1 ? 'rule fails' : 'rules fail'}`] : []),
    ...(flag > 0 ? [`${flag} flagged for approval`] : []),
    ...(pass > 0 ? [`${pass} pass`] : []),
  ];
  const line = fail > 0 ? `Not deliverable: ${parts.join(', ')}` : flag > 0 ? `Deliverable after approval: ${parts.join(', ')}` : `Deliverable: all ${pass} rules pass`;
  return { pass, fail, flag, deliverable: fail === 0, line };
}
