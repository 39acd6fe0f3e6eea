import { readFile } from 'node:fs/promises';
import { getLayout } from '../../../src/core/layouts';
import { parseUserLayoutJson } from '../../../src/core/userLayout';
import { createPointSourcePanner, pointSourceGains } from '../../../src/dsp/panners/pointSourcePanner';
import { mutateBytes } from '../byteMutations';
import type { FuzzSeed, FuzzTarget } from '../fuzzCampaign';
import { mutateJson } from '../jsonMutations';

/** A 5.1 room off nominal, and a 22.2 one at the nominal angles. */
function handMadeRooms(): FuzzSeed[] {
  const fiveOne = {
    name: 'Small room',
    baseLayout: '0+5+0',
    speakers: [
      { label: 'M+030', azimuthDeg: 30, elevationDeg: 0 },
      { label: 'M-030', azimuthDeg: -30, elevationDeg: 0 },
      { label: 'M+000', azimuthDeg: 0, elevationDeg: 0 },
      { label: 'LFE1' },
      { label: 'M+110', azimuthDeg: 118, elevationDeg: 12 },
      { label: 'M-110', azimuthDeg: -102, elevationDeg: 3 },
    ],
  };
  const twentyTwo = {
    name: '22.2',
    baseLayout: '9+10+3',
    speakers: getLayout('9+10+3').channels.map((c) => (c.isLfe ? { label: c.label } : { label: c.label, azimuthDeg: c.azimuthDeg, elevationDeg: c.elevationDeg })),
  };
  return [
    { fileName: 'rooms/small.json', bytes: new TextEncoder().encode(JSON.stringify(fiveOne, null, 2)) },
    { fileName: 'rooms/22.2.json', bytes: new TextEncoder().encode(JSON.stringify(twentyTwo)) },
  ];
}

const DIRECTIONS = [[0, 1, 0], [0, 0, 1], [0, 0, -1], [-1, 0, 0], [0.6, -0.8, 0]] as const;

/**
 * Reads a room as the studio will, then checks it is usable: one channel per base layout
 * channel, finite angles, and the point-source panner built on it gives gains of unit
 * power in a few directions.
 */
async function readRoom(bytes: Uint8Array, fileName: string): Promise<void> {
  const layout = parseUserLayoutJson(new TextDecoder().decode(bytes), fileName);
  if (layout.channels.length !== getLayout(layout.name).channels.length) throw new Error(`${fileName}: ${layout.channels.length} channels read`);
  if (layout.channels.some((c) => !c.isLfe && !(Number.isFinite(c.azimuthDeg) && Number.isFinite(c.elevationDeg)))) throw new Error(`${fileName}: an angle is not finite`);
  if (layout.name === '0+2+0') return;
  const panner = createPointSourcePanner(layout);
  const out = new Float64Array(panner.channelCount);
  for (const [x, y, z] of DIRECTIONS) {
    pointSourceGains(panner, x, y, z, out);
    const power = out.reduce((sum, g) => sum + g * g, 0);
    if (!(Math.abs(power - 1) < 1e-9)) throw new Error(`${fileName}: gains of power ${power} towards (${x}, ${y}, ${z})`);
  }
}

/** User layout JSON: the example room and hand-made ones, mutated as JSON values (most inputs) or as bytes. */
export const userLayoutJsonTarget: FuzzTarget = {
  parser: 'user layout',
  seeds: async () => [
    {
      fileName: 'tests/fixtures/layouts/studio-b-7.1.4.json',
      bytes: new Uint8Array(await readFile(new URL('../../fixtures/layouts/studio-b-7.1.4.json', import.meta.url))),
    },
    ...handMadeRooms(),
  ],
  mutate: (bytes, random) => {
    if (random() < 0.2) return mutateBytes(bytes, random);
    return new TextEncoder().encode(mutateJson(new TextDecoder().decode(bytes), random));
  },
  read: readRoom,
};
