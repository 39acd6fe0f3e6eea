import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseRenderArgs } from '../../../src/cli/render/renderArgs';
import { runRender } from '../../../src/cli/render/renderCommand';
import type { Scene } from '../../../src/core/scene/scene';
import { serializeScene } from '../../../src/core/scene/sceneWrite';
import type { StudioOutputId } from '../../../src/core/outputs/studioOutputs';
import { decodeWav } from '../../../src/io/wav';
import { readPageBytes, releasePageArrays } from './pageArrays';
import type { PageArrays } from './pageArrays';
import type { StudioWindow } from './studioPage';

/** Each output's channels, by output id. */
export type RenderedOutputs = Map<string, readonly Float32Array[]>;

/** What a null test of a scene compares: the command line's render of the scene and of its baseline, and the studio's export of the scene. */
export interface SceneNullRenders {
  readonly cli: RenderedOutputs;
  readonly cliBaseline: RenderedOutputs;
  readonly page: RenderedOutputs;
}

/**
 * Renders `scene` and `baseline` (the scene without what the test is about) with the
 * command line as 32-bit float files (written as version 2 scene files in a temporary
 * folder, removed after), and exports `scene` in `page` by the studio's AudioWorklet, for
 * each of `outputIds`.
 */
export async function renderSceneNullTest(page: Page, scene: Scene, baseline: Scene, outputIds: readonly StudioOutputId[]): Promise<SceneNullRenders> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'studio-null-'));
  try {
    const renderFile = async (rendered: Scene, name: string): Promise<RenderedOutputs> => {
      const file = path.join(workDir, `${name}.json`);
      await writeFile(file, serializeScene(rendered));
      const args = parseRenderArgs([file, '--bits', '32f', '--format', outputIds.join(','), '--out', path.join(workDir, name)]);
      if (args === 'help') throw new Error('unexpected --help');
      const outputs: RenderedOutputs = new Map();
      for (const written of await runRender(args, () => {})) {
        outputs.set(written.format, decodeWav(new Uint8Array(await readFile(written.file)), written.file).channels);
      }
      return outputs;
    };
    const cli = await renderFile(scene, 'scene');
    const cliBaseline = await renderFile(baseline, 'baseline');
    return { cli, cliBaseline, page: await exportInPage(page, scene, outputIds) };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function exportInPage(page: Page, scene: Scene, outputIds: readonly StudioOutputId[]): Promise<RenderedOutputs> {
  const files = await page.evaluate(
    async ({ scene, outputIds }) => {
      const studio = (globalThis as StudioWindow).__studio!;
      if (studio.engine === null) throw new Error('the page has no audio engine');
      const exported = await studio.engine.exportMix(scene, { outputIds, sampleFormat: 'float32', baseName: 'null-test' });
      (globalThis as PageArrays).__e2eArrays = exported.map(({ bytes }) => {
        const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
        padded.set(bytes);
        return new Float32Array(padded.buffer);
      });
      return exported.map(({ outputId, bytes }) => ({ outputId, byteLength: bytes.length }));
    },
    { scene, outputIds },
  );
  const outputs: RenderedOutputs = new Map();
  for (const [index, { outputId, byteLength }] of files.entries()) {
    outputs.set(outputId, decodeWav(await readPageBytes(page, index, byteLength), `${outputId}.wav`).channels);
  }
  await releasePageArrays(page);
  return outputs;
}

/** The largest sample difference between two renders of the same channels. */
export function largestDifference(a: readonly Float32Array[], b: readonly Float32Array[]): number {
  let largest = 0;
  for (let c = 0; c < a.length; c++) {
    for (let n = 0; n < a[c]!.length; n++) largest = Math.max(largest, Math.abs(a[c]![n]! - b[c]![n]!));
  }
  return largest;
}
