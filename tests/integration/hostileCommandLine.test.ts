import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyze/analyzeCommand';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { SuspectRenderError } from '../../src/cli/render/suspectRender';
import { encodeWav } from '../../src/io/wav';

/**
 * The command line under hostile input (issue 12): scenes and files from anyone may not
 * make it read other files, hang, flood or drive the terminal, or pass a broken render
 * or measurement off as a good one.
 */
const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const RATE = 48000;
let dir: string;

/** A 997 Hz sine of peak `amplitude`, `seconds` long, at 48 kHz. */
function sine(amplitude: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) => amplitude * Math.sin((2 * Math.PI * 997 * i) / RATE));
}

async function floatWav(file: string, channels: Float32Array[]): Promise<string> {
  await writeFile(file, encodeWav({ sampleRateHz: RATE, channels }, { sampleFormat: 'float32' }));
  return file;
}

interface SourceSpec {
  readonly name?: string;
  readonly file: string;
  readonly gainDb?: number;
  readonly mute?: boolean;
}

/** Writes a scene in `folder` with one source per spec (stem files as given), returns its path. */
async function sceneFile(folder: string, name: string, sources: readonly SourceSpec[]): Promise<string> {
  await mkdir(folder, { recursive: true });
  const scene = {
    format: 'spatial-mix-studio/scene',
    version: 2,
    sampleRateHz: RATE,
    listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    objects: sources.map((s, i) => ({
      id: `s${i}`,
      name: s.name ?? `Source ${i}`,
      stem: { file: s.file },
      gainDb: s.gainDb ?? 0,
      mute: s.mute ?? false,
      solo: false,
      position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 1 },
    })),
  };
  const file = path.join(folder, name);
  await writeFile(file, JSON.stringify(scene));
  return file;
}

/** `npm run render` as a process: its exit status and output. */
async function renderProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [path.join(repoRoot, 'src/cli/render/render.ts'), ...args], { cwd: repoRoot, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function renderLog(argv: string[]): Promise<{ lines: string[]; error?: unknown }> {
  const args = parseRenderArgs(argv);
  if (args === 'help') throw new Error('unexpected help');
  const lines: string[] = [];
  try {
    await runRender(args, (line) => lines.push(line));
    return { lines };
  } catch (error) {
    return { lines, error };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hostile-cli-'));
  await writeFile(path.join(dir, 'secret.txt'), 'SECRET-CONTENT of the user');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('stem paths stay in the scene\'s folder', () => {
  it('refuses a stem path that climbs out with "..", naming the scene and the field, and reads nothing', async () => {
    const scene = await sceneFile(path.join(dir, 'climb'), 'climb.json', [{ file: '../secret.txt' }]);
    const { code, stderr } = await renderProcess([scene, '--out', path.join(dir, 'out-climb'), '--format', 'mono']);
    expect(code).toBe(1);
    expect(stderr).toBe(`render: ${scene}: objects[0].stem.file: expected a path relative to the scene's folder and inside it, got "../secret.txt" (it leaves the folder with "..")\n`);
  });

  it('refuses an absolute stem path instead of re-rooting it under the scene\'s folder', async () => {
    const scene = await sceneFile(path.join(dir, 'absolute'), 'absolute.json', [{ file: '/dev/zero' }]);
    const { error } = await renderLog([scene, '--out', path.join(dir, 'out-absolute'), '--format', 'mono']);
    expect((error as Error).message).toBe(`${scene}: objects[0].stem.file: expected a path relative to the scene's folder and inside it, got "/dev/zero" (an absolute path)`);
  });

  it('refuses a device reached through a link before reading it (/dev/zero read until memory ran out)', async () => {
    const folder = path.join(dir, 'device');
    await mkdir(folder, { recursive: true });
    await symlink('/dev/zero', path.join(folder, 'zero.wav'));
    const scene = await sceneFile(folder, 'device.json', [{ file: 'zero.wav' }]);
    const { error } = await renderLog([scene, '--out', path.join(dir, 'out-device'), '--format', 'mono']);
    expect((error as Error).message).toBe(`source "Source 0" (objects[0]), stem ${path.join(folder, 'zero.wav')}: not a regular file but a device, pipe or socket (expected the file)`);
  });

  it('never echoes a file\'s bytes: a text file as a stem is described, not quoted', async () => {
    const folder = path.join(dir, 'text');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'notes.wav'), 'SECRET-CONTENT of the user');
    const scene = await sceneFile(folder, 'text.json', [{ file: 'notes.wav' }]);
    const { error } = await renderLog([scene, '--out', path.join(dir, 'out-text'), '--format', 'mono']);
    const message = (error as Error).message;
    expect(message).toBe(
      `source "Source 0" (objects[0]), stem ${path.join(folder, 'notes.wav')}: ${path.join(folder, 'notes.wav')}: unrecognised audio file: 26 bytes of text (expected WAV (RIFF/RF64/BW64 WAVE), FLAC (fLaC) or MP3 (ID3 tag or MPEG audio frame))`,
    );
    // Nor in hex: "SECR" is 53 45 43 52.
    expect(message).not.toMatch(/SECR|53 45 43 52/i);
  });
});

describe('terminal output', () => {
  it('escapes the control characters of a source name (a colour escape and a screen clear reached the terminal raw)', async () => {
    const folder = path.join(dir, 'ansi');
    const scene = await sceneFile(folder, 'ansi.json', [{ name: '\u001b[31mred\u001b[2J', file: 'missing.wav' }]);
    const { code, stderr } = await renderProcess([scene, '--out', path.join(dir, 'out-ansi'), '--format', 'mono']);
    expect(code).toBe(1);
    expect(stderr).not.toContain('\u001b');
    expect(stderr).toBe(`render: source "\\e[31mred\\e[2J" (objects[0]), stem ${path.join(folder, 'missing.wav')}: cannot read the file (ENOENT)\n`);
  });
});

describe('terminal output of analyze', () => {
  it('escapes a file name\'s control characters in the report and the messages', async () => {
    const mix = await floatWav(path.join(dir, 'mix\u001b]0;owned\u0007.wav'), [sine(0.1, 1), sine(0.1, 1)]);
    const out: string[] = [];
    const outcome = await analyzeCommand([mix], { stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
    expect(outcome.exitCode).toBe(0);
    const printed = out.join('\n');
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(printed).toContain(`Analysis of ${path.join(dir, 'mix\\e]0;owned\\x07.wav')}`);
  });
});

describe('renders that are written but wrong', () => {
  it('exits 3 for a silent render, saying every source is muted, and 0 with --allow-silent', async () => {
    const scene = await sceneFile(path.join(dir, 'muted'), 'muted.json', [{ file: 'tone.wav', mute: true }]);
    await floatWav(path.join(dir, 'muted', 'tone.wav'), [sine(0.25, 0.5)]);
    const out = path.join(dir, 'out-muted');
    const refused = await renderProcess([scene, '--out', out, '--format', 'mono']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe(
      'render: the render is silent (every output peaks below -150 dBFS): every source is muted; the files are written; add --allow-silent to accept a silent render\n',
    );
    const allowed = await renderLog([scene, '--out', out, '--format', 'mono', '--force', '--allow-silent']);
    expect(allowed.error).toBeUndefined();
    expect(allowed.lines.at(-1)).toBe('warning: the render is silent (every output peaks below -150 dBFS): every source is muted');
  });

  it('names silent stems as the reason when the audible sources\' stems are all zero', async () => {
    const folder = path.join(dir, 'zeros');
    await mkdir(folder, { recursive: true });
    await floatWav(path.join(folder, 'zeros.wav'), [new Float32Array(RATE / 2)]);
    const scene = await sceneFile(folder, 'zeros.json', [{ name: 'Vox', file: 'zeros.wav' }]);
    const { error } = await renderLog([scene, '--out', path.join(dir, 'out-zeros'), '--format', 'mono']);
    expect(error).toBeInstanceOf(SuspectRenderError);
    expect((error as SuspectRenderError).exitCode).toBe(3);
    expect((error as Error).message).toContain(': the stem of every audible source is silent ("Vox")');
  });

  it('exits 4 when blocks had non-finite samples (a float stem near 3e38 at +24 dB overflows), files written', async () => {
    const folder = path.join(dir, 'overflow');
    await mkdir(folder, { recursive: true });
    await floatWav(path.join(folder, 'huge.wav'), [new Float32Array(RATE / 2).fill(3e38)]);
    const scene = await sceneFile(folder, 'overflow.json', [{ file: 'huge.wav', gainDb: 24 }]);
    const out = path.join(dir, 'out-overflow');
    const { code, stderr } = await renderProcess([scene, '--out', out, '--format', 'mono', '--bits', '32f']);
    expect(code).toBe(4);
    expect(stderr).toMatch(/^render: \d+ blocks had non-finite samples \(NaN or infinity: a stem or gain beyond float range, or a bad HRTF\) and were silenced in the files written\n$/);
    expect((await readFile(path.join(out, 'overflow.mono.wav'))).length).toBeGreaterThan(44);
  });

  it('warns of a stem WAV cut short, naming the source, the declared and the present bytes', async () => {
    const folder = path.join(dir, 'cut');
    await mkdir(folder, { recursive: true });
    const whole = encodeWav({ sampleRateHz: RATE, channels: [sine(0.25, 0.5)] }, { sampleFormat: 'pcm16' });
    // Half of the 48,000-byte data chunk: the file ends 24,000 bytes into it.
    await writeFile(path.join(folder, 'cut.wav'), whole.subarray(0, whole.length - 24_000));
    const scene = await sceneFile(folder, 'cut.json', [{ name: 'Cut', file: 'cut.wav' }]);
    const { lines, error } = await renderLog([scene, '--out', path.join(dir, 'out-cut'), '--format', 'mono']);
    expect(error).toBeUndefined();
    expect(lines).toContain(
      `warning: source "Cut" (objects[0]), stem ${path.join(folder, 'cut.wav')}: "data" chunk declares 48000 bytes but the file ends after 24000 of them; read the 12000 whole frames there`,
    );
  });
});

describe('output folders that cannot be made', () => {
  it('refuses --out under /proc with exit 2 instead of spinning in mkdir', async () => {
    const scene = await sceneFile(path.join(dir, 'proc'), 'proc.json', [{ file: 'tone.wav' }]);
    await floatWav(path.join(dir, 'proc', 'tone.wav'), [sine(0.25, 0.5)]);
    const { code, stderr } = await renderProcess([scene, '--out', '/proc/spatial-mix-studio/renders', '--format', 'mono']);
    expect(code).toBe(2);
    expect(stderr).toBe('render: /proc/spatial-mix-studio/renders: cannot create the output folder (ENOENT at /proc/spatial-mix-studio)\n');
  });

  it('refuses an --out whose parent is a file, naming it', async () => {
    const scene = path.join(dir, 'proc', 'proc.json');
    const { error } = await renderLog([scene, '--out', path.join(dir, 'secret.txt', 'renders'), '--format', 'mono']);
    expect((error as Error).message).toBe(`${path.join(dir, 'secret.txt', 'renders')}: cannot create the output folder: ${path.join(dir, 'secret.txt')} is a file, not a folder`);
  });

  it('refuses analyze --json and --html under /proc with exit 2, before measuring', { timeout: 20_000 }, async () => {
    const mix = await floatWav(path.join(dir, 'mix.wav'), [sine(0.25, 1), sine(0.25, 1)]);
    const streams = { stdout: () => {}, stderr: (text: string) => errors.push(text) };
    const errors: string[] = [];
    const json = await analyzeCommand([mix, '--json', '/proc/spatial-mix-studio/report.json'], streams);
    expect(json.exitCode).toBe(2);
    expect(errors[0]).toMatch(/^analyze: \/proc\/spatial-mix-studio: cannot create the output folder \(ENOENT at \/proc\/spatial-mix-studio\)\n\nusage:/);
    const html = await analyzeCommand([mix, '--html', path.join(dir, 'secret.txt', 'report.html')], streams);
    expect(html.exitCode).toBe(2);
    expect(errors[1]).toContain(`cannot create the output folder: ${path.join(dir, 'secret.txt')} is a file, not a folder`);
  });
});

describe('analyze on mixes beyond full scale or cut short', () => {
  it('reads a +54 dBFS float sine in one channel as +54 - 3.01 LUFS, not -inf, and flags it over full scale', async () => {
    // BS.1770 is linear: a 997 Hz sine of peak 1 in one channel reads -3.01 LUFS (mean square 1/2), so +54 dB reads 50.99.
    const mix = await floatWav(path.join(dir, 'hot.wav'), [sine(10 ** (54 / 20), 5)]);
    const out: string[] = [];
    const outcome = await analyzeCommand([mix], { stdout: (t) => out.push(t), stderr: () => {} });
    const loudness = outcome.report!.loudness[0]!;
    expect(Math.abs(loudness.integratedLufs - (54 - 10 * Math.log10(2)))).toBeLessThan(0.05);
    expect(Math.abs(loudness.samplePeakDbfs - 54)).toBeLessThan(0.01);
    expect(loudness.distance.loudnessOffsetLu).toBeCloseTo(loudness.integratedLufs - outcome.report!.target.integratedLufs, 6);
    expect(outcome.report!.input.warnings).toEqual([`${mix}: the mix peaks at +54.0 dBFS, above full scale: any 16- or 24-bit file made from it clips (lower it by at least 54.0 dB)`]);
    expect(out.join('\n')).toContain(`  warning: ${mix}: the mix peaks at +54.0 dBFS, above full scale`);
  });

  it('reports a mix WAV whose data chunk declares far more than the file holds', async () => {
    const whole = encodeWav({ sampleRateHz: RATE, channels: [sine(0.1, 1), sine(0.1, 1)] }, { sampleFormat: 'pcm16' });
    const mix = path.join(dir, 'long-claim.wav');
    const bytes = whole.slice();
    new DataView(bytes.buffer).setUint32(40, 1_000_000_000, true); // the canonical header's data size
    await writeFile(mix, bytes);
    const outcome = await analyzeCommand([mix], { stdout: () => {}, stderr: () => {} });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.report!.input.warnings).toEqual([`${mix}: "data" chunk declares 1000000000 bytes but the file ends after 192000 of them; read the 48000 whole frames there`]);
  });
});
