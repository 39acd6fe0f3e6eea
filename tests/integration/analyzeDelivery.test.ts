import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyze/analyzeCommand';
import type { AnalyzeOutcome } from '../../src/cli/analyze/analyzeCommand';
import type { AnalysisReport } from '../../src/cli/analyze/report/analysisReport';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { readAdmBwf } from '../../src/io/adm/admBwfRead';
import { writeAdmBwf } from '../../src/io/adm/admBwfWrite';
import { writeBedScene } from '../support/bedSceneFiles';

/**
 * `npm run analyze -- <master> --delivery atmos-music`: a short scene (a 7.1.2 bed, two
 * objects with near and far render modes) exported by `render --format adm` passes the
 * format rules, and its ADM file and the scene measure alike (the file's 24-bit tracks:
 * 0.01 LU); the same master rewritten at 16 bits fails the bit-depth rule only. A real
 * file of another tool (the EBU production suite's panned noise, tests/fixtures/adm) is
 * checked against figures computed without the studio: its header read here byte by byte,
 * its 7.1.4 and 5.1 loudness from the EBU ADM Renderer's render measured by a BS.1770
 * meter of its own (tests/fixtures/ear/delivery, 0.01 LU).
 */
let dir: string;
let scene: string;
let master: string;

interface Captured extends AnalyzeOutcome {
  readonly stderr: string;
}

async function analyze(argv: string[]): Promise<Captured> {
  const err: string[] = [];
  const outcome = await analyzeCommand(argv, { stdout: () => {}, stderr: (t) => err.push(t) });
  return { ...outcome, stderr: err.join('\n') };
}

function reportOf(result: Captured): AnalysisReport {
  if (result.report === undefined) throw new Error(`no report: exit ${result.exitCode}, ${result.stderr}`);
  return result.report;
}

function verdicts(report: AnalysisReport): Record<string, string> {
  return Object.fromEntries(report.delivery!.rules.map((rule) => [rule.id, rule.verdict]));
}

/** The "fmt " chunk's channels, rate and bits, read from the bytes (RIFF or BW64 alike: chunks from offset 12). */
function fmtOf(bytes: Uint8Array): { channels: number; sampleRateHz: number; bits: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ') return { channels: view.getUint16(offset + 10, true), sampleRateHz: view.getUint32(offset + 12, true), bits: view.getUint16(offset + 22, true) };
    offset += 8 + size + (size % 2);
  }
  throw new Error('no fmt chunk');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'analyze-delivery-'));
  scene = await writeBedScene(dir, 'short', { seconds: 3, lfeAmplitude: 0.1 });
  const args = parseRenderArgs([scene, '--format', 'adm', '--out', path.join(dir, 'out')]);
  if (args === 'help') throw new Error('help');
  const [written] = await runRender(args, () => {});
  if (written === undefined) throw new Error('render wrote no ADM master');
  master = written.file;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the Atmos music delivery check', () => {
  it('passes the format rules for the studio\'s own ADM export, whose file it reads as written: 48 kHz, 24-bit, 10 bed channels and 2 objects', async () => {
    const result = await analyze([master, '--delivery', 'atmos-music', '--fail-on', 'delivery', '--json', path.join(dir, 'master.json')]);
    const report = reportOf(result);
    expect(result.exitCode).toBe(0);
    const all = verdicts(report);
    for (const id of ['adm-profile', 'sample-rate', 'bit-depth', 'channels', 'objects']) expect(all[id]).toBe('pass');
    const fmt = fmtOf(new Uint8Array(await readFile(master)));
    expect(fmt).toEqual({ channels: 12, sampleRateHz: 48000, bits: 24 });
    expect(report.delivery!.facts).toMatchObject({ sampleRateHz: 48000, bitsPerSample: 24, channelCount: 12, objectCount: 2, admProfileProblems: [], emptyObjects: [] });
    expect(report.delivery!.facts.renderModes.filter((m) => m !== 'mid')).toEqual(['near', 'far']);
    expect(report.input.kind).toBe('adm');
    const json = JSON.parse(await readFile(path.join(dir, 'master.json'), 'utf8'));
    expect(json.delivery.rules).toHaveLength(13);
  });

  it('measures the scene as its export: the same loudness (0.01 LU, 24-bit tracks), channels, objects and verdicts', async () => {
    const fromFile = reportOf(await analyze([master, '--delivery', 'atmos-music'])).delivery!;
    const fromScene = reportOf(await analyze([scene, '--delivery', 'atmos-music'])).delivery!;
    expect(Math.abs(fromScene.facts.fullRender.integratedLkfs - fromFile.facts.fullRender.integratedLkfs)).toBeLessThan(0.01);
    expect(Math.abs(fromScene.facts.downmix51.integratedLkfs - fromFile.facts.downmix51.integratedLkfs)).toBeLessThan(0.01);
    expect(Math.abs(fromScene.facts.lfe!.marginDb - fromFile.facts.lfe!.marginDb)).toBeLessThan(0.1);
    expect([fromScene.facts.channelCount, fromScene.facts.objectCount]).toEqual([12, 2]);
    expect(fromScene.rules.map((r) => [r.id, r.verdict])).toEqual(fromFile.rules.map((r) => [r.id, r.verdict]));
  });

  it('fails the bit-depth rule, and only it, for the same master at 16 bits; --fail-on delivery then exits 1 naming it', async () => {
    const bwf = readAdmBwf(new Uint8Array(await readFile(master)), master);
    const sixteen = path.join(dir, 'master16.wav');
    await writeFile(sixteen, writeAdmBwf({ document: bwf.document, chna: bwf.chna, audio: bwf.audio }, { sampleFormat: 'pcm16' }));
    const result = await analyze([sixteen, '--delivery', 'atmos-music', '--fail-on', 'delivery']);
    expect(result.exitCode).toBe(1);
    expect(Object.entries(verdicts(reportOf(result))).filter(([, v]) => v !== 'pass')).toEqual([['bit-depth', 'fail']]);
    expect(result.stderr).toContain('analyze: delivery: FAILED (atmos-music): bit-depth: 16-bit, expected 24-bit PCM');
  });

  it('checks a real ADM file against figures computed without the studio: its header, and its loudness through the EBU ADM Renderer (0.01 LU)', async () => {
    const file = path.resolve(import.meta.dirname, '../fixtures/adm/eps__panned_noise_adm.wav');
    const oracle = JSON.parse(await readFile(path.resolve(import.meta.dirname, '../fixtures/ear/delivery/panned-noise-loudness.json'), 'utf8'));
    const report = reportOf(await analyze([file, '--delivery', 'atmos-music']));
    const facts = report.delivery!.facts;
    const fmt = fmtOf(new Uint8Array(await readFile(file)));
    expect([facts.sampleRateHz, facts.bitsPerSample, facts.channelCount]).toEqual([fmt.sampleRateHz, fmt.bits, fmt.channels]);
    expect(facts.objectCount).toBe(1);
    expect(Math.abs(facts.fullRender.integratedLkfs - oracle.integratedLkfs714)).toBeLessThan(0.01);
    expect(Math.abs(facts.downmix51.integratedLkfs - oracle.integratedLkfs51)).toBeLessThan(0.01);
    // Its 24 blocks are polar and its content has no dialogue element: not the Atmos master profile.
    expect(verdicts(report)['adm-profile']).toBe('fail');
    expect(facts.admProfileProblems!.filter((p) => p.includes('has a polar position'))).toHaveLength(24);
    expect(facts.lfe).toBeUndefined();
  });

  it('counts a real file\'s tracks as the file has them: EAR\'s test file, 4 channels, 2 Objects channels, 3 DirectSpeakers channels with a render mode each (not a bed layout\'s silent rest)', async () => {
    const file = path.resolve(import.meta.dirname, '../fixtures/adm/ear__test_bwf.wav');
    const facts = reportOf(await analyze([file, '--delivery', 'atmos-music'])).delivery!.facts;
    expect([facts.channelCount, facts.objectCount]).toEqual([fmtOf(new Uint8Array(await readFile(file))).channels, 2]);
    expect(facts.renderModes).toEqual(['mid', 'mid', 'mid', 'mid', 'mid']);
  });

  it('checks a real file whose mix is HOA (the EBU production suite\'s first-order AmbiX): rendered through the HOA decoder, its profile failure names the HOA pack', async () => {
    const file = path.resolve(import.meta.dirname, '../fixtures/adm/eps__hoa_4ch_1stOrderAmbix_commondef.wav');
    const report = reportOf(await analyze([file, '--delivery', 'atmos-music']));
    const facts = report.delivery!.facts;
    expect([facts.channelCount, facts.objectCount]).toEqual([4, 0]);
    expect(facts.admProfileProblems!.some((p) => p.includes('uses HOA pack AP_00040001'))).toBe(true);
    // Rendered, not silent: the file's noise is far above the gate (-70 LKFS).
    expect(facts.fullRender.integratedLkfs).toBeGreaterThan(-40);
    expect(Number.isFinite(facts.downmix51.integratedLkfs)).toBe(true);
  });
});
