import { FieldError, describeValue } from '../../core/fieldError';
import { parseSceneJson } from '../../core/scene/sceneParse';
import { AUTOSAVE_FORMAT, AUTOSAVE_SOURCE_NAME, AUTOSAVE_VERSION } from './autosaveRecord';
import type { StudioSession } from './autosaveRecord';
import { sessionViewOf } from './sessionView';
import { rememberStemKey } from './stemKeys';

type Fail = (path: string, expected: string, found: unknown) => never;

const fail: Fail = (path, expected, found) => {
  throw new FieldError(AUTOSAVE_SOURCE_NAME, path, `expected ${expected}, got ${describeValue(found)}`);
};

/**
 * The session in a stored record and the stem files stored beside it (by stem key).
 * Reads version 3 (with the view), 2 (stems referred to by key) and 1 (stem files
 * inline, written before stems were stored apart). A view that is not as written is left
 * out: the session opens with the default view. Throws a FieldError naming "autosaved session", the
 * field and what was wrong for anything else. A version 2 stem whose file is not stored
 * is left out, so the source shows as missing (relinkable) and the scene is not lost.
 * Each restored stem Blob is remembered under its key (stemKeys), so saving the session
 * again does not rewrite it.
 */
export function sessionFromAutosave(value: unknown, stems: ReadonlyMap<string, unknown>): StudioSession {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('', 'a record', value);
  const record = value as Record<string, unknown>;
  if (record['format'] !== AUTOSAVE_FORMAT) fail('format', `"${AUTOSAVE_FORMAT}"`, record['format']);
  const version = record['version'];
  if (version !== 1 && version !== 2 && version !== AUTOSAVE_VERSION) fail('version', `1 to ${AUTOSAVE_VERSION}`, version);
  const sceneName = record['sceneName'];
  if (typeof sceneName !== 'string' || sceneName === '') return fail('sceneName', 'a non-empty string', sceneName);
  const sceneJson = record['sceneJson'];
  if (typeof sceneJson !== 'string') return fail('sceneJson', 'scene JSON text', sceneJson);
  const stemFiles = version === 1 ? inlineStemFiles(record['stemFiles']) : storedStemFiles(record['stems'], stems);
  const { scene } = parseSceneJson(sceneJson, `${AUTOSAVE_SOURCE_NAME} (scene)`);
  const view = sessionViewOf(record['view']);
  return view === undefined ? { scene, sceneName, stemFiles } : { scene, sceneName, stemFiles, view };
}

/** Version 1: `stemFiles: [{ fileName, blob }]`. */
function inlineStemFiles(entries: unknown): Map<string, Blob> {
  const stemFiles = new Map<string, Blob>();
  for (const [path, entry] of listEntries('stemFiles', entries)) {
    const fileName = fileNameOf(path, entry);
    const { blob } = entry;
    if (!(blob instanceof Blob)) return fail(`${path}.blob`, 'a Blob', blob);
    stemFiles.set(fileName, blob);
  }
  return stemFiles;
}

/** Version 2: `stems: [{ fileName, stemKey }]`, the bytes in `stored` under stemKey. */
function storedStemFiles(entries: unknown, stored: ReadonlyMap<string, unknown>): Map<string, Blob> {
  const stemFiles = new Map<string, Blob>();
  for (const [path, entry] of listEntries('stems', entries)) {
    const fileName = fileNameOf(path, entry);
    const { stemKey } = entry;
    if (typeof stemKey !== 'string' || stemKey === '') return fail(`${path}.stemKey`, 'a non-empty string', stemKey);
    const blob = stored.get(stemKey);
    if (blob === undefined) continue;
    if (!(blob instanceof Blob)) return fail(`stem file "${stemKey}"`, 'a Blob', blob);
    rememberStemKey(blob, stemKey);
    stemFiles.set(fileName, blob);
  }
  return stemFiles;
}

function listEntries(field: string, entries: unknown): [string, Record<string, unknown>][] {
  if (!Array.isArray(entries)) return fail(field, 'an array', entries);
  return entries.map((entry: unknown, index) => {
    const path = `${field}[${index}]`;
    if (typeof entry !== 'object' || entry === null) return fail(path, 'an object', entry);
    return [path, entry as Record<string, unknown>];
  });
}

function fileNameOf(path: string, entry: Record<string, unknown>): string {
  const { fileName } = entry;
  if (typeof fileName !== 'string' || fileName === '') return fail(`${path}.fileName`, 'a non-empty string', fileName);
  return fileName;
}
