import { stripName } from '../../../core/monoAnalysis/phrasing/findingHeadline';
import { correlation, frequency } from '../../../core/formatUnits';
import type { MonoAnalysis } from '../../../core/monoAnalysis/monoAnalysisTypes';
import { bandLossPhrase, findingFacts, whenPhrase } from '../../../core/monoAnalysis/phrasing/findingFacts';
import { findingHeading } from '../../../core/monoAnalysis/phrasing/findingHeadline';
import { findingSentence } from '../../../core/monoAnalysis/phrasing/findingSentence';
import { fixPhrase } from '../../../core/monoAnalysis/phrasing/fixPhrases';
import type { AnalysisReport, DeliveryReport, ProgrammeLoudness } from './analysisReport';
import { level, signedDb, textTable } from './reportFormat';
import { sceneContents, sourceRow, verdict } from './reportPhrases';
import { largestLossPhrase, worstBandsPhrase } from '../../../core/monoAnalysis/phrasing/summaryPhrases';

/** The readable report `npm run analyze` prints on standard output. */
export function renderTextReport(report: AnalysisReport): string {
  const lines: string[] = [...headerLines(report), '', ...loudnessLines(report)];
  if (report.delivery !== undefined) lines.push('', ...deliveryLines(report.delivery));
  const analysis = report.monoAnalysis;
  if (analysis !== undefined) lines.push('', ...stereoFieldLines(analysis, report));
  if (report.channelPairs.length > 0) {
    lines.push('', 'Correlation of the symmetric loudspeaker pairs (whole file)');
    lines.push(...textTable(['pair', 'correlation'], report.channelPairs.map((p) => [`${p.left} / ${p.right}`, correlation(p.correlation)])));
  }
  if (analysis?.binaural !== undefined) lines.push('', ...binauralLines(analysis));
  if (analysis !== undefined && analysis.sources.length > 0) lines.push('', ...sourceLines(analysis));
  if (analysis !== undefined) lines.push('', ...findingLines(analysis));
  if (report.gates.length > 0) {
    lines.push('', 'Gates');
    for (const gate of report.gates) lines.push(`  ${gate.passed ? 'PASS' : 'FAIL'}  ${gate.message}`);
  }
  return lines.join('\n');
}

function headerLines(report: AnalysisReport): string[] {
  const input = report.input;
  const what =
    input.kind === 'scene'
      ? `scene of ${sceneContents(input)}, rendered ${report.loudness.map((l) => l.programme).join(', ')}`
      : input.kind === 'adm'
        ? `ADM BWF master, ${input.channelCount ?? 0} channels, rendered ${report.loudness.map((l) => l.programme).join(', ')}`
        : `mix file, ${input.channelCount ?? 0} channel${input.channelCount === 1 ? '' : 's'}${input.layout === undefined ? '' : `, ${input.layout.description} (from the ${input.layout.from})`}`;
  const lines = [`Analysis of ${input.file}`, `  ${what}, ${input.sampleRateHz} Hz, ${input.durationSec.toFixed(2)} s`];
  for (const warning of input.warnings) lines.push(`  warning: ${warning}`);
  for (const note of report.notes) lines.push(`  note: ${note}`);
  return lines;
}

function loudnessLines(report: AnalysisReport): string[] {
  const t = report.target;
  const monoChecks = report.loudness.some((l) => l.monoCheck !== undefined);
  const rows = report.loudness.map((l) => [
    l.programme,
    `${level(l.integratedLufs)} LUFS`,
    `${l.loudnessRangeLu.toFixed(1)} LU`,
    level(l.maxMomentaryLufs),
    level(l.maxShortTermLufs),
    `${level(l.truePeakDbtp)} dBTP`,
    `${level(l.samplePeakDbfs)} dBFS`,
    `${signedDb(l.distance.loudnessOffsetLu)} LU`,
    ...(monoChecks ? [monoCheckCell(l)] : []),
    verdict(l, report),
  ]);
  const header = ['programme', 'integrated', 'range', 'max M', 'max S', 'true peak', 'sample peak', 'off target', ...(monoChecks ? ['mono vs stereo'] : []), 'verdict'];
  return [
    `Loudness (ITU-R BS.1770-4, EBU R 128; channels weighted by position, LFE excluded) against ${t.name}: ${t.integratedLufs} LUFS +-${t.toleranceLu} LU, true peak <= ${t.maxTruePeakDbtp} dBTP`,
    ...textTable(header, rows),
    ...(monoChecks ? ['  mono vs stereo: the mono fold-down against the stereo level (+3 dB centred, negative = lost); of more than two loudspeakers, of their BS.2127 stereo fold-down'] : []),
  ];
}

function monoCheckCell(l: ProgrammeLoudness): string {
  const check = l.monoCheck;
  if (check === undefined) return '';
  return `${signedDb(check.monoVsStereoDb)} dB${check.of === 'fold-down' ? ' (fold-down)' : ''}`;
}

function deliveryLines(delivery: DeliveryReport): string[] {
  const count = (verdict: string): number => delivery.rules.filter((rule) => rule.verdict === verdict).length;
  const width = Math.max(...delivery.rules.map((rule) => rule.id.length));
  return [
    `Delivery check (${delivery.specification}): ${count('pass')} passed, ${count('fail')} failed, ${count('flag')} flagged for approval`,
    ...delivery.rules.map((rule) => `  ${rule.verdict.toUpperCase().padEnd(4)}  ${rule.id.padEnd(width)}  ${rule.found}  (required: ${rule.requirement}; ${rule.source})`),
  ];
}

function stereoFieldLines(analysis: MonoAnalysis, report: AnalysisReport): string[] {
  const o = analysis.overall;
  const subject =
    analysis.subject === 'scene'
      ? `the scene's ${analysis.format} render`
      : report.input.foldedDown
        ? 'the stereo fold-down of the mix'
        : 'the mix';
  const lines = [
    `Stereo field of ${subject} (mono law ${analysis.monoLaw}; mono sum vs stereo: 0 dB uncorrelated, +3 dB centred, negative = lost)`,
    `  correlation ${correlation(o.correlation)}   mono sum vs stereo ${signedDb(o.monoVsStereoDb)} dB   mid ${level(o.midDb)} dBFS   side ${level(o.sideDb)} dBFS`,
    `  largest loss: ${largestLossPhrase(analysis.findings)}`,
    `  worst bands: ${worstBandsPhrase(analysis.findings)}`,
    '  per one-third-octave band:',
  ];
  const rows = analysis.bands.map((band, b) => {
    const monoVsStereoDb = o.bandMonoVsStereoDb[b] ?? 0;
    return [frequency(band.nominalHz), `${signedDb(monoVsStereoDb)} dB`, correlation(o.bandCorrelation[b] ?? 0), lossBar(monoVsStereoDb)];
  });
  lines.push(...textTable(['band', 'mono vs stereo', 'correlation', ''], rows, '    '));
  return lines;
}

/** One "#" per dB lost (mono sum vs stereo below 0), up to 30. */
function lossBar(monoVsStereoDb: number): string {
  return monoVsStereoDb < -0.5 ? '#'.repeat(Math.min(30, Math.round(-monoVsStereoDb))) : '';
}

function binauralLines(analysis: MonoAnalysis): string[] {
  const b = analysis.binaural!;
  const lines = [
    'Binaural render summed to mono (or played on loudspeakers)',
    `  mono sum vs stereo ${signedDb(b.monoVsStereoDb)} dB   correlation ${correlation(b.correlation)}`,
  ];
  if (b.sources.length > 0) lines.push(...textTable(['source', 'mono vs stereo'], b.sources.map((s) => [stripName(s.sourceName, s.sourceKind), `${signedDb(s.monoVsStereoDb)} dB`])));
  return lines;
}

function sourceLines(analysis: MonoAnalysis): string[] {
  return [
    `Sources in the ${analysis.format} render (mono sum vs stereo of each; what the mix's mono sum vs stereo gains when the source is removed or collapsed to mono)`,
    ...textTable(
      ['source', 'level', 'mono vs stereo', 'correlation', 'if removed', 'if collapsed'],
      analysis.sources.map(sourceRow),
    ),
  ];
}

function findingLines(analysis: MonoAnalysis): string[] {
  const findings = analysis.findings;
  if (findings.length === 0) return ['Findings: none, nothing loses level in mono beyond the reporting threshold'];
  const lines = ['Findings (most severe first)'];
  findings.forEach((f, i) => {
    lines.push(`  ${i + 1}. ${findingHeading(f)}`);
    lines.push(`     ${findingSentence(f, analysis.format)}`);
    lines.push(`     when: ${whenPhrase(f)}`);
    if (f.bands.length > 0) lines.push(`     worst bands: ${f.bands.map(bandLossPhrase).join(', ')}`);
    const facts = findingFacts(f);
    if (facts.length > 0) lines.push(`     ${facts.join('; ')}`);
    for (const fix of f.fixes) lines.push(`     fix: ${fixPhrase(fix, f)}`);
  });
  return lines;
}
