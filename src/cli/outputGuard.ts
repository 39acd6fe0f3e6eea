import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './commandLine';

/** A file the command reads, and what it is, for the message that refuses to write over it. */
export interface CommandInputFile {
  readonly file: string;
  readonly what: string;
}

/**
 * Checks, before anything is written, that no file the command is about to write is one
 * it reads (the same file by its real path, whatever the spelling or link), that no two
 * outputs are the same file, and that none exists already unless `force` (--force).
 * Throws a UsageError naming the file and why: the user's files are never written over by
 * mistake.
 */
export async function checkOutputFiles(outputs: readonly string[], inputs: readonly CommandInputFile[], force: boolean): Promise<void> {
  const inputsByPath = new Map<string, string>();
  for (const input of inputs) inputsByPath.set(await canonicalPath(input.file), input.what);
  const seen = new Map<string, string>();
  const existing: string[] = [];
  for (const output of outputs) {
    const canonical = await canonicalPath(output);
    const input = inputsByPath.get(canonical);
    if (input !== undefined) throw new UsageError(`${output}: refusing to write over ${input}; choose another output path`);
    const twice = seen.get(canonical);
    if (twice !== undefined) throw new UsageError(`${output}: ${twice} and ${output} are the same file; give them different paths`);
    seen.set(canonical, output);
    if (await exists(output)) existing.push(output);
  }
  if (existing.length > 0 && !force) {
    throw new UsageError(`${existing.join(', ')} ${existing.length === 1 ? 'exists' : 'exist'} already; add --force to overwrite, or choose another output path`);
  }
}

/** The file's real path: links and '..' resolved; for a file that does not exist yet, its folder's real path (as far as it exists) and its name. */
async function canonicalPath(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await realpath(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(await canonicalPath(parent), path.basename(absolute));
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
