/** Longest scene name kept (file systems limit names to about 255 bytes; formats are appended). */
const MAX_SCENE_NAME_CHARS = 120;

/**
 * A scene's name from its file: the base name without ".json" ("scenes/My mix.json" ->
 * "My mix"), with characters that file names cannot hold replaced by "_"; "scene" when
 * nothing is left.
 */
export function sceneNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return safeSceneName(base.replace(/\.json$/i, ''));
}

/** `name` made safe for a download's file name (see sceneNameFromFile). */
export function safeSceneName(name: string): string {
  const cleaned = name
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .trim()
    .slice(0, MAX_SCENE_NAME_CHARS);
  return cleaned === '' || /^\.+$/.test(cleaned) ? 'scene' : cleaned;
}
