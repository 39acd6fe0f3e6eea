import type { StudioStore } from '../../state/studioStore';
import { sortDroppedFiles } from './droppedFiles';

/**
 * Opens a scene file: reads it as text and hands it to the store (which refuses a bad one,
 * changing nothing), once the open session is saved or the user agreed to lose its unsaved
 * work. Resolves false when the file was not opened.
 */
export async function openSceneFile(store: StudioStore, file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    store.getState().showError(`${file.name}: the file could not be read (${error instanceof Error ? error.message : String(error)})`);
    return false;
  }
  let opened = false;
  await store.getState().replaceOpenSession('Open scene', () => {
    opened = store.getState().openScene(text, file.name);
  });
  return opened;
}

/**
 * Opens an ADM BWF master as a new session (its objects, beds and timelines, its tracks as
 * stems: the command line's importer), once the open session is saved or the user agreed
 * to lose its unsaved work. A file the importer refuses shows its message and changes
 * nothing. Resolves false when the file was not opened.
 */
export async function openMasterFile(store: StudioStore, file: File): Promise<boolean> {
  const master = await store.getState().importMaster(file, file.name);
  if (master === null) return false;
  let opened = false;
  await store.getState().replaceOpenSession('Open master', () => {
    opened = store.getState().openMaster(master);
  });
  return opened;
}

/**
 * Files dropped on the page (or added as stems): an ADM BWF master (a WAV with axml and
 * chna) or a .json file is opened first, as a new session or as the scene, so the stems
 * join what was opened (when it is not opened, the stems are not added either); other
 * audio files become sources or beds; anything else is named in an error.
 */
export async function openDroppedFiles(store: StudioStore, files: readonly File[]): Promise<void> {
  const sorted = sortDroppedFiles(files);
  const isMaster = await Promise.all(sorted.stems.map((file) => store.getState().isAdmMaster(file)));
  const masters = sorted.stems.filter((_, i) => isMaster[i]);
  const stems = sorted.stems.filter((_, i) => !isMaster[i]);
  const [master, ...otherMasters] = masters;
  const scene = master === undefined ? sorted.scenes[0] : undefined;
  const opened = master !== undefined ? await openMasterFile(store, master) : scene === undefined || (await openSceneFile(store, scene));
  if (opened && stems.length > 0) await store.getState().addStemFiles(stems);
  const ignored = [...sorted.others, ...otherMasters, ...sorted.scenes.slice(master === undefined ? 1 : 0)];
  if (ignored.length > 0) {
    const names = ignored.map((f) => f.name).join(', ');
    store.getState().showError(`Not opened: ${names} (drop WAV, FLAC or MP3 stems, and one scene .json file or one ADM BWF master)`);
  }
}
