import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { FieldError, describeValue } from '../core/fieldError';

/**
 * Where a scene's stem files may be, and how they are read.
 *
 * The rule: a stem path is relative to the scene file's folder and stays inside it. It may
 * not be absolute (`/x`, `\x`, `C:x`) and may not climb out of the folder with `..`
 * (`a/../b.wav` is fine, `../b.wav` is not); `/` and `\` both separate folders, as in the
 * studio. A scene is a file anyone can send, so it must not make the command line read
 * other files of the user's (`../../.ssh/id_rsa`). Links inside the folder are followed:
 * the user made them.
 *
 * Reading: the file must be a regular file (not a device such as /dev/zero, a pipe or a
 * folder), checked before it is opened and again on the open file, and at most
 * MAX_STEM_FILE_BYTES long, checked before a byte is read.
 */

/**
 * The largest stem file read: 2 GiB - 1, the most Node reads into one buffer (a 24-bit
 * stereo WAV at 48 kHz of 2 hours 4 minutes). Larger RF64 stems would need a streaming
 * decoder, which the studio does not have.
 */
export const MAX_STEM_FILE_BYTES = 2 ** 31 - 1;

/** The stem file `file` of the scene at `scenePath`, by the rule above; a FieldError naming the scene and `fieldPath` when it breaks it. */
export function resolveStemPath(scenePath: string, file: string, fieldPath: string): string {
  const refuse = (why: string): never => {
    throw new FieldError(scenePath, fieldPath, `expected a path relative to the scene's folder and inside it, got ${describeValue(file)} (${why})`);
  };
  if (file.includes('\0')) refuse('it holds a NUL character');
  if (/^[\\/]/.test(file) || /^[A-Za-z]:/.test(file)) refuse('an absolute path');
  const segments: string[] = [];
  for (const segment of file.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) refuse('it leaves the folder with ".."');
  }
  if (segments.length === 0) refuse('it names the folder itself');
  return path.join(path.dirname(scenePath), ...segments);
}

/**
 * Reads a file named by the user or a scene: a regular file of at most `maxBytes`, else
 * an Error starting with `describe` ("cannot read the <what> (ENOENT)", "not a regular
 * file...") that says what the file is; nothing of its content is echoed.
 */
export async function readRegularFile(file: string, describe: string, what: string, maxBytes: number): Promise<Uint8Array> {
  const cannot = (error: unknown): Error => new Error(`${describe}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  const check = (stats: FileStats): void => {
    if (!stats.isFile()) {
      throw new FileKindError(`${describe}: not a regular file but ${stats.isDirectory() ? 'a folder' : 'a device, pipe or socket'} (expected the ${what})`);
    }
    if (stats.size > maxBytes) throw new FileKindError(`${describe}: ${stats.size} bytes, more than the ${maxBytes} bytes the ${what} may have`);
  };
  let handle;
  try {
    // Before opening: opening a pipe blocks until someone writes to it.
    check(await stat(file));
    handle = await open(file, 'r');
  } catch (error) {
    throw error instanceof FileKindError ? error : cannot(error);
  }
  try {
    const stats = await handle.stat();
    check(stats);
    const bytes = new Uint8Array(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    throw error instanceof FileKindError ? error : cannot(error);
  } finally {
    await handle.close();
  }
}

class FileKindError extends Error {}

interface FileStats {
  isFile(): boolean;
  isDirectory(): boolean;
  readonly size: number;
}
