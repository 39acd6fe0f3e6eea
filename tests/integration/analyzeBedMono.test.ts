import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyze/analyzeCommand';
import type { AnalysisReport } from '../../src/cli/analyze/report/analysisReport';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { getLayout } from '../../src/core/layouts';
import { decodeWav, encodeWav } from '../../src/io/wav';
import { analyzeStereoMix } from '../../src/render/analysis/mixMonoAnalysis';
import { gaussianNoise } from '../support/prng';

/**
 * `npm run analyze` of a scene with a 7.1.2 bed analyses the bed as it does the objects:
 * its stereo and mono figures are those of the whole render, bed included. Held to the
 * file `npm run render` writes, measured independently: analysed as a finished stereo mix
 * (within 0.01 dB and 0.001 in correlation; the same renderer's samples), and the mono sum
 * vs stereo from the file's samples in the time domain, 10 log10(E[(L + R)^2 / 2] /
 * E[(L^2 + R^2) / 2]) with the -3 dB law (within 0.01 dB: the analysis weights the
 * frames' tapers, flat for stationary noise).
 */
const RATE = 48000;
const SECONDS = 3;
const LABELS = getLayout('2+7+0').channels.map((c) => c.label);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'analyze-bed-mono-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A scene of one object in front (noise) and a 7.1.2 bed 'Music 7.1.2' whose M+090 carries noise and M-090 the same noise times `sign`. */
async function writeScene(name: string, sign: 1 | -1): Promise<string> {
  const frames = SECONDS * RATE;
  const noise = (seed: number): Float32Array => gaussianNoise(frames, seed).map((x) => 0.05 * x);
  const n = noise(22);
  const silence = new Float32Array(frames);
  await mkdir(path.join(dir, 'stems'), { recursive: true });
  const wav = async (file: string, channels: Float32Array[]): Promise<void> => {
    await writeFile(path.join(dir, 'stems', file), encodeWav({ sampleRateHz: RATE, channels }, { sampleFormat: 'float32' }));
  };
  await wav(`${name}-bed.wav`, LABELS.map((label) => (label === 'M+090' ? n : label === 'M-090' ? n.map((v) => sign * v) : silence)));
  await wav(`${name}-voice.wav`, [noise(21)]);
  const scene = {
    format: 'spatial-mix-studio/scene',
    version: 2,
    sampleRateHz: RATE,
    listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    objects: [{ id: 'voice', name: 'Voice', stem: { file: `stems/${name}-voice.wav` }, gainDb: 0, mute: false, solo: false, position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 } }],
    beds: [{ id: 'music', name: 'Music 7.1.2', stem: { file: `stems/${name}-bed.wav` }, layout: '2+7+0', channels: LABELS, gainDb: 0, mute: false, solo: false }],
  };
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(scene));
  return file;
}

async function analyze(argv: string[]): Promise<{ report: AnalysisReport; text: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const outcome = await analyzeCommand(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  if (outcome.report === undefined) throw new Error(`no report: exit ${outcome.exitCode}, ${err.join('\n')}`);
  return { report: outcome.report, text: out.join('') };
}

async function renderedStereo(scene: string): Promise<readonly Float32Array[]> {
  const args = parseRenderArgs([scene, '--format', 'stereo', '--bits', '32f', '--out', path.join(dir, `render-${path.basename(scene, '.json')}`)]);
  if (args === 'help') throw new Error('help');
  const [written] = await runRender(args, () => {});
  return decodeWav(new Uint8Array(await readFile(written!.file)), written!.file).channels;
}

function timeDomainMonoVsStereoDb(left: Float32Array, right: Float32Array): number {
  let stereo = 0;
  let mono = 0;
  for (let i = 0; i < left.length; i++) {
    stereo += (left[i]! * left[i]! + right[i]! * right[i]!) / 2;
    mono += (left[i]! + right[i]!) ** 2 / 2;
  }
  return 10 * Math.log10(mono / stereo);
}

describe('npm run analyze: the mono check with a bed', () => {
  it("measures the whole render, bed included: its stereo and mono figures are those of npm run render's stereo file (0.01 dB), and the in-phase bed has no finding", async () => {
    const scene = await writeScene('in-phase', 1);
    const { report, text } = await analyze([scene, '--format', 'stereo']);
    const [left, right] = await renderedStereo(scene);
    const file = analyzeStereoMix(left!, right!, RATE);
    const analysis = report.monoAnalysis!;
    expect(Math.abs(analysis.overall.monoVsStereoDb - file.overall.monoVsStereoDb)).toBeLessThan(0.01);
    expect(Math.abs(analysis.overall.midDb - file.overall.midDb)).toBeLessThan(0.01);
    expect(Math.abs(analysis.overall.sideDb - file.overall.sideDb)).toBeLessThan(0.01);
    expect(Math.abs(analysis.overall.correlation - file.overall.correlation)).toBeLessThan(0.001);
    expect(Math.abs(analysis.overall.monoVsStereoDb - timeDomainMonoVsStereoDb(left!, right!))).toBeLessThan(0.01);
    expect(analysis.sources.map((s) => [s.sourceId, s.sourceKind])).toEqual([
      ['voice', undefined],
      ['music', 'bed'],
    ]);
    expect(analysis.findings.filter((f) => f.sourceId === 'music')).toEqual([]);
    expect(report.version).toBe(3);
    // the header counts the bed with the sources
    expect([report.input.sourceCount, report.input.bedCount, report.input.hoaCount]).toEqual([1, 1, undefined]);
    expect(text).toContain('scene of 1 source and 1 bed, rendered');
  }, 120_000);

  it("names the bed whose M+090/M-090 are inverted first in the text, JSON and HTML reports, with the pair", async () => {
    const scene = await writeScene('inverted', -1);
    const html = path.join(dir, 'inverted.html');
    const { report, text } = await analyze([scene, '--format', 'stereo', '--html', html, '--force']);
    const first = report.monoAnalysis!.findings[0]!;
    expect([first.sourceId, first.sourceKind, first.channelPair?.left, first.channelPair?.right]).toEqual(['music', 'bed', 'M+090', 'M-090']);
    expect(text).toContain("Bed 'Music 7.1.2'");
    expect(text).toContain('Its M+090 and M-090 channels cancel each other');
    const page = await readFile(html, 'utf8');
    expect(page).toContain('Bed &#39;Music 7.1.2&#39;');
    // The mix is measured whole: the file's mono sum vs stereo, within 0.01 dB.
    const [left, right] = await renderedStereo(scene);
    expect(Math.abs(report.monoAnalysis!.overall.monoVsStereoDb - timeDomainMonoVsStereoDb(left!, right!))).toBeLessThan(0.01);
  }, 120_000);
});
