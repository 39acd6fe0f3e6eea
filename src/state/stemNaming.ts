/**
 * Names for dropped stem files: the source's display name and id, and the key the file is
 * kept under in the session's stem files (the file name, made unique when another file
 * already has it).
 */

const AUDIO_EXTENSION = /\.[^./\\]+$/;

/** "Kick Drum.wav" -> "Kick Drum" (never empty). */
export function sourceNameFromFile(fileName: string): string {
  const name = fileName.replace(AUDIO_EXTENSION, '').trim();
  return name === '' ? fileName : name;
}

/** An id from a display name, lower-case letters, digits and dashes ("Kick Drum 2" -> "kick-drum-2"), unique among `taken`. */
export function uniqueSourceId(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'stem';
  return uniqueName(base, taken, (n) => `${base}-${n}`);
}

/**
 * The key to keep `file` under: its name when free or when the file there is the same
 * one (same size), else "name (2).ext", "name (3).ext", ...
 */
export function stemFileKey(fileName: string, file: Blob, files: ReadonlyMap<string, Blob>): string {
  const existing = files.get(fileName);
  if (existing === undefined || existing === file || existing.size === file.size) return fileName;
  const extension = AUDIO_EXTENSION.exec(fileName)?.[0] ?? '';
  const stem = fileName.slice(0, fileName.length - extension.length);
  const keys = new Set(files.keys());
  return uniqueName(fileName, keys, (n) => `${stem} (${n})${extension}`);
}

function uniqueName(first: string, taken: ReadonlySet<string>, numbered: (n: number) => string): string {
  if (!taken.has(first)) return first;
  for (let n = 2; ; n++) {
    const candidate = numbered(n);
    if (!taken.has(candidate)) return candidate;
  }
}
