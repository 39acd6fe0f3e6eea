import { stripName } from '../../../core/monoAnalysis/phrasing/findingHeadline';
import { correlation, frequency } from '../../../core/formatUnits';
import type { MonoAnalysis } from '../../../core/monoAnalysis/monoAnalysisTypes';
import { bandLossPhrase, findingFacts, whenPhrase } from '../../../core/monoAnalysis/phrasing/findingFacts';
import { findingHeading } from '../../../core/monoAnalysis/phrasing/findingHeadline';
import { findingSentence } from '../../../core/monoAnalysis/phrasing/findingSentence';
import { fixPhrase } from '../../../core/monoAnalysis/phrasing/fixPhrases';
import { largestLossPhrase, monoVsStereoPhrase, worstBandsPhrase } from '../../../core/monoAnalysis/phrasing/summaryPhrases';
import type { AnalysisReport, DeliveryReport, ProgrammeLoudness } from './analysisReport';
import { escapeHtml } from './escapeHtml';
import { level, signedDb } from './reportFormat';
import { barPlot, linePlot } from './svgPlots';
import { sceneContents, sourceRow, verdict } from './reportPhrases';

/**
 * The HTML report: one self-contained page (inline CSS and inline SVG; no scripts, fonts,
 * images or links to anything outside it) with the tables of the text report and plots of
 * correlation, mono sum vs stereo and loudness over time and mono sum vs stereo per band. Every string from
 * the input (file names, source names, messages) is escaped.
 */
export function renderHtmlReport(report: AnalysisReport): string {
  const analysis = report.monoAnalysis;
  const sections = [
    summarySection(report),
    loudnessSection(report),
    ...(report.delivery === undefined ? [] : [deliverySection(report.delivery)]),
    ...(analysis === undefined ? [] : [stereoFieldSection(analysis, report)]),
    ...(report.channelPairs.length === 0 ? [] : [pairsSection(report)]),
    ...(analysis?.binaural === undefined ? [] : [binauralSection(analysis)]),
    ...(analysis === undefined || analysis.sources.length === 0 ? [] : [sourcesSection(analysis)]),
    ...(analysis === undefined ? [] : [findingsSection(analysis)]),
    ...(report.gates.length === 0 ? [] : [gatesSection(report)]),
  ];
  const title = `Analysis of ${report.input.file}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${sections.join('\n')}
</body>
</html>
`;
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 960px; padding: 0 1em; color: #1d2330; background: #fbfbfd; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #d5d9e2; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { padding: 0.2em 0.7em; text-align: left; border-bottom: 1px solid #e6e9ef; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pass { color: #1b7f3a; font-weight: 600; } .fail { color: #b3261e; font-weight: 600; } .flag { color: #a8650c; font-weight: 600; }
.note { color: #5a6275; }
.finding { margin: 0.8em 0; padding: 0.5em 0.8em; border-left: 4px solid #d08a1e; background: #fff; }
.finding h3 { margin: 0; font-size: 1em; }
.plot { width: 100%; height: auto; background: #fff; margin: 0.5em 0; }
.plot-title { font-size: 13px; font-weight: 600; fill: #1d2330; }
.axis-label, .tick, .legend, .reference-label { font-size: 11px; fill: #5a6275; }
.grid { stroke: #e6e9ef; } .plot-frame { fill: none; stroke: #9aa3b5; }
.reference { stroke: #7a869c; stroke-dasharray: 4 3; }
`;

const COLOURS = { momentary: '#9aa8c7', shortTerm: '#1f4fb3', line: '#1f4fb3', good: '#3c9d5d', warn: '#d08a1e', bad: '#c0392b' };
const LOSS_RANGE: readonly [number, number] = [-24, 6];

/** A table; cells that start with a number (or -inf) are right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const cell = (text: string): string => `<td${/^[+-]?(\d|inf)/.test(text) ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;
  const body = rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function summarySection(report: AnalysisReport): string {
  const input = report.input;
  const rows: [string, string][] = [
    ['input', input.kind === 'scene' ? `scene, ${sceneContents(input)}` : input.kind === 'adm' ? `ADM BWF master, ${input.channelCount ?? 0} channels` : `mix file, ${input.channelCount ?? 0} channels`],
    ...(input.layout === undefined ? [] : [['layout', `${input.layout.description} (from the ${input.layout.from}): ${input.layout.labels.join(' ')}`] as [string, string]]),
    ['sample rate', `${input.sampleRateHz} Hz`],
    ['duration', `${input.durationSec.toFixed(2)} s`],
    ['loudness target', `${report.target.name}: ${report.target.integratedLufs} LUFS +-${report.target.toleranceLu} LU, true peak <= ${report.target.maxTruePeakDbtp} dBTP`],
  ];
  const notes = [...input.warnings.map((w) => `warning: ${w}`), ...report.notes].map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n');
  return `<section><h2>Summary</h2>\n${table(['', ''], rows)}\n${notes}</section>`;
}

function loudnessSection(report: AnalysisReport): string {
  const monoChecks = report.loudness.some((l) => l.monoCheck !== undefined);
  const rows = report.loudness.map((l) => [
    l.programme,
    `${level(l.integratedLufs)} LUFS`,
    `${l.loudnessRangeLu.toFixed(1)} LU`,
    `${level(l.maxMomentaryLufs)} LUFS`,
    `${level(l.maxShortTermLufs)} LUFS`,
    `${level(l.truePeakDbtp)} dBTP`,
    `${level(l.samplePeakDbfs)} dBFS`,
    `${signedDb(l.distance.loudnessOffsetLu)} LU`,
    ...(monoChecks ? [l.monoCheck === undefined ? '' : `${signedDb(l.monoCheck.monoVsStereoDb)} dB${l.monoCheck.of === 'fold-down' ? ' (fold-down)' : ''}`] : []),
    verdict(l, report),
  ]);
  const plots = report.loudness.map((l) => loudnessPlot(l, report.target.integratedLufs)).join('\n');
  const header = ['programme', 'integrated', 'range', 'max momentary', 'max short-term', 'true peak', 'sample peak', 'off target', ...(monoChecks ? ['mono vs stereo'] : []), 'verdict'];
  return `<section><h2>Loudness (ITU-R BS.1770-4, EBU R 128; LFE excluded)</h2>
${table(header, rows)}
${plots}</section>`;
}

function deliverySection(delivery: DeliveryReport): string {
  const rows = delivery.rules.map((rule) => `<tr><td class="${rule.verdict}">${rule.verdict.toUpperCase()}</td><td>${escapeHtml(rule.id)}</td><td>${escapeHtml(rule.found)}</td><td>${escapeHtml(rule.requirement)}</td><td>${rule.source}</td></tr>`);
  return `<section><h2>Delivery check (${escapeHtml(delivery.specification)})</h2>
<table><thead><tr><th>verdict</th><th>rule</th><th>found</th><th>required</th><th>source</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

function loudnessPlot(l: ProgrammeLoudness, targetLufs: number): string {
  const t = l.timeline;
  const xs = t.momentaryLufs.map((_, i) => (i + 1) * t.stepSec);
  return linePlot({
    title: `Loudness over time: ${l.programme}`,
    xLabel: 'time (s)',
    yLabel: 'LUFS',
    xRange: [0, Math.max(t.stepSec, xs.length * t.stepSec)],
    yRange: [-60, 0],
    series: [
      { name: 'momentary (400 ms)', xs, ys: t.momentaryLufs, colour: COLOURS.momentary },
      { name: 'short-term (3 s)', xs, ys: t.shortTermLufs, colour: COLOURS.shortTerm },
    ],
    references: [{ y: targetLufs, label: `target ${targetLufs} LUFS` }],
  });
}

/** Colour of a mono sum vs stereo bar: green down to 1 dB lost, amber to 3 dB, red beyond. */
function monoVsStereoColour(monoVsStereoDb: number): string {
  return monoVsStereoDb >= -1 ? COLOURS.good : monoVsStereoDb >= -3 ? COLOURS.warn : COLOURS.bad;
}

function stereoFieldSection(analysis: MonoAnalysis, report: AnalysisReport): string {
  const o = analysis.overall;
  const tl = analysis.timeline;
  const xs = tl.startSec.map((s) => s + tl.windowSec / 2);
  const xRange: [number, number] = [0, Math.max(analysis.durationSec, tl.windowSec)];
  const subject = analysis.subject === 'scene' ? `the ${analysis.format} render` : report.input.foldedDown ? 'the stereo fold-down' : 'the mix';
  const bandLabels = analysis.bands.map((b) => frequency(b.nominalHz));
  const summary = table(
    ['', ''],
    [
      ['correlation', correlation(o.correlation)],
      ['mono sum vs stereo', `${monoVsStereoPhrase(o.monoVsStereoDb)}; law ${analysis.monoLaw}: 0 dB uncorrelated, +3 dB centred, negative = lost`],
      ['largest loss', largestLossPhrase(analysis.findings)],
      ['worst bands', worstBandsPhrase(analysis.findings)],
      ['mid', `${level(o.midDb)} dBFS`],
      ['side', `${level(o.sideDb)} dBFS`],
    ],
  );
  const plots = [
    linePlot({ title: `Correlation over time (${subject})`, xLabel: 'time (s)', yLabel: 'correlation', xRange, yRange: [-1, 1], series: [{ name: 'correlation', xs, ys: tl.correlation, colour: COLOURS.line }], references: [{ y: 0, label: 'uncorrelated' }] }),
    linePlot({ title: `Mono sum vs stereo over time (${subject})`, xLabel: 'time (s)', yLabel: 'dB', xRange, yRange: LOSS_RANGE, series: [{ name: 'mono sum vs stereo', xs, ys: tl.monoVsStereoDb, colour: COLOURS.line }], references: [{ y: 0, label: '0 dB' }, { y: -3, label: '-3 dB' }] }),
    barPlot({ title: `Mono sum vs stereo per one-third-octave band (${subject})`, yLabel: 'dB', labels: bandLabels, values: o.bandMonoVsStereoDb, yRange: LOSS_RANGE, labelEvery: 3, colourOf: monoVsStereoColour, references: [{ y: -3, label: '-3 dB' }] }),
  ];
  const bands = table(
    ['band', 'mono sum vs stereo', 'correlation'],
    analysis.bands.map((b, i) => [frequency(b.nominalHz), `${signedDb(o.bandMonoVsStereoDb[i] ?? 0)} dB`, correlation(o.bandCorrelation[i] ?? 0)]),
  );
  return `<section><h2>Stereo field and mono compatibility of ${escapeHtml(subject)}</h2>
${summary}
${plots.join('\n')}
<details><summary>Per band</summary>${bands}</details></section>`;
}

function pairsSection(report: AnalysisReport): string {
  return `<section><h2>Symmetric loudspeaker pairs</h2>
${table(['pair', 'correlation'], report.channelPairs.map((p) => [`${p.left} / ${p.right}`, correlation(p.correlation)]))}</section>`;
}

function binauralSection(analysis: MonoAnalysis): string {
  const b = analysis.binaural!;
  const sources = b.sources.length === 0 ? '' : table(['source', 'mono sum vs stereo'], b.sources.map((s) => [stripName(s.sourceName, s.sourceKind), `${signedDb(s.monoVsStereoDb)} dB`]));
  const plot = barPlot({
    title: 'Binaural render: mono sum vs stereo per band',
    yLabel: 'dB',
    labels: analysis.bands.map((band) => frequency(band.nominalHz)),
    values: b.bandMonoVsStereoDb,
    yRange: LOSS_RANGE,
    labelEvery: 3,
    colourOf: monoVsStereoColour,
  });
  return `<section><h2>Binaural render summed to mono</h2>
<p>Mono sum vs stereo ${escapeHtml(monoVsStereoPhrase(b.monoVsStereoDb))}, correlation ${escapeHtml(correlation(b.correlation))}.</p>
${plot}
${sources}</section>`;
}

function sourcesSection(analysis: MonoAnalysis): string {
  const rows = analysis.sources.map(sourceRow);
  return `<section><h2>Sources (${escapeHtml(analysis.format)} render)</h2>
${table(['source', 'level', 'mono sum vs stereo', 'correlation', 'mix gains if removed', 'mix gains if collapsed'], rows)}</section>`;
}

function findingsSection(analysis: MonoAnalysis): string {
  const findings = analysis.findings;
  if (findings.length === 0) return '<section><h2>Findings</h2><p>None: nothing loses level in mono beyond the reporting threshold.</p></section>';
  const items = findings.map((f, i) => {
    const facts = findingFacts(f);
    const lines = [
      `<h3>${i + 1}. ${escapeHtml(findingHeading(f))}</h3>`,
      `<p>${escapeHtml(findingSentence(f, analysis.format))}</p>`,
      `<p class="note">When: ${escapeHtml(whenPhrase(f))}${f.bands.length > 0 ? `. Worst bands: ${escapeHtml(f.bands.map(bandLossPhrase).join(', '))}` : ''}.</p>`,
      ...(facts.length === 0 ? [] : [`<p class="note">${escapeHtml(facts.join('; '))}</p>`]),
      ...(f.fixes.length === 0
        ? []
        : [`<ul>${f.fixes.map((fix) => `<li>${escapeHtml(fixPhrase(fix, f))}</li>`).join('')}</ul>`]),
    ];
    return `<div class="finding">${lines.join('\n')}</div>`;
  });
  return `<section><h2>Findings, most severe first</h2>\n${items.join('\n')}</section>`;
}

function gatesSection(report: AnalysisReport): string {
  const rows = report.gates.map((g) => `<tr><td class="${g.passed ? 'pass' : 'fail'}">${g.passed ? 'PASS' : 'FAIL'}</td><td>${escapeHtml(g.message)}</td></tr>`);
  return `<section><h2>Gates</h2><table><tbody>\n${rows.join('\n')}\n</tbody></table></section>`;
}
