import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { resampleHrtfSet } from '../dsp/hrtf/resampleHrtfSet';
import { decodeHrtfFile } from '../io/hrtfFile';
import { createHrtfGridNaming, prepareSofaFile } from './prepareSofaFile';

/** The HRTF set shipped with the studio (see hrtf/README.md). */
const DEFAULT_HRTF_PATH = fileURLToPath(new URL('../../hrtf/mit-kemar-normal-pinna.hrtf', import.meta.url));

/**
 * Loads an HRTF set for rendering at `sampleRateHz`: the shipped set by default, or the
 * user's file — an AES69 SOFA file (read in a worker thread and prepared: ITD,
 * diffuse-field EQ, minimum phase; prepareSofaFile.ts) or the studio's own .hrtf
 * format — and triangulates it for interpolation.
 */
export async function loadHrtfGrid(hrtfPath: string | undefined, sampleRateHz: number): Promise<HrtfGrid> {
  const file = hrtfPath ?? DEFAULT_HRTF_PATH;
  if (/\.sofa$/i.test(file)) return (await prepareSofaFile(file, file, { sampleRateHz })).grid;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    throw new Error(`${file}: cannot read the HRTF file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const set = decodeHrtfFile(bytes, file);
  return createHrtfGridNaming(set.sampleRateHz === sampleRateHz ? set : resampleHrtfSet(set, sampleRateHz), file, 'azimuthDeg');
}
