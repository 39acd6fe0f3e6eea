import { generateDemoStem, isDemoStemName, DEMO_STEM_NAMES } from '../../scenes/generators/index';
import type { DemoStemName } from '../../scenes/generators/index';
import { FieldError } from '../core/fieldError';
import { parseSceneJson } from '../core/scene/sceneParse';
import type { ObjectsKey, ParsedScene } from '../core/scene/sceneParse';
import type { Scene, StemReference } from '../core/scene/scene';
import { ambisonicChannelCount } from '../core/scene/ambisonicStem';
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
export function stemFilePaths(scene: Scene, scenePath: string, objectsKey: ObjectsKey = 'objects'): { file: string; what: string }[] {
  return stemOwners(scene, objectsKey).flatMap(({ stem, path, what }) =>
    stem.kind === 'file' ? [{ file: resolveStemPath(scenePath, stem.file, `${path}.stem.file`), what: `the stem of ${what}` }] : [],
  );
}

/** Who owns each stem, in the renderer's order (the objects, the beds, then the HOA stems), with its JSON path and a name for messages. */
interface StemOwner {
  readonly stem: StemReference;
  readonly path: string;
  readonly what: string;
  /** A bed's or an HOA stem's channel count; undefined for an object (mono or stereo). */
  readonly bedChannels?: number;
  /** Why that many channels. */
  readonly why?: string;
}

function stemOwners(scene: Scene, objectsKey: ObjectsKey): StemOwner[] {
  return [
    ...scene.sources.map((source, index) => ({ stem: source.stem, path: `${objectsKey}[${index}]`, what: `source "${shownText(source.name)}"` })),
    ...(scene.beds ?? []).map((bed, index) => ({ stem: bed.stem, path: `beds[${index}]`, what: `bed "${shownText(bed.name)}"`, bedChannels: bed.channels.length })),
    ...(scene.ambisonics ?? []).map((a, index) => ({
      stem: a.stem,
      path: `ambisonics[${index}]`,
      what: `HOA stem "${shownText(a.name)}"`,
      bedChannels: ambisonicChannelCount(a.order),
      why: `(order + 1)^2 for HOA order ${a.order}`,
    })),
  ];
}

/**
 * Loads every object's stem, then every bed's, then every HOA stem's, at the scene's rate (the renderer's order): audio files relative to the scene file
 * (stemFiles.ts), generators from scenes/generators, each generator made once and shared
 * by the sources that name it. Errors name the source (under `objectsKey`, where the
 * file holds its objects: ParsedScene.objectsKey) and the file; what a decoder warns
 * about (a WAV cut short...) goes to `warn`, one line each.
 */
export async function loadStems(
  scene: Scene,
  scenePath: string,
  warn: (line: string) => void = () => {},
  objectsKey: ObjectsKey = 'objects',
): Promise<Float32Array[][]> {
  const generated = new Map<DemoStemName, Float32Array[]>();
  return Promise.all(
    stemOwners(scene, objectsKey).map(async ({ stem, path, what, bedChannels, why = 'one per bed channel label' }) => {
      if (stem.kind === 'generator') {
        if (!isDemoStemName(stem.generator)) {
          throw new FieldError(scenePath, `${path}.stem.generator`, `expected one of ${DEMO_STEM_NAMES.join(', ')}, got "${stem.generator}"`);
        }
        const stemChannels = generated.get(stem.generator) ?? generateDemoStem(stem.generator, scene.sampleRateHz);
        generated.set(stem.generator, stemChannels);
        if (bedChannels !== undefined && stemChannels.length !== bedChannels) {
          throw new FieldError(scenePath, `${path}.stem.generator`, `expected a stem of ${bedChannels} channels (${why}), got "${stem.generator}" of ${stemChannels.length}`);
        }
        return stemChannels;
      }
      const file = resolveStemPath(scenePath, stem.file, `${path}.stem.file`);
      const describe = `${what} (${path}), stem ${file}`;
      const bytes = await readRegularFile(file, describe, 'file', MAX_STEM_FILE_BYTES);
      let audio;
      try {
        audio = await decodeAudioFile(bytes, file);
      } catch (error) {
        throw new Error(`${describe}: ${(error as Error).message}`);
      }
      for (const warning of audio.warnings ?? []) warn(`${describe}: ${warning}`);
      return prepareStem(audio, scene.sampleRateHz, describe, bedChannels, why);
    }),
  );
}
