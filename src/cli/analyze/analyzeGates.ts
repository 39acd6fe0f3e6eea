import type { LoudnessTarget } from '../../core/loudnessTargets';
import type { MonoAnalysis } from '../../core/monoAnalysis/monoAnalysisTypes';
import type { AnalyzeGate } from './analyzeArgs';
import type { GateResult, ProgrammeLoudness } from './report/analysisReport';

/**
 * Checks each --fail-on gate. Mono loss: the level the analysed stereo signal loses in
 * mono overall (positive dB, the negated mono sum vs stereo when it is negative) must not
 * exceed maxLossDb; `measured` and `limit` are such losses. Loudness: the integrated loudness
 * of `programme` within the target's tolerance and its true peak at or below the ceiling.
 */
export function evaluateGates(
  gates: readonly AnalyzeGate[],
  analysis: MonoAnalysis | undefined,
  programme: ProgrammeLoudness,
  target: LoudnessTarget,
): GateResult[] {
  return gates.map((gate) => (gate.kind === 'loudness' ? loudnessGate(programme, target) : monoLossGate(gate.maxLossDb, analysis)));
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
