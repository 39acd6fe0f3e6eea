import type { Scene } from '../../core/scene/scene';
import { serializeScene } from '../../core/scene/sceneWrite';
import type { MonitorSettings, StemFiles } from '../../engine/audioEngine';
import { referencedStemFiles } from '../missingStems';
import { stemKeyOf } from './stemKeys';

/** How the studio looked when the session was saved; restored with it. */
export interface SessionView {
  readonly monitor: MonitorSettings;
  readonly selectedSourceId: string | null;
  /** The side column's tab ('source', 'meters', 'mono', 'delivery'). */
  readonly sidePanel: string;
  /** Stored settings that were not as written and were set to their defaults, each naming the field and why (never stored). */
  readonly defaulted?: readonly string[];
}

/** What a session is, for saving and restoring: the scene, its name, its stem files and its view. */
export interface StudioSession {
  readonly scene: Scene;
  readonly sceneName: string;
  readonly stemFiles: StemFiles;
  /** Absent in records written before views were saved. */
  readonly view?: SessionView;
}

export const AUTOSAVE_FORMAT = 'spatial-mix-studio/autosave';
/**
 * Version 3 adds the view; version 2 (still read) refers to stem files stored beside the
 * record; version 1 (still read) held them inline.
 */
export const AUTOSAVE_VERSION = 3;

/** The name autosave errors give as their "file". */
export const AUTOSAVE_SOURCE_NAME = 'autosaved session';

/** A stem file of the session: the name the scene knows it by, and the key its bytes are stored under. */
export interface AutosaveStemRef {
  readonly fileName: string;
  readonly stemKey: string;
}

/**
 * The autosave record, version 2, as stored (structured-cloneable). The scene is kept as
 * its JSON text, so restoring validates it like any scene file.
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
  readonly stems: readonly AutosaveStemRef[];
  readonly view: SessionView;
}

/** A session ready to save: its record, and the stem files the record refers to by key. */
export interface AutosaveSnapshot {
  readonly record: AutosaveRecord;
  readonly stems: ReadonlyMap<string, Blob>;
}

export function autosaveSnapshot(session: StudioSession & { readonly view: SessionView }, savedAtMs: number): AutosaveSnapshot {
  const stems = new Map<string, Blob>();
  const refs = [...referencedStemFiles(session.scene, session.stemFiles)].map(([fileName, blob]): AutosaveStemRef => {
    const stemKey = stemKeyOf(blob);
    stems.set(stemKey, blob);
    return { fileName, stemKey };
  });
  const record: AutosaveRecord = {
    format: AUTOSAVE_FORMAT,
    version: AUTOSAVE_VERSION,
    savedAtMs,
    sceneName: session.sceneName,
    sceneJson: serializeScene(session.scene),
    stems: refs,
    view: session.view,
  };
  return { record, stems };
}
