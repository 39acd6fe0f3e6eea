import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LENGTH_SEC } from '../../scenes/generators/index';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import type { WrittenFile } from '../../src/cli/render/renderCommand';
import { decodeWav, encodeWav } from '../../src/io/wav';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
let outDir: string;
let written: WrittenFile[];
const log: string[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'render-test-'));
  const args = parseRenderArgs(['scenes/demo.json', '--out', outDir]);
  if (args === 'help') throw new Error('unexpected help');
  written = await runRender(args, (line) => log.push(line));
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('npm run render on the demo scene', () => {
  it('writes binaural (2 ch), stereo (2 ch) and mono (1 ch) 24-bit WAV files at 48 kHz', async () => {
    expect(written.map((w) => [w.format, w.channels])).toEqual([
      ['binaural', 2],
      ['stereo', 2],
      ['mono', 1],
    ]);
    for (const file of written) {
      const audio = decodeWav(new Uint8Array(await readFile(file.file)), file.file);
      expect(audio.sampleRateHz).toBe(48000);
      expect(audio.channels.length).toBe(file.channels);
      const bytes = await readFile(file.file);
      // bits per sample in the fmt chunk (offset 34 of a canonical header)
      expect(bytes.readUInt16LE(34)).toBe(24);
    }
  });

  it('renders the stems plus the filter tail: 32 s + at most 2 blocks of 128 frames, the same for every format', async () => {
    for (const file of written) {
      const audio = decodeWav(new Uint8Array(await readFile(file.file)), file.file);
      const frames = audio.channels[0]!.length;
      expect(frames).toBe(file.frames);
      expect(frames - DEMO_LENGTH_SEC * 48000).toBeGreaterThan(0);
      expect(frames - DEMO_LENGTH_SEC * 48000).toBeLessThanOrEqual(2 * 128);
    }
  });

  it('writes no NaN, reports the true peak of each file (within 24-bit quantisation) and does not clip', async () => {
    for (const file of written) {
      const audio = decodeWav(new Uint8Array(await readFile(file.file)), file.file);
      let peak = 0;
      let nonFinite = 0;
      for (const channel of audio.channels) {
        for (let i = 0; i < channel.length; i++) {
          if (!Number.isFinite(channel[i])) nonFinite++;
          peak = Math.max(peak, Math.abs(channel[i]!));
        }
      }
      expect(nonFinite).toBe(0);
      expect(Math.abs(20 * Math.log10(peak) - file.peakDbfs)).toBeLessThan(0.001);
      expect(file.clipped).toBe(false);
      // A sensible mix level: not silent, not at full scale.
      expect(file.peakDbfs).toBeGreaterThan(-20);
      expect(file.peakDbfs).toBeLessThan(-1);
    }
    expect(log.filter((line) => line.startsWith('wrote ')).length).toBe(3);
  });

  it('reports output that would clip with its peak in dBFS instead of clipping silently', async () => {
    const scene = JSON.parse(await readFile(path.join(repoRoot, 'scenes/demo.json'), 'utf8'));
    for (const source of scene.objects) source.gainDb = 18;
    const hot = path.join(outDir, 'hot.json');
    await writeFile(hot, JSON.stringify(scene));
    const lines: string[] = [];
    const args = parseRenderArgs([hot, '--out', outDir, '--format', 'stereo', '--bits', '16']);
    if (args === 'help') throw new Error('unexpected help');
    const [stereo] = await runRender(args, (line) => lines.push(line));
    expect(stereo!.clipped).toBe(true);
    expect(stereo!.peakDbfs).toBeGreaterThan(0);
    expect(lines.some((line) => /^warning: .*hot\.stereo\.wav peaks at \d+\.\d\d dBFS and clips in 16-bit/.test(line))).toBe(true);
  });
});

describe('rendering with the user\'s own HRTF (--hrtf file.sofa)', () => {
  it('prepares a SOFA file at the session rate and renders binaural with it (same length, peak within 1 dB of the shipped set)', async () => {
    const args = parseRenderArgs(['scenes/demo.json', '--out', path.join(outDir, 'sofa'), '--format', 'binaural', '--hrtf', 'hrtf/sofa/MIT_KEMAR_normal_pinna.sofa']);
    if (args === 'help') throw new Error('unexpected help');
    const [binaural] = await runRender(args, () => {});
    const shipped = written.find((w) => w.format === 'binaural')!;
    expect(binaural!.frames).toBe(shipped.frames);
    // The same measurements, prepared directly at 48 kHz instead of resampled from 44.1 kHz.
    expect(Math.abs(binaural!.peakDbfs - shipped.peakDbfs)).toBeLessThan(1);
  });

  it('refuses a file that is not SOFA with an error naming it', async () => {
    const notSofa = path.join(outDir, 'not.sofa');
    await writeFile(notSofa, 'hello');
    const args = parseRenderArgs(['scenes/demo.json', '--out', outDir, '--format', 'binaural', '--hrtf', notSofa, '--force']);
    if (args === 'help') throw new Error('unexpected help');
    await expect(runRender(args, () => {})).rejects.toThrow(/not\.sofa/);
  });
});

describe('render command line errors', () => {
  const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
  const cli = path.join(repoRoot, 'src/cli/render/render.ts');

  async function failure(args: string[]): Promise<{ code: number; stderr: string }> {
    try {
      await run(tsx, [cli, ...args], { cwd: repoRoot });
    } catch (error) {
      const e = error as { code: number; stderr: string };
      return { code: e.code, stderr: e.stderr };
    }
    throw new Error('expected the command to fail');
  }

  it('exits 1 with a one-line error naming the field of a bad scene', async () => {
    const bad = path.join(outDir, 'bad.json');
    const scene = JSON.parse(await readFile(path.join(repoRoot, 'scenes/demo.json'), 'utf8'));
    scene.objects[2].position.azimuthDeg = 'left';
    await writeFile(bad, JSON.stringify(scene));
    const { code, stderr } = await failure([bad, '--out', outDir]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `render: ${bad}: objects[2].position.azimuthDeg: expected a number in (-180, 180], got "left"`,
    ]);
  });

  it('exits 1 naming the source and the file when a stem is missing', async () => {
    const scene = JSON.parse(await readFile(path.join(repoRoot, 'scenes/demo.json'), 'utf8'));
    scene.objects[1].stem = { file: 'missing/bass.wav' };
    const bad = path.join(outDir, 'missing-stem.json');
    await writeFile(bad, JSON.stringify(scene));
    const { code, stderr } = await failure([bad, '--out', outDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^render: source "Bass" \(objects\[1\]\), stem .*missing\/bass\.wav: cannot read the file \(ENOENT\)\n$/);
  });

  it('never writes over an input: --out in the scene\'s folder, where a stem has an output\'s name, exits 2 and leaves the stem as it was', async () => {
    const folder = path.join(outDir, 'own-stems');
    await mkdir(folder, { recursive: true });
    const scene = JSON.parse(await readFile(path.join(repoRoot, 'scenes/demo.json'), 'utf8'));
    // The first source's stem is a file named as the stereo render of this scene would be.
    const stemBytes = encodeWav({ sampleRateHz: 48000, channels: [new Float32Array(4800).fill(0.25)] }, { sampleFormat: 'pcm16' });
    await writeFile(path.join(folder, 'song.stereo.wav'), stemBytes);
    scene.objects[0].stem = { file: 'song.stereo.wav' };
    const scenePath = path.join(folder, 'song.json');
    await writeFile(scenePath, JSON.stringify(scene));
    const { code, stderr } = await failure([scenePath, '--out', folder, '--force']);
    expect(code).toBe(2);
    expect(stderr).toBe(`render: ${path.join(folder, 'song.stereo.wav')}: refusing to write over the stem of source "${scene.objects[0].name}"; choose another output path\n`);
    expect(new Uint8Array(await readFile(path.join(folder, 'song.stereo.wav')))).toEqual(stemBytes);
  });

  it('refuses to overwrite an existing render without --force, naming the files, and overwrites it with --force', async () => {
    const folder = path.join(outDir, 'again');
    const render = async (extra: string[]) => {
      const args = parseRenderArgs(['scenes/demo.json', '--out', folder, '--format', 'mono', '--bits', '16', ...extra]);
      if (args === 'help') throw new Error('unexpected help');
      return runRender(args, () => {});
    };
    await render([]);
    const monoPath = path.join(folder, 'demo.mono.wav');
    await writeFile(monoPath, 'the user\'s own file');
    await expect(render([])).rejects.toThrow(`${monoPath} exists already; add --force to overwrite, or choose another output path`);
    expect(await readFile(monoPath, 'utf8')).toBe('the user\'s own file');
    const [mono] = await render(['--force']);
    expect(mono!.file).toBe(monoPath);
    expect(decodeWav(new Uint8Array(await readFile(monoPath)), monoPath).channels).toHaveLength(1);
  });

  it('exits 2 on bad options', async () => {
    const { code, stderr } = await failure(['scenes/demo.json', '--bits', '12']);
    expect(code).toBe(2);
    expect(stderr).toBe('render: --bits: expected 16, 24 or 32f, got "12"\n');
  });
});
