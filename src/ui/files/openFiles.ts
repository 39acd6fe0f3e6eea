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
 * Files dropped on the page: audio files become sources, a .json file is opened as the
 * scene (first, so the stems join the opened scene; when it is not opened, the stems are
 * not added either), anything else is named in an error.
 */
export async function openDroppedFiles(store: StudioStore, files: readonly File[]): Promise<void> {
  const { stems, scenes, others } = sortDroppedFiles(files);
  const scene = scenes[0];
  const opened = scene === undefined || (await openSceneFile(store, scene));
  if (opened && stems.length > 0) await store.getState().addStemFiles(stems);
  const ignored = [...others, ...scenes.slice(1)];
  if (ignored.length > 0) {
    const names = ignored.map((f) => f.name).join(', ');
    store.getState().showError(`Not opened: ${names} (drop WAV, FLAC or MP3 stems, or one scene .json file)`);
  }
}
