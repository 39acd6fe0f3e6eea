import { readFile } from 'node:fs/promises';
import { createHrtfGridNaming } from '../../../src/cli/prepareSofaFile';
import { readSofaInWorker } from '../../../src/cli/readSofaInWorker';
import { MAX_ITD_SEC } from '../../../src/core/hrtfSet';
import type { HrtfSet } from '../../../src/core/hrtfSet';
import { isReadableSampleRate } from '../../../src/core/pcm';
import { decodeHrtfFile, encodeHrtfFile } from '../../../src/io/hrtfFile';
import { MAX_SOFA_IR_LENGTH, MAX_SOFA_MEASUREMENTS, MIN_SOFA_MEASUREMENTS } from '../../../src/io/sofaLimits';
import { validSofaParts, writeSofa } from '../../unit/io/sofaWriter';
import type { SofaParts } from '../../unit/io/sofaWriter';
import { mutateBytes } from '../byteMutations';
import type { FuzzTarget } from '../fuzzCampaign';
import { mutateSofaData } from '../sofaMutations';

/** Usable samples: finite, as the renderer needs them. */
function checkFinite(name: string, samples: Float32Array, fileName: string): void {
  for (let i = 0; i < samples.length; i++) if (!Number.isFinite(samples[i]!)) throw new Error(`${fileName}: non-finite ${name} sample read`);
}

/** The valid small file with cartesian source positions (x front, y left, z up) and per-measurement delays. */
function cartesianParts(): SofaParts {
  const parts = validSofaParts();
  return {
    ...parts,
    variables: {
      ...parts.variables,
      SourcePosition: { values: Float64Array.of(1, 0, 0, 0, 1, 0, -1, 0, 0, 0, -1, 0), shape: [4, 3], attributes: { Type: 'cartesian', Units: 'metre' } },
      'Data.Delay': { values: Float64Array.of(2, 3, 2, 2, 3, 2, 2, 2), shape: [4, 2] },
    },
  };
}

/**
 * AES69 SOFA through the command line's path: io's reader in a worker thread, bounded in
 * time and memory (readSofaInWorker.ts). Half the inputs are byte mutations (HDF5
 * structure), half data-level ones (sofaMutations.ts: the reader's own checks).
 */
export const sofaTarget: FuzzTarget = {
  parser: 'SOFA',
  seeds: async () => [
    { fileName: 'small.sofa', bytes: await writeSofa(validSofaParts()) },
    { fileName: 'cartesian.sofa', bytes: await writeSofa(cartesianParts()) },
  ],
  mutate: (bytes, random) => (random() < 0.5 ? mutateBytes(bytes, random, 2048) : mutateSofaData(random)),
  read: async (bytes, fileName) => {
    const set = await readSofaInWorker(bytes, fileName);
    if (!isReadableSampleRate(set.sampleRateHz)) throw new Error(`${fileName}: read at an unusable rate of ${set.sampleRateHz} Hz`);
    if (set.directionCount < MIN_SOFA_MEASUREMENTS || set.directionCount > MAX_SOFA_MEASUREMENTS) throw new Error(`${fileName}: read ${set.directionCount} measurements`);
    if (set.irLength < 1 || set.irLength > MAX_SOFA_IR_LENGTH) throw new Error(`${fileName}: read IRs of ${set.irLength} samples`);
    if (set.left.length !== set.directionCount * set.irLength || set.right.length !== set.left.length) throw new Error(`${fileName}: IR arrays of the wrong length read`);
    checkFinite('left', set.left, fileName);
    checkFinite('right', set.right, fileName);
  },
};

/** Six directions (the octahedron's vertices) of 32 taps at 48 kHz: a small set that triangulates. */
function octahedronSet(): HrtfSet {
  const directions: [number, number][] = [[0, 0], [90, 0], [180, 0], [-90, 0], [0, 90], [0, -90]];
  const length = 32;
  return {
    name: 'octahedron',
    sampleRateHz: 48000,
    directionCount: directions.length,
    hrirLength: length,
    azimuthDeg: Float64Array.from(directions, ([azimuth]) => azimuth),
    elevationDeg: Float64Array.from(directions, ([, elevation]) => elevation),
    itdSec: Float64Array.from(directions, ([azimuth]) => 6.5e-4 * Math.sin((azimuth * Math.PI) / 180)),
    left: Float32Array.from({ length: directions.length * length }, (_, i) => Math.exp(-(i % length) / 4)),
    right: Float32Array.from({ length: directions.length * length }, (_, i) => 0.5 * Math.exp(-(i % length) / 4)),
  };
}

/**
 * The studio's .hrtf format as the command line loads it: decoded (io/hrtfFile.ts) and
 * triangulated for interpolation, refusals naming the file. Seeds: a small set, and the
 * shipped set's header and first directions (its whole 1.2 MB would make each input slow).
 */
export const hrtfFileTarget: FuzzTarget = {
  parser: '.hrtf',
  seeds: async () => {
    const shipped = decodeHrtfFile(new Uint8Array(await readFile(new URL('../../../hrtf/mit-kemar-normal-pinna.hrtf', import.meta.url))), 'shipped.hrtf');
    const kept = 24;
    const head: HrtfSet = {
      ...shipped,
      directionCount: kept,
      azimuthDeg: shipped.azimuthDeg.slice(0, kept),
      elevationDeg: shipped.elevationDeg.slice(0, kept),
      itdSec: shipped.itdSec.slice(0, kept),
      left: shipped.left.slice(0, kept * shipped.hrirLength),
      right: shipped.right.slice(0, kept * shipped.hrirLength),
    };
    return [
      { fileName: 'octahedron.hrtf', bytes: encodeHrtfFile(octahedronSet(), 'a test set') },
      { fileName: 'kemar-head.hrtf', bytes: encodeHrtfFile(head, shipped.provenance) },
    ];
  },
  mutate: (bytes, random) => mutateBytes(bytes, random, 512),
  read: async (bytes, fileName) => {
    const set = decodeHrtfFile(bytes, fileName);
    if (!isReadableSampleRate(set.sampleRateHz)) throw new Error(`${fileName}: read at an unusable rate of ${set.sampleRateHz} Hz`);
    for (const itdSec of set.itdSec) if (!(Math.abs(itdSec) <= MAX_ITD_SEC)) throw new Error(`${fileName}: read an ITD of ${itdSec} s`);
    checkFinite('left', set.left, fileName);
    checkFinite('right', set.right, fileName);
    createHrtfGridNaming(set, fileName, 'azimuthDeg');
  },
};
