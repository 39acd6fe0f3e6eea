import type { LoudnessTarget } from '../../core/loudnessTargets';
import type { MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import type { AnalyzeGate } from './analyzeArgs';
import type { DeliveryReport, GateResult, ProgrammeLoudness } from './report/analysisReport';

/** What the gates judge: the mono analysis, the programmes the loudness gate checks, the delivery check. */
export interface GatedMeasures {
  readonly analysis: MonoAnalysis | undefined;
  /** Each checked by the loudness gate (one result each). */
  readonly programmes: readonly ProgrammeLoudness[];
  readonly delivery?: DeliveryReport;
}

/**
 * Checks each --fail-on gate. Mono loss: the level the analysed stereo signal loses in
 * mono overall (positive dB, the negated mono sum vs stereo when it is negative) must not
 * exceed maxLossDb; `measured` and `limit` are such losses. Loudness: the integrated loudness
 * of each programme within the target's tolerance and its true peak at or below the
 * ceiling, one result per programme. Delivery: no rule of the delivery check failed (a
 * flag asks for a person's approval and passes); `measured` counts the failed rules.
 */
export function evaluateGates(gates: readonly AnalyzeGate[], measures: GatedMeasures, target: LoudnessTarget): GateResult[] {
  return gates.flatMap((gate) => {
    switch (gate.kind) {
      case 'loudness':
        return measures.programmes.map((programme) => loudnessGate(programme, target));
      case 'mono-loss':
        return [monoLossGate(gate.maxLossDb, measures.analysis)];
      case 'delivery':
        return [deliveryGate(measures.delivery)];
    }
  });
}

function deliveryGate(delivery: DeliveryReport | undefined): GateResult {
  if (delivery === undefined) throw new Error('internal: the delivery gate without a delivery check');
  const failed = delivery.rules.filter((rule) => rule.verdict === 'fail');
  const flagged = delivery.rules.filter((rule) => rule.verdict === 'flag').length;
  const passed = failed.length === 0;
  const flags = flagged > 0 ? `; ${flagged} flagged for approval` : '';
  const message = passed
    ? `delivery: passed (${delivery.specification}: ${delivery.rules.length} rules, none failed${flags})`
    : `delivery: FAILED (${delivery.specification}): ${failed.map((rule) => `${rule.id}: ${rule.found}, expected ${rule.requirement}`).join('; ')}${flags}`;
  return { gate: 'delivery', passed, measured: failed.length, limit: 0, unit: 'rules', excess: failed.length, message };
}

function monoLossGate(maxLossDb: number, analysis: MonoAnalysis | undefined): GateResult {
  const gate = `mono-loss>${maxLossDb}dB`;
  const limit = maxLossDb;
  if (analysis === undefined) {
    return { gate, passed: true, measured: 0, limit, unit: 'dB', excess: 0, message: `${gate}: passed (a mono file loses nothing in mono)` };
  }
  const monoVsStereoDb = analysis.overall.monoVsStereoDb;
  const measured = Math.max(0, -monoVsStereoDb);
  const what = analysis.subject === 'scene' ? `the ${analysis.format} render` : 'the mix';
  const passed = measured <= limit;
  const excess = passed ? 0 : measured - limit;
  const figure = `${what} ${measured > 0 ? `loses ${measured.toFixed(1)} dB` : 'loses nothing'} in mono (mono sum vs stereo ${signed(monoVsStereoDb)} dB)`;
  const message = passed
    ? `${gate}: passed (${figure}, limit ${limit.toFixed(1)} dB lost)`
    : `${gate}: FAILED: ${figure}, ${excess.toFixed(1)} dB beyond the limit of ${limit.toFixed(1)} dB lost`;
  return { gate, passed, measured, limit, unit: 'dB', excess, message };
}

function loudnessGate(programme: ProgrammeLoudness, target: LoudnessTarget): GateResult {
  const d = programme.distance;
  const problems: string[] = [];
  let excess = 0;
  if (!d.loudnessWithinTolerance) {
    const beyond = Math.abs(d.loudnessOffsetLu) - target.toleranceLu;
    excess = Math.max(excess, beyond);
    const side = d.loudnessOffsetLu > 0 ? 'above' : 'below';
    problems.push(
      `integrated ${programme.integratedLufs.toFixed(1)} LUFS is ${Math.abs(d.loudnessOffsetLu).toFixed(1)} LU ${side} the target ${target.integratedLufs} LUFS (${beyond.toFixed(1)} LU beyond the +-${target.toleranceLu} LU tolerance)`,
    );
  }
  if (!d.truePeakWithinLimit) {
    const over = -d.truePeakMarginDb;
    excess = Math.max(excess, over);
    problems.push(`true peak ${programme.truePeakDbtp.toFixed(1)} dBTP is ${over.toFixed(1)} dB above the ${target.maxTruePeakDbtp} dBTP ceiling`);
  }
  const passed = problems.length === 0;
  const message = passed
    ? `loudness: passed (${programme.programme}: ${programme.integratedLufs.toFixed(1)} LUFS, ${programme.truePeakDbtp.toFixed(1)} dBTP; ${target.name})`
    : `loudness: FAILED (${programme.programme}, ${target.name}): ${problems.join('; ')}`;
  return { gate: 'loudness', passed, measured: programme.integratedLufs, limit: target.integratedLufs, unit: 'LU', excess, message };
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
}
