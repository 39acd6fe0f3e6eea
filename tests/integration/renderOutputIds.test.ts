import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/commandLine';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import type { RenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import { decodeWav } from '../../src/io/wav';

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

  it('renders binaural-2.0 (the 0+2+0 layout heard through the HRTF) to <scene>.binaural-stereo.wav, two channels', async () => {
    const written = await runRender(args(['scenes/demo.json', '--out', outDir, '--format', 'binaural-2.0,2.0-to-mono']), () => {});
    expect(written.map((w) => [path.basename(w.file), w.channels])).toEqual([
      ['demo.binaural-stereo.wav', 2],
      ['demo.mono.wav', 1],
    ]);
    const audio = decodeWav(new Uint8Array(await readFile(written[0]!.file)), written[0]!.file);
    expect(audio.channels).toHaveLength(2);
    expect(written[0]!.peakDbfs).toBeGreaterThan(-30);
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
