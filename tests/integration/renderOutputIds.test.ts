import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/commandLine';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import type { RenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { measureLoudness } from '../../src/dsp/loudness/measureLoudness';
import { decodeWav } from '../../src/io/wav';
import { analyzeStereoMix } from '../../src/render/analysis/mixMonoAnalysis';

let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'render-ids-'));
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function args(argv: readonly string[]): RenderArgs {
  const parsed = parseRenderArgs(argv);
  if (parsed === 'help') throw new Error('unexpected help');
  return parsed;
}

describe('npm run render --format with layouts, binaural-<layout> and downmixes', () => {
  it('parses layouts, binaural-<layout> and downmix ids with their levels, keeping binaural, stereo and mono first', () => {
    const parsed = args(['scenes/demo.json', '--format', '7.1.4,5.1,binaural-7.1.4,mono,7.1.4-to-ltrt', '--loro-centre', '-1.5', '--ltrt-surround', '-6dB']);
    expect(parsed.formats).toEqual(['mono', '7.1.4', '5.1', 'binaural-7.1.4', '7.1.4-to-ltrt']);
    expect(parsed.loRo).toEqual({ centreDb: -1.5, surroundDb: -3 });
    expect(parsed.ltRt).toEqual({ centreDb: -3, surroundDb: -6 });
  });

  it('refuses an unknown id and a level off the 1.5 dB steps, naming them', () => {
    expect(() => parseRenderArgs(['scenes/demo.json', '--format', '7.1.5'])).toThrow(UsageError);
    expect(() => parseRenderArgs(['scenes/demo.json', '--format', '7.1.5'])).toThrow(/--format: unknown output "7.1.5": expected binaural, stereo, mono; a layout/);
    expect(() => parseRenderArgs(['scenes/demo.json', '--loro-surround', '-2'])).toThrow(/--loro-surround: expected one of -6, -4.5, -3, -1.5, 0, 1.5, 3 \(dB\), got "-2"/);
  });

  it('renders binaural-2.0 (the 0+2+0 layout heard through the HRTF) to <scene>.binaural-stereo.wav, and reports every file\'s loudness and the stereo\'s mono check', async () => {
    const lines: string[] = [];
    const written = await runRender(args(['scenes/demo.json', '--out', outDir, '--format', 'stereo,binaural-2.0,2.0-to-mono', '--bits', '32f']), (line) => lines.push(line));
    expect(written.map((w) => [path.basename(w.file), w.channels])).toEqual([
      ['demo.stereo.wav', 2],
      ['demo.binaural-stereo.wav', 2],
      ['demo.mono.wav', 1],
    ]);
    // The figures reported are those of the files (32-bit float: the same samples), measured again here.
    for (const file of written) {
      const audio = decodeWav(new Uint8Array(await readFile(file.file)), file.file);
      const weights = audio.channels.map(() => 1);
      expect(Math.abs(measureLoudness(audio.channels, audio.sampleRateHz, weights).integratedLufs - file.measures!.integratedLufs)).toBeLessThan(1e-9);
      expect(file.measures!.integratedLufs).toBeGreaterThan(-40);
      if (file.format === 'stereo') {
        const check = analyzeStereoMix(audio.channels[0]!, audio.channels[1]!, audio.sampleRateHz, { monoLaw: '-3dB' });
        expect(file.measures!.monoVsStereoDb).toBe(check.overall.monoVsStereoDb);
      } else {
        // Mono has no stereo to check; the ears are not loudspeakers.
        expect(file.measures!.monoVsStereoDb).toBeUndefined();
      }
    }
    expect(lines.filter((line) => /^wrote .*: \d+ ch, .* dBFS, -?\d+\.\d LUFS/.test(line))).toHaveLength(3);
    expect(lines.some((line) => /demo\.stereo\.wav: .* LUFS, mono -?\d+\.\d dB vs stereo$/.test(line))).toBe(true);
  });

  it('names a layout whose panner is missing before reading any file, or renders it with its channel mask once it exists', async () => {
    const run = runRender(args(['scenes/demo.json', '--out', outDir, '--format', '7.1.4']), () => {});
    const outcome = await run.then(
      (written) => ({ written }),
      (error: unknown) => ({ error }),
    );
    if ('error' in outcome) {
      expect(outcome.error).toBeInstanceOf(UsageError);
      expect(String(outcome.error)).toMatch(/--format 7\.1\.4: the renderer has no object panner for the 4\+7\+0 layout/);
    } else {
      expect(outcome.written.map((w) => [path.basename(w.file), w.channels])).toEqual([['demo.7.1.4.wav', 12]]);
    }
  });
});
