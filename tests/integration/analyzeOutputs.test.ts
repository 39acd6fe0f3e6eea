import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyze/analyzeCommand';
import type { AnalysisReport } from '../../src/cli/analyze/report/analysisReport';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import type { RenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { LOUDNESS_FLOOR } from '../../src/dsp/loudness/loudnessMeter';
import { measureLoudness } from '../../src/dsp/loudness/measureLoudness';
import { decodeWav } from '../../src/io/wav';
import { writeBedScene } from '../support/bedSceneFiles';

/**
 * `npm run analyze -- scene.json --format <outputs>` renders each output with the scene's
 * beds: its loudness is that of the file `npm run render` writes for the output, measured
 * here from the file with BS.1770's weights written out by hand for the file's channel
 * order (7.1.4 in WAVE order: L R C LFE, back M+/-135, side M+/-090 at 1.41, four tops;
 * LFE 0), within 0.05 LU (both 32-bit float renders of one renderer: measured 0.000).
 */
const WEIGHTS_714_FILE_ORDER = [1, 1, 1, 0, 1, 1, 1.41, 1.41, 1, 1, 1, 1];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'analyze-outputs-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function analyze(argv: string[]): Promise<AnalysisReport> {
  const err: string[] = [];
  const outcome = await analyzeCommand(argv, { stdout: () => {}, stderr: (t) => err.push(t) });
  if (outcome.report === undefined) throw new Error(`no report: exit ${outcome.exitCode}, ${err.join('\n')}`);
  return outcome.report;
}

function renderArgs(argv: string[]): RenderArgs {
  const parsed = parseRenderArgs(argv);
  if (parsed === 'help') throw new Error('help');
  return parsed;
}

async function renderedFile(scene: string, format: string, out: string): Promise<Float32Array[]> {
  const [written] = await runRender(renderArgs([scene, '--format', format, '--bits', '32f', '--out', out]), () => {});
  return [...decodeWav(new Uint8Array(await readFile(written!.file)), written!.file).channels];
}

function programme(report: AnalysisReport, id: string) {
  const found = report.loudness.find((l) => l.programme === id);
  if (found === undefined) throw new Error(`no ${id} in ${report.loudness.map((l) => l.programme).join(', ')}`);
  return found;
}

describe('analyze a scene as any output, beds included', () => {
  it('reads the 7.1.4 and stereo renders of a scene with a 7.1.2 bed and two objects as their rendered files measure (0.05 LU), with a mono check of each', async () => {
    const scene = await writeBedScene(dir, 'mixed', { seconds: 3, lfeAmplitude: 0.1 });
    const report = await analyze([scene, '--format', '7.1.4,stereo,7.1.4-to-5.1']);
    const file714 = await renderedFile(scene, '7.1.4', path.join(dir, 'r714'));
    const fileStereo = await renderedFile(scene, 'stereo', path.join(dir, 'rstereo'));
    const expected714 = measureLoudness(file714, 48000, WEIGHTS_714_FILE_ORDER).integratedLufs;
    const expectedStereo = measureLoudness(fileStereo, 48000, [1, 1]).integratedLufs;
    expect(Math.abs(programme(report, '7.1.4').integratedLufs - expected714)).toBeLessThan(0.05);
    expect(Math.abs(programme(report, 'stereo').integratedLufs - expectedStereo)).toBeLessThan(0.05);
    expect(programme(report, '7.1.4').monoCheck?.of).toBe('fold-down');
    expect(programme(report, '7.1.4-to-5.1').monoCheck?.of).toBe('fold-down');
    expect(report.loudness.map((l) => l.programme)).toEqual(['binaural', 'stereo', 'mono', '7.1.4', '7.1.4-to-5.1']);
    // The culprit analysis runs on the objects and the bed.
    expect(report.monoAnalysis?.format).toBe('stereo');
    expect(report.monoAnalysis?.sources.map((s) => s.sourceId)).toEqual(['a', 'b', 'bed']);
  });

  it('leaves the LFE out: a scene whose only signal is its bed\'s LFE reads the meter\'s floor in 7.1.4, 5.1 and stereo', async () => {
    const scene = await writeBedScene(dir, 'lfe-only', { seconds: 2, lfeAmplitude: 0.5, withObjects: false });
    const report = await analyze([scene, '--format', '7.1.4,7.1.4-to-5.1']);
    for (const id of ['7.1.4', '7.1.4-to-5.1', 'stereo']) expect(programme(report, id).integratedLufs).toBe(LOUDNESS_FLOOR);
    // The LFE is there: its true peak is the tone's (0.5, -6.0 dBTP) in the outputs that keep it.
    expect(Math.abs(programme(report, '7.1.4').truePeakDbtp - 20 * Math.log10(0.5))).toBeLessThan(0.1);
  });
});
