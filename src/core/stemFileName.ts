/**
 * The key a scene's stem path is known by among the files a user gave the studio (dropped,
 * picked or relinked, and kept by autosave): its last path segment, so "stems/kick.wav"
 * and "stems\\kick.wav" both name "kick.wav".
 */
export function stemFileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
