import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyze/analyzeCommand';
import type { AnalyzeOutcome } from '../../src/cli/analyze/analyzeCommand';
import type { AnalysisReport } from '../../src/cli/analyze/report/analysisReport';
import { encodeWav } from '../../src/io/wav';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const RATE = 48000;
const SECONDS = 6;
let dir: string;

/** A 1 kHz sine of peak `amplitude`, 48 samples per period (so one sample sits on each crest). */
function sine(amplitude: number, seconds = SECONDS): Float32Array {
  return Float32Array.from({ length: seconds * RATE }, (_, i) => amplitude * Math.sin((2 * Math.PI * 1000 * i) / RATE));
}

/** Reproducible white noise, uniform in [-amplitude, amplitude]. */
function noise(amplitude: number, seconds = SECONDS, seed = 1): Float32Array {
  let state = seed;
  return Float32Array.from({ length: seconds * RATE }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return amplitude * (state / 2 ** 31 - 1);
  });
}

async function wav(name: string, channels: Float32Array[], channelMask?: number): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, encodeWav({ sampleRateHz: RATE, channels, ...(channelMask === undefined ? {} : { channelMask }) }, { sampleFormat: 'float32' }));
  return file;
}

interface Captured extends AnalyzeOutcome {
  readonly stdout: string;
  readonly stderr: string;
}

async function analyze(argv: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const outcome = await analyzeCommand(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { ...outcome, stdout: out.join('\n'), stderr: err.join('\n') };
}

function reportOf(result: Captured): AnalysisReport {
  if (result.report === undefined) throw new Error(`no report: exit ${result.exitCode}, ${result.stderr}`);
  return result.report;
}

/**
 * EBU Tech 3341 case 1: a stereo 1 kHz sine at -23 dBFS peak per channel reads -23.0 LUFS
 * (K-weighting is +0.691 dB at 1 kHz, cancelled by the -0.691 constant, and the two
 * channels' mean squares A^2/2 sum to A^2); the meter must be within +-0.1 LU.
 */
const MINUS_23_DBFS = 10 ** (-23 / 20);
let sinePath: string;
let sineRun: Captured;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'analyze-test-'));
  sinePath = await wav('sine.wav', [sine(MINUS_23_DBFS), sine(MINUS_23_DBFS)]);
  sineRun = await analyze([sinePath, '--json', path.join(dir, 'sine.json'), '--html', path.join(dir, 'sine.html')]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run analyze on a stereo mix', () => {
  it('reads the EBU Tech 3341 case-1 sine as -23.0 LUFS (+-0.1 LU), LRA 0, true and sample peak -23.0 dB', () => {
    expect(sineRun.exitCode).toBe(0);
    const [mix] = reportOf(sineRun).loudness;
    expect(mix!.programme).toBe('mix');
    expect(Math.abs(mix!.integratedLufs + 23)).toBeLessThan(0.1);
    // A steady tone: every short-term value is the same, so the range is 0 (to the 0.01 LU histogram bin).
    expect(mix!.loudnessRangeLu).toBeLessThan(0.02);
    // A crest falls on a sample; the 4x true-peak interpolator is within 0.001 dB at 1 kHz (truePeak.ts).
    expect(Math.abs(mix!.samplePeakDbfs + 23)).toBeLessThan(1e-4);
    expect(Math.abs(mix!.truePeakDbtp + 23)).toBeLessThan(0.01);
    // Momentary and short-term of a steady tone equal the integrated loudness once their windows are full.
    expect(Math.abs(mix!.maxShortTermLufs - mix!.integratedLufs)).toBeLessThan(0.05);
    // Streaming target -14 LUFS: 9 LU low.
    expect(Math.abs(mix!.distance.loudnessOffsetLu + 9)).toBeLessThan(0.1);
  });

  it('samples momentary and short-term loudness every 100 ms, settling at -23 LUFS', () => {
    const timeline = reportOf(sineRun).loudness[0]!.timeline;
    expect(timeline.stepSec).toBe(0.1);
    expect(timeline.momentaryLufs.length).toBe(SECONDS * 10);
    // From 400 ms the momentary window is full of tone; from 3 s the short-term one.
    for (const value of timeline.momentaryLufs.slice(4)) expect(Math.abs(value + 23)).toBeLessThan(0.1);
    for (const value of timeline.shortTermLufs.slice(30)) expect(Math.abs(value + 23)).toBeLessThan(0.1);
  });

  it('finds identical channels: correlation +1, mono sum vs stereo +3.01 dB (-3 dB law: 10 log10 2), no findings', () => {
    const analysis = reportOf(sineRun).monoAnalysis!;
    expect(analysis.subject).toBe('mix');
    expect(Math.abs(analysis.overall.correlation - 1)).toBeLessThan(1e-3);
    expect(Math.abs(analysis.overall.monoVsStereoDb - 10 * Math.log10(2))).toBeLessThan(0.05);
    expect(analysis.findings).toEqual([]);
    expect(analysis.bands.length).toBe(31);
  });

  it('prints a readable report on stdout', () => {
    expect(sineRun.stdout).toContain(`Analysis of ${sinePath}`);
    expect(sineRun.stdout).toMatch(/mix\s+-23\.0 LUFS/);
    expect(sineRun.stdout).toContain('correlation +1.00   mono sum vs stereo +3.0 dB');
  });

  it('writes JSON that parses and holds the numbers', async () => {
    const json = JSON.parse(await readFile(path.join(dir, 'sine.json'), 'utf8'));
    expect(json.report).toBe('spatial-mix-studio/analysis');
    expect(json.input).toMatchObject({ kind: 'mix', channelCount: 2, sampleRateHz: RATE, durationSec: SECONDS });
    expect(json.loudness[0].integratedLufs).toBeCloseTo(reportOf(sineRun).loudness[0]!.integratedLufs, 12);
    expect(json.monoAnalysis.overall.correlation).toBeGreaterThan(0.999);
    expect(json.target.id).toBe('streaming');
  });

  it('writes a self-contained HTML report with an <svg> per plot', async () => {
    const html = await readFile(path.join(dir, 'sine.html'), 'utf8');
    expect(html).not.toMatch(/https?:|\ssrc\s*=|<script|<link|url\(/i);
    // Loudness over time, correlation over time, mono sum vs stereo over time and per band.
    expect(html.match(/<svg /g)?.length).toBe(4);
  });

  it('gates loudness on the target: passes EBU R 128 (-23 +-0.5 LU), fails streaming by 8 LU beyond its tolerance', async () => {
    expect((await analyze([sinePath, '--target', 'ebu-r128', '--fail-on', 'loudness'])).exitCode).toBe(0);
    const failed = await analyze([sinePath, '--fail-on', 'loudness']);
    expect(failed.exitCode).toBe(1);
    const gate = reportOf(failed).gates[0]!;
    expect(gate.passed).toBe(false);
    expect(Math.abs(gate.excess - 8)).toBeLessThan(0.1);
    expect(failed.stderr).toMatch(/loudness: FAILED \(mix, Streaming \(-14 LUFS\)\): integrated -23\.0 LUFS is 9\.0 LU below the target -14 LUFS/);
  });
});

describe('an inverted stereo pair', () => {
  it('is a polarity finding, correlation -1, and fails --fail-on mono-loss>3dB with exit 1', async () => {
    const left = noise(0.1);
    const inverted = await wav('inverted.wav', [left, left.map((x) => -x)]);
    const result = await analyze([inverted, '--fail-on', 'mono-loss>3dB']);
    expect(result.exitCode).toBe(1);
    const analysis = reportOf(result).monoAnalysis!;
    expect(Math.abs(analysis.overall.correlation + 1)).toBeLessThan(1e-3);
    // L + R = 0: everything cancels (the meters floor the level at -150 dB).
    expect(analysis.overall.monoVsStereoDb).toBeLessThan(-60);
    expect(analysis.findings[0]?.kind).toBe('polarity');
    expect(result.stderr).toMatch(/mono-loss>3dB: FAILED: the mix loses \d+\.\d dB in mono \(mono sum vs stereo -\d+\.\d dB\), \d+\.\d dB beyond the limit of 3\.0 dB lost/);
    // A threshold the mix meets passes, and independent noise (mono sum vs stereo about 0 dB) passes 3 dB.
    const independent = await wav('independent.wav', [noise(0.1, SECONDS, 1), noise(0.1, SECONDS, 7)]);
    const passed = await analyze([independent, '--fail-on', 'mono-loss>3dB']);
    expect(passed.exitCode).toBe(0);
    expect(Math.abs(reportOf(passed).monoAnalysis!.overall.monoVsStereoDb)).toBeLessThan(0.2);
  });
});

describe('a mono file', () => {
  it('reads a 1 kHz sine of -20 dBFS peak as -23.0 LUFS (mean square A^2/2: -3.01 dB), with no stereo analysis, passing the mono-loss gate', async () => {
    const result = await analyze([await wav('mono.wav', [sine(0.1)]), '--fail-on', 'mono-loss>3dB']);
    expect(result.exitCode).toBe(0);
    const report = reportOf(result);
    expect(Math.abs(report.loudness[0]!.integratedLufs - (-20 - 10 * Math.log10(2)))).toBeLessThan(0.1);
    expect(report.monoAnalysis).toBeUndefined();
    expect(report.notes[0]).toMatch(/^a mono file/);
  });
});

describe('multichannel files', () => {
  const SURROUND_5_1 = 0x60f;
  const tone = sine(0.1);
  const silent = new Float32Array(tone.length);

  async function only(channel: number, name: string, mask?: number): Promise<Captured> {
    const channels = Array.from({ length: 6 }, (_, c) => (c === channel ? tone : silent));
    return analyze([await wav(name, channels, mask)]);
  }

  it('reads a 5.1 file by its channel mask with BS.1770 weights: Ls reads 1.49 dB (10 log10 1.41) above L, within 0.05', async () => {
    const front = await only(0, 'left.wav', SURROUND_5_1);
    const surround = await only(4, 'left-surround.wav', SURROUND_5_1);
    const input = reportOf(surround).input;
    expect(input.layout).toMatchObject({ name: '0+5+0', from: 'channel mask', labels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'] });
    expect(input.foldedDown).toBe(true);
    const difference = reportOf(surround).loudness[0]!.integratedLufs - reportOf(front).loudness[0]!.integratedLufs;
    expect(Math.abs(difference - 10 * Math.log10(1.41))).toBeLessThan(0.05);
    // The LFE is left out of the loudness (its weight is 0): silence reads the -150 floor.
    const lfe = await only(3, 'lfe.wav', SURROUND_5_1);
    expect(reportOf(lfe).loudness[0]!.integratedLufs).toBe(-150);
    // The symmetric pairs L/R and Ls/Rs are reported.
    expect(reportOf(surround).channelPairs.map((p) => `${p.left}/${p.right}`)).toEqual(['M+030/M-030', 'M+110/M-110']);
  });

  it('maps 7.1 channels by speaker in mask-bit order: channel 5 is the back M+135 (weight 1), channel 7 the side M+090 (weight 1.41)', async () => {
    const SURROUND_7_1 = 0x63f;
    const channel = async (index: number): Promise<number> => {
      const channels = Array.from({ length: 8 }, (_, c) => (c === index ? tone : silent));
      return reportOf(await analyze([await wav(`seven-${index}.wav`, channels, SURROUND_7_1)])).loudness[0]!.integratedLufs;
    };
    // Were the side pair read before the back pair (the reader before this fix), the sign would flip.
    expect(Math.abs((await channel(6)) - (await channel(4)) - 10 * Math.log10(1.41))).toBeLessThan(0.05);
  });

  it('folds a 5.1 file to stereo for the mono analysis: a centre-only tone is identical in L and R (correlation +1)', async () => {
    const centre = await only(2, 'centre.wav', SURROUND_5_1);
    expect(Math.abs(reportOf(centre).monoAnalysis!.overall.correlation - 1)).toBeLessThan(1e-3);
  });

  it('takes --layout for a file without a mask, and refuses more than two channels with neither (exit 2, usage)', async () => {
    const withLayout = await analyze([await wav('no-mask.wav', [silent, silent, silent, silent, tone, silent]), '--layout', '0+5+0']);
    expect(reportOf(withLayout).input.layout).toMatchObject({ name: '0+5+0', from: 'layout option' });
    const quad = await wav('quad.wav', [tone, tone, tone, tone]);
    const refused = await analyze([quad]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`analyze: ${quad} has 4 channels and no channel mask`);
    expect(refused.stderr).toContain('--layout <name>');
    expect(refused.stderr).toContain('usage: npm run analyze');
  });
});

describe('usage errors', () => {
  it('exits 2 naming a missing file', async () => {
    const missing = path.join(dir, 'missing.wav');
    const result = await analyze([missing]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`analyze: ${missing}: cannot read the mix or scene file (ENOENT)`);
  });

  it('exits 2 from the command line for a bad option, with the usage text', async () => {
    const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
    const cli = path.join(repoRoot, 'src/cli/analyze/analyze.ts');
    try {
      await run(tsx, [cli, sinePath, '--fail-on', 'mono-loss'], { cwd: repoRoot });
      throw new Error('expected the command to fail');
    } catch (error) {
      const e = error as { code: number; stderr: string };
      expect(e.code).toBe(2);
      expect(e.stderr).toMatch(/^analyze: --fail-on: expected mono-loss>NdB \(e\.g\. mono-loss>3dB\), loudness or delivery, got "mono-loss"\n\nusage: npm run analyze/);
    }
  });
});

describe('npm run analyze on the demo scene', () => {
  let scene: Captured;
  beforeAll(async () => {
    scene = await analyze(['scenes/demo.json', '--html', path.join(dir, 'demo.html')]);
  });

  it('measures binaural, stereo and mono loudness of the render', () => {
    expect(scene.exitCode).toBe(0);
    const report = reportOf(scene);
    expect(report.loudness.map((l) => l.programme)).toEqual(['binaural', 'stereo', 'mono']);
    for (const l of report.loudness) {
      // A sensible mix: far above the gate, below full scale.
      expect(l.integratedLufs).toBeGreaterThan(-40);
      expect(l.truePeakDbtp).toBeLessThan(0);
    }
  });

  it('names the Haas-widened guitar and the inverted pad among the findings, and checks the binaural render', () => {
    const analysis = reportOf(scene).monoAnalysis!;
    const culprits = analysis.findings.map((f) => f.sourceId);
    expect(culprits).toContain('guitar');
    expect(culprits).toContain('pad');
    expect(analysis.binaural).toBeDefined();
    expect(scene.stdout).toContain('Heavy guitar (Haas-widened)');
    expect(scene.stdout).toContain('Wide pad (side partly inverted)');
    // Each finding is headed by what the source loses of itself in mono, the guitar's comb notch first.
    const guitar = analysis.findings[0]!;
    expect(guitar.sourceId).toBe('guitar');
    const lossDb = (-guitar.headline!.monoVsStereoDb).toFixed(1);
    expect(scene.stdout).toContain(`1. Heavy guitar (Haas-widened): Haas delay, loses ${lossDb} dB at ${guitar.headline!.band!.nominalHz} Hz in mono`);
  });

  it('writes an HTML report with the loudness of three programmes and the stereo-field plots', async () => {
    const html = await readFile(path.join(dir, 'demo.html'), 'utf8');
    expect(html).not.toMatch(/https?:|\ssrc\s*=|<script|<link|url\(/i);
    // 3 loudness plots, correlation, mono sum vs stereo over time and per band, binaural per band.
    expect(html.match(/<svg /g)?.length).toBe(7);
  });
});

describe('analyze never writes over the user\'s files', () => {
  it('refuses --json naming the mix itself (exit 2) and leaves the WAV as it was', async () => {
    const mix = await wav('own-mix.wav', [sine(0.1, 1), sine(0.1, 1)]);
    const before = await readFile(mix);
    const result = await analyze([mix, '--json', mix]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`analyze: ${mix}: refusing to write over the mix file; choose another output path`);
    expect(await readFile(mix)).toEqual(before);
  });

  it('refuses --html naming the scene file, or one of its stems, before measuring anything', async () => {
    const scenePath = path.join(dir, 'own-scene.json');
    const scene = JSON.parse(await readFile(path.join(repoRoot, 'scenes/demo.json'), 'utf8'));
    const stem = await wav('own-stem.wav', [sine(0.1, 1)]);
    scene.objects[0].stem = { file: 'own-stem.wav' };
    const text = JSON.stringify(scene);
    await writeFile(scenePath, text);
    const onScene = await analyze([scenePath, '--html', scenePath]);
    expect(onScene.exitCode).toBe(2);
    expect(onScene.stderr).toContain(`${scenePath}: refusing to write over the scene file`);
    expect(await readFile(scenePath, 'utf8')).toBe(text);
    const onStem = await analyze([scenePath, '--json', stem]);
    expect(onStem.exitCode).toBe(2);
    expect(onStem.stderr).toContain(`${stem}: refusing to write over the stem of source "${scene.objects[0].name}"`);
    expect(onStem.report).toBeUndefined();
  });

  it('refuses to overwrite an existing report without --force, and the same file for --json and --html', async () => {
    const mix = await wav('report-mix.wav', [sine(0.1, 1), sine(0.1, 1)]);
    const report = path.join(dir, 'report-mix.json');
    await writeFile(report, 'kept');
    const refused = await analyze([mix, '--json', report]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`${report} exists already; add --force to overwrite`);
    expect(await readFile(report, 'utf8')).toBe('kept');
    const both = await analyze([mix, '--json', path.join(dir, 'both.out'), '--html', path.join(dir, '.', 'both.out')]);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('are the same file');
    const forced = await analyze([mix, '--json', report, '--force']);
    expect(forced.exitCode).toBe(0);
    expect((JSON.parse(await readFile(report, 'utf8')) as AnalysisReport).report).toBe(forced.report!.report);
  });
});
