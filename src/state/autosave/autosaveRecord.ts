import { FieldError, describeValue } from '../../core/fieldError';
import type { Scene } from '../../core/scene';
import { parseSceneJson } from '../../core/sceneParse';
import { serializeScene } from '../../core/sceneWrite';
import type { StemFiles } from '../../engine/audioEngine';
import { referencedStemFiles } from '../missingStems';

/** What a session is, for saving and restoring: the scene, its name and its stem files. */
export interface StudioSession {
  readonly scene: Scene;
  readonly sceneName: string;
  readonly stemFiles: StemFiles;
}

export const AUTOSAVE_FORMAT = 'spatial-mix-studio/autosave';
export const AUTOSAVE_VERSION = 1;

/** The name autosave errors give as their "file". */
export const AUTOSAVE_SOURCE_NAME = 'autosaved session';

/**
 * The autosave record, version 1, as stored (structured-cloneable: IndexedDB keeps Blobs).
 * The scene is kept as its JSON text, so restoring validates it like any scene file.
 */
export interface AutosaveRecord {
  readonly format: typeof AUTOSAVE_FORMAT;
  readonly version: typeof AUTOSAVE_VERSION;
  /** When it was saved, ms since the Unix epoch. */
  readonly savedAtMs: number;
  readonly sceneName: string;
  /** serializeScene(scene). */
  readonly sceneJson: string;
  /** The stem files the scene refers to (not ones only an undo step would need). */
  readonly stemFiles: readonly { readonly fileName: string; readonly blob: Blob }[];
}

export function autosaveRecord(session: StudioSession, savedAtMs: number): AutosaveRecord {
  return {
    format: AUTOSAVE_FORMAT,
    version: AUTOSAVE_VERSION,
    savedAtMs,
    sceneName: session.sceneName,
    sceneJson: serializeScene(session.scene),
    stemFiles: [...referencedStemFiles(session.scene, session.stemFiles)].map(([fileName, blob]) => ({ fileName, blob })),
  };
}

/**
 * The session in a stored record. Throws a FieldError naming "autosaved session", the
 * field and what was wrong for anything that is not a valid version 1 record.
 */
export function sessionFromAutosave(value: unknown): StudioSession {
  const fail = (path: string, expected: string, found: unknown): never => {
    throw new FieldError(AUTOSAVE_SOURCE_NAME, path, `expected ${expected}, got ${describeValue(found)}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('', 'a record', value);
  const record = value as Record<string, unknown>;
  if (record['format'] !== AUTOSAVE_FORMAT) fail('format', `"${AUTOSAVE_FORMAT}"`, record['format']);
  if (record['version'] !== AUTOSAVE_VERSION) fail('version', String(AUTOSAVE_VERSION), record['version']);
  const sceneName = record['sceneName'];
  if (typeof sceneName !== 'string' || sceneName === '') return fail('sceneName', 'a non-empty string', sceneName);
  const sceneJson = record['sceneJson'];
  if (typeof sceneJson !== 'string') return fail('sceneJson', 'scene JSON text', sceneJson);
  const entries = record['stemFiles'];
  if (!Array.isArray(entries)) return fail('stemFiles', 'an array', entries);
  const stemFiles = new Map<string, Blob>();
  entries.forEach((entry: unknown, index) => {
    const path = `stemFiles[${index}]`;
    if (typeof entry !== 'object' || entry === null) fail(path, 'an object', entry);
    const { fileName, blob } = entry as Record<string, unknown>;
    if (typeof fileName !== 'string' || fileName === '') return fail(`${path}.fileName`, 'a non-empty string', fileName);
    if (!(blob instanceof Blob)) return fail(`${path}.blob`, 'a Blob', blob);
    stemFiles.set(fileName, blob);
  });
  const { scene } = parseSceneJson(sceneJson, `${AUTOSAVE_SOURCE_NAME} (scene)`);
  return { scene, sceneName, stemFiles };
}
