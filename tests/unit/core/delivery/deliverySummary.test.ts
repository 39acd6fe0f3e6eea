import { describe, expect, it } from 'vitest';
import type { DeliveryRuleResult, DeliveryVerdict } from '../../../../src/core/delivery/atmosMusicDelivery';
import { DELIVERY_RULE_SOURCES, summarizeDelivery } from '../../../../src/core/delivery/deliverySummary';

const rules = (...verdicts: DeliveryVerdict[]): DeliveryRuleResult[] =>
  verdicts.map((verdict, i) => ({ id: `rule-${i}`, requirement: 'r', found: 'f', verdict, source: i % 2 === 0 ? 'DOLBY' : 'UMG' }));

describe('summarizeDelivery', () => {
  it('counts every verdict and says a master with a failed rule is not deliverable', () => {
    const summary = summarizeDelivery(rules('pass', 'fail', 'flag', 'pass', 'fail'));
    expect(summary).toEqual({ pass: 2, fail: 2, flag: 1, deliverable: false, line: 'Not deliverable: 2 rules fail, 1 flagged for approval, 2 pass' });
  });

  it('says one failed rule in the singular', () => {
    expect(summarizeDelivery(rules('fail', 'pass')).line).toBe('Not deliverable: 1 rule fails, 1 pass');
  });

  it('a flag asks for approval but does not refuse the master', () => {
    const summary = summarizeDelivery(rules('pass', 'flag', 'pass'));
    expect(summary.deliverable).toBe(true);
    expect(summary.line).toBe('Deliverable after approval: 1 flagged for approval, 2 pass');
  });

  it('all passing says so with the count', () => {
    expect(summarizeDelivery(rules('pass', 'pass', 'pass')).line).toBe('Deliverable: all 3 rules pass');
  });

  it('names both sources the rules cite', () => {
    expect(Object.keys(DELIVERY_RULE_SOURCES).sort()).toEqual(['DOLBY', 'UMG']);
  });
});
