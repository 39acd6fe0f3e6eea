import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateDemoStem, isDemoStemName, DEMO_STEM_NAMES } from '../../scenes/generators/index';
import { FieldError } from '../core/fieldError';
import { parseSceneJson } from '../core/scene/sceneParse';
import type { ParsedScene } from '../core/scene/sceneParse';
import type { Scene } from '../core/scene/scene';
import { decodeAudioFile } from '../io/decodeAudioFile';
import { prepareStem } from '../render/prepareStem';

/** Reads and validates a scene file; errors name the file as the user gave it. */
export async function loadSceneFile(scenePath: string): Promise<ParsedScene> {
  let text: string;
  try {
    text = await readFile(scenePath, 'utf8');
  } catch (error) {
    throw new Error(`${scenePath}: cannot read the scene file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseSceneJson(text, scenePath);
}

/** The audio files a scene's stems name, resolved as loadStems reads them (relative to the scene file), each with what it is. */
export function stemFilePaths(scene: Scene, scenePath: string): { file: string; what: string }[] {
  const sceneDir = path.dirname(scenePath);
  return scene.sources.flatMap((source) =>
    source.stem.kind === 'file' ? [{ file: path.join(sceneDir, source.stem.file), what: `the stem of source "${source.name}"` }] : [],
  );
}

/**
 * Loads every source's stem at the scene's rate: audio files relative to the scene file,
 * generators from scenes/generators. Errors name the source and the file.
 */
export async function loadStems(scene: Scene, scenePath: string): Promise<Float32Array[][]> {
  const sceneDir = path.dirname(scenePath);
  return Promise.all(
    scene.sources.map(async (source, index) => {
      const stem = source.stem;
      if (stem.kind === 'generator') {
        if (!isDemoStemName(stem.generator)) {
          throw new FieldError(
            scenePath,
            `sources[${index}].stem.generator`,
            `expected one of ${DEMO_STEM_NAMES.join(', ')}, got "${stem.generator}"`,
          );
        }
        return generateDemoStem(stem.generator, scene.sampleRateHz);
      }
      const file = path.join(sceneDir, stem.file);
      const describe = `source "${source.name}" (sources[${index}]), stem ${file}`;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (error) {
        throw new Error(`${describe}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
      let audio;
      try {
        audio = await decodeAudioFile(bytes, file);
      } catch (error) {
        throw new Error(`${describe}: ${(error as Error).message}`);
      }
      return prepareStem(audio, scene.sampleRateHz, describe);
    }),
  );
}
