/** Extensions of the stem formats the studio decodes (WAV incl. RF64/BW64, FLAC, MP3). */
const STEM_EXTENSIONS: readonly string[] = ['wav', 'wave', 'bwf', 'bw64', 'rf64', 'flac', 'mp3'];

/** `accept` of the stem file pickers. */
export const STEM_FILE_ACCEPT = '.wav,.wave,.bwf,.rf64,.flac,.mp3,audio/wav,audio/x-wav,audio/flac,audio/mpeg';

/** `accept` of the ADM BWF master picker. */
export const MASTER_FILE_ACCEPT = '.wav,.wave,.bwf,.bw64,.rf64,audio/wav,audio/x-wav';

/** `accept` of the scene file picker. */
export const SCENE_FILE_ACCEPT = '.json,application/json';

export type DroppedFileKind = 'stem' | 'scene' | 'other';

/** What a dropped file is, by its extension or, without a known one, its MIME type. */
export function droppedFileKind(fileName: string, mimeType: string): DroppedFileKind {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension === 'json') return 'scene';
  if (STEM_EXTENSIONS.includes(extension)) return 'stem';
  if (extension === '' && mimeType.startsWith('audio/')) return 'stem';
  if (extension === '' && mimeType === 'application/json') return 'scene';
  return 'other';
}

export interface SortedDrop<T> {
  readonly stems: readonly T[];
  readonly scenes: readonly T[];
  readonly others: readonly T[];
}

/** Sorts dropped files into stems, scene files and the rest, keeping their order. */
export function sortDroppedFiles<T extends { readonly name: string; readonly type: string }>(files: readonly T[]): SortedDrop<T> {
  const sorted: { stems: T[]; scenes: T[]; others: T[] } = { stems: [], scenes: [], others: [] };
  for (const file of files) {
    const kind = droppedFileKind(file.name, file.type);
    (kind === 'stem' ? sorted.stems : kind === 'scene' ? sorted.scenes : sorted.others).push(file);
  }
  return sorted;
}
