import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getLoudnessTarget } from '../../core/loudnessTargets';
import type { LoudnessTarget } from '../../core/loudnessTargets';
import { ANALYZE_USAGE, parseAnalyzeArgs } from './analyzeArgs';
import { UsageError } from '../commandLine';
import { loadSceneFile, stemFilePaths } from '../loadScene';
import { makeFolder } from '../makeFolder';
import { checkOutputFiles } from '../outputGuard';
import type { CommandInputFile } from '../outputGuard';
import type { AnalyzeArgs } from './analyzeArgs';
import { evaluateGates } from './analyzeGates';
import { analyzeDelivery } from './analyzeDelivery';
import { analyzeMixFile } from './analyzeMixFile';
import { analyzeSceneFile } from './analyzeSceneFile';
import { REPORT_FORMAT, REPORT_VERSION } from './report/analysisReport';
import type { AnalysisReport } from './report/analysisReport';
import { renderHtmlReport } from './report/htmlReport';
import { renderJsonReport } from './report/jsonReport';
import { renderTextReport } from './report/textReport';
import { printableLines } from '../terminalText';

/** Where the command writes: the report to `stdout`, errors, gate failures and files written to `stderr`. */
export interface AnalyzeStreams {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface AnalyzeOutcome {
  /** 0: measured, every gate passed; 1: a gate failed or an input file is bad; 2: usage error. */
  readonly exitCode: 0 | 1 | 2;
  readonly report?: AnalysisReport;
}

/** `npm run analyze` without the process: parses `argv`, measures, writes the reports, and says how to exit. */
export async function analyzeCommand(argv: readonly string[], rawStreams: AnalyzeStreams): Promise<AnalyzeOutcome> {
  // Everything printed is terminal-safe: file names, source names and messages come from the user's files.
  const streams: AnalyzeStreams = {
    stdout: (text) => rawStreams.stdout(printableLines(text)),
    stderr: (text) => rawStreams.stderr(printableLines(text)),
  };
  try {
    const args = parseAnalyzeArgs(argv);
    if (args === 'help') {
      streams.stdout(ANALYZE_USAGE);
      return { exitCode: 0 };
    }
    const report = await runAnalyze(args, streams);
    streams.stdout(renderTextReport(report));
    const failed = report.gates.filter((gate) => !gate.passed);
    for (const gate of failed) streams.stderr(`analyze: ${gate.message}`);
    return { exitCode: failed.length > 0 ? 1 : 0, report };
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr(`analyze: ${error.message}\n\n${ANALYZE_USAGE}`);
      return { exitCode: 2 };
    }
    streams.stderr(`analyze: ${(error as Error).message}`);
    return { exitCode: 1 };
  }
}

/**
 * Measures the mix or scene of `args`, evaluates the gates and writes the JSON and HTML
 * reports asked for. Throws a UsageError for files named on the command line that do not
 * exist, other Errors for bad input files.
 */
async function runAnalyze(args: AnalyzeArgs, streams: AnalyzeStreams): Promise<AnalysisReport> {
  await mustExist(args.inputPath, 'the mix or scene file');
  if (args.hrtfPath !== undefined) await mustExist(args.hrtfPath, '--hrtf: the HRTF file');
  const target = getLoudnessTarget(args.target);
  const isScene = /\.json$/i.test(args.inputPath);
  await checkReportFiles(args, isScene);
  const report = args.delivery !== undefined ? await deliveryReport(args, target) : await analysisReport(args, target, isScene);
  if (args.jsonPath !== undefined) await writeReport(args.jsonPath, renderJsonReport(report), streams);
  if (args.htmlPath !== undefined) await writeReport(args.htmlPath, renderHtmlReport(report), streams);
  return report;
}

async function analysisReport(args: AnalyzeArgs, target: LoudnessTarget, isScene: boolean): Promise<AnalysisReport> {
  const measured = isScene ? await analyzeSceneFile(args, target) : await analyzeMixFile(args, target);
  // The loudness gate checks the mix itself, or the scene's outputs named by --format.
  const gatedIds = isScene ? args.formats : ['mix'];
  const programmes = gatedIds.map((id) => {
    const found = measured.loudness.find((l) => l.programme === id);
    if (found === undefined) throw new Error(`internal: no loudness measured for ${id}`);
    return found;
  });
  return {
    report: REPORT_FORMAT,
    version: REPORT_VERSION,
    input: measured.input,
    target,
    loudness: measured.loudness,
    channelPairs: 'channelPairs' in measured ? measured.channelPairs : [],
    ...(measured.monoAnalysis === undefined ? {} : { monoAnalysis: measured.monoAnalysis }),
    notes: measured.notes,
    gates: evaluateGates(args.gates, { analysis: measured.monoAnalysis, programmes }, target),
  };
}

/** --delivery: the delivery check's report; the loudness gate checks its full render (7.1.4). */
async function deliveryReport(args: AnalyzeArgs, target: LoudnessTarget): Promise<AnalysisReport> {
  const measured = await analyzeDelivery(args, target);
  return {
    report: REPORT_FORMAT,
    version: REPORT_VERSION,
    input: measured.input,
    target,
    loudness: measured.loudness,
    channelPairs: [],
    delivery: measured.delivery,
    notes: measured.notes,
    gates: evaluateGates(args.gates, { analysis: undefined, programmes: measured.loudness.slice(0, 1), delivery: measured.delivery }, target),
  };
}

/**
 * Refuses, before measuring, report paths that are an input (the mix, the scene, its
 * stems, the HRTF file) or exist already without --force, and makes their folders.
 */
async function checkReportFiles(args: AnalyzeArgs, isScene: boolean): Promise<void> {
  const reports = [args.jsonPath, args.htmlPath].filter((file): file is string => file !== undefined);
  if (reports.length === 0) return;
  const inputs: CommandInputFile[] = [{ file: args.inputPath, what: isScene ? 'the scene file' : 'the mix file' }];
  if (args.hrtfPath !== undefined) inputs.push({ file: args.hrtfPath, what: 'the HRTF file' });
  if (isScene) {
    const { scene, objectsKey } = await loadSceneFile(args.inputPath);
    inputs.push(...stemFilePaths(scene, args.inputPath, objectsKey));
  }
  await checkOutputFiles(reports, inputs, args.force === true);
  for (const report of reports) await makeFolder(path.dirname(report));
}

async function mustExist(file: string, what: string): Promise<void> {
  try {
    await access(file);
  } catch (error) {
    throw new UsageError(`${file}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

async function writeReport(file: string, text: string, streams: AnalyzeStreams): Promise<void> {
  await writeFile(file, text, 'utf8');
  streams.stderr(`wrote ${file}`);
}
