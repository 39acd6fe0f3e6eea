import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createHrtfGrid } from '../dsp/hrtf/hrtfGrid';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { prepareHrtfSet } from '../dsp/hrtf/prepareHrtfSet';
import { resampleHrtfSet } from '../dsp/hrtf/resampleHrtfSet';
import type { HrtfSet } from '../core/hrtfSet';
import { decodeHrtfFile } from '../io/hrtfFile';
import { readSofaHrirs } from '../io/sofa';

/** The HRTF set shipped with the studio (see hrtf/README.md). */
const DEFAULT_HRTF_PATH = fileURLToPath(new URL('../../hrtf/mit-kemar-normal-pinna.hrtf', import.meta.url));

/**
 * Loads an HRTF set for rendering at `sampleRateHz`: the shipped set by default, or the
 * user's file — an AES69 SOFA file (prepared here: ITD, diffuse-field EQ, minimum phase)
 * or the studio's own .hrtf format — and triangulates it for interpolation.
 */
export async function loadHrtfGrid(hrtfPath: string | undefined, sampleRateHz: number): Promise<HrtfGrid> {
  const file = hrtfPath ?? DEFAULT_HRTF_PATH;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    throw new Error(`${file}: cannot read the HRTF file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const set: HrtfSet = /\.sofa$/i.test(file)
    ? prepareHrtfSet(await readSofaHrirs(bytes, file), { sampleRateHz })
    : decodeHrtfFile(bytes, file);
  return createHrtfGrid(set.sampleRateHz === sampleRateHz ? set : resampleHrtfSet(set, sampleRateHz));
}
