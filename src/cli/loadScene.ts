import { generateDemoStem, isDemoStemName, DEMO_STEM_NAMES } from '../../scenes/generators/index';
import type { DemoStemName } from '../../scenes/generators/index';
import { FieldError } from '../core/fieldError';
import { parseSceneJson } from '../core/scene/sceneParse';
import type { ParsedScene } from '../core/scene/sceneParse';
import type { Scene } from '../core/scene/scene';
import { decodeAudioFile } from '../io/decodeAudioFile';
import { prepareStem } from '../render/prepareStem';
import { MAX_STEM_FILE_BYTES, readRegularFile, resolveStemPath } from './stemFiles';
import { shownText } from './terminalText';

/** The largest scene file read: a scene of 512 sources is under 1 MB; the rest is room for fields of newer versions. */
export const MAX_SCENE_FILE_BYTES = 64 * 2 ** 20;

/** Reads and validates a scene file; errors name the file as the user gave it. */
export async function loadSceneFile(scenePath: string): Promise<ParsedScene> {
  const bytes = await readRegularFile(scenePath, scenePath, 'scene file', MAX_SCENE_FILE_BYTES);
  return parseSceneJson(new TextDecoder().decode(bytes), scenePath);
}

/**
 * The audio files a scene's stems name, resolved as loadStems reads them (relative to the
 * scene file, inside its folder: stemFiles.ts), each with what it is. Throws a FieldError
 * naming the scene and the field for a path that breaks the rule.
 */
export function stemFilePaths(scene: Scene, scenePath: string): { file: string; what: string }[] {
  return scene.sources.flatMap((source, index) =>
    source.stem.kind === 'file'
      ? [{ file: resolveStemPath(scenePath, source.stem.file, `sources[${index}].stem.file`), what: `the stem of source "${shownText(source.name)}"` }]
      : [],
  );
}

/**
 * Loads every source's stem at the scene's rate: audio files relative to the scene file
 * (stemFiles.ts), generators from scenes/generators, each generator made once and shared
 * by the sources that name it. Errors name the source and the file; what a decoder warns
 * about (a WAV cut short...) goes to `warn`, one line each.
 */
export async function loadStems(scene: Scene, scenePath: string, warn: (line: string) => void = () => {}): Promise<Float32Array[][]> {
  const generated = new Map<DemoStemName, Float32Array[]>();
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
        const stemChannels = generated.get(stem.generator) ?? generateDemoStem(stem.generator, scene.sampleRateHz);
        generated.set(stem.generator, stemChannels);
        return stemChannels;
      }
      const file = resolveStemPath(scenePath, stem.file, `sources[${index}].stem.file`);
      const describe = `source "${shownText(source.name)}" (sources[${index}]), stem ${file}`;
      const bytes = await readRegularFile(file, describe, 'file', MAX_STEM_FILE_BYTES);
      let audio;
      try {
        audio = await decodeAudioFile(bytes, file);
      } catch (error) {
        throw new Error(`${describe}: ${(error as Error).message}`);
      }
      for (const warning of audio.warnings ?? []) warn(`${describe}: ${warning}`);
      return prepareStem(audio, scene.sampleRateHz, describe);
    }),
  );
}
