import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './commandLine';

/**
 * Creates the output folder `folder` and the parents it lacks, one level at a time, and
 * refuses with a UsageError naming it when it cannot: a parent that is a file, or a place
 * where nothing can be made (under /proc, Node's mkdir({ recursive: true }) retries
 * forever on Linux).
 */
export async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  for (;;) {
    let isFolder: boolean;
    try {
      isFolder = (await stat(current)).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(current);
      if ((code === 'ENOENT' || code === 'ENOTDIR') && parent !== current) {
        missing.push(current);
        current = parent;
        continue;
      }
      throw new UsageError(`${folder}: cannot create the output folder (${code ?? String(error)} at ${current})`);
    }
    if (!isFolder) throw new UsageError(`${folder}: cannot create the output folder: ${current} is a file, not a folder`);
    break;
  }
  for (const missingFolder of missing.reverse()) {
    try {
      await mkdir(missingFolder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && (await stat(missingFolder)).isDirectory()) continue;
      throw new UsageError(`${folder}: cannot create the output folder (${code ?? String(error)} at ${missingFolder})`);
    }
  }
}
