import { FieldError } from '../core/fieldError';
import { MAX_ITD_SEC } from '../core/hrtfSet';
import type { HrtfSet } from '../core/hrtfSet';
import type { MeasuredHrirSet } from '../core/measuredHrirSet';
import { createHrtfGrid } from '../dsp/hrtf/hrtfGrid';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { prepareHrtfSet } from '../dsp/hrtf/prepareHrtfSet';
import type { PrepareHrtfOptions } from '../dsp/hrtf/prepareHrtfSet';
import { readSofaFile } from './readSofaInWorker';
import type { SofaReadOptions } from './readSofaInWorker';

/** A SOFA file's measurements, the set prepared from them and its triangulation. */
export interface PreparedSofaFile {
  readonly measured: MeasuredHrirSet;
  readonly set: HrtfSet;
  readonly grid: HrtfGrid;
}

/**
 * Reads the SOFA file at `path` in a worker thread (readSofaInWorker.ts) and prepares it
 * (prepareHrtfSet), refusing, with a FieldError naming `fileName` and the field, a set
 * whose ITDs the binaural filters cannot hold or whose directions cannot be triangulated.
 */
export async function prepareSofaFile(path: string, fileName: string, options: PrepareHrtfOptions & SofaReadOptions = {}): Promise<PreparedSofaFile> {
  const measured = await readSofaFile(path, fileName, options);
  const set = prepareHrtfSet(measured, options);
  for (let d = 0; d < set.directionCount; d++) {
    const itdSec = set.itdSec[d]!;
    if (Math.abs(itdSec) > MAX_ITD_SEC) {
      throw new FieldError(
        fileName,
        `Data.IR[${d}]`,
        `expected an interaural time difference within +-${MAX_ITD_SEC * 1000} ms (the ears' onsets), got ${(itdSec * 1000).toFixed(3)} ms`,
      );
    }
  }
  return { measured, set, grid: createHrtfGridNaming(set, fileName, 'SourcePosition') };
}

/** createHrtfGrid, its refusal of directions it cannot triangulate becoming a FieldError naming the file and `field`. */
export function createHrtfGridNaming(set: HrtfSet, fileName: string, field: string): HrtfGrid {
  try {
    return createHrtfGrid(set);
  } catch (error) {
    throw new FieldError(fileName, field, `expected directions around the listener that cover the sphere (${error instanceof Error ? error.message : String(error)})`);
  }
}
