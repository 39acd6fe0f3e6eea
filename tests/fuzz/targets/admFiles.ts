import { readFile } from 'node:fs/promises';
import { admToScene } from '../../../src/adm/admToScene';
import { parseSceneJson } from '../../../src/core/scene/sceneParse';
import { serializeScene } from '../../../src/core/scene/sceneWrite';
import { readAdmBwf } from '../../../src/io/adm/admBwfRead';
import { summarizeAdmBwf } from '../../../src/io/adm/admSummary';
import { isAdmBwfChunks, riffChunkIds } from '../../../src/io/riffChunkIds';
import { FieldError } from '../../../src/core/fieldError';
import { mutateBytes } from '../byteMutations';
import type { FuzzSeed, FuzzTarget } from '../fuzzCampaign';

/** Small sample files of three kinds: common-definition stereo beds, Objects and DirectSpeakers, nested packs. */
const SEED_FILES = ['bmx__adm_1.wav', 'ear__test_bwf.wav', 'eps__nesting5-1ao_with_1pf_with_2cf.wav'];

/** Pieces of ADM XML and of XML's pitfalls that the text mutations insert. */
const TOKENS = [
  '<', '>', '&', '&amp;', '&#0;', '&#x110000;', '&e;', '"', "'", '=', ']]>', '<![CDATA[', '<!-- ', '<?pi ',
  '<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]>', '<!ENTITY e "x">',
  '</audioObject>', '<audioObject audioObjectID="AO_1001">', '<audioPackFormatIDRef>AP_00010002</audioPackFormatIDRef>',
  '<audioTrackUIDRef>ATU_00000009</audioTrackUIDRef>', '<audioChannelFormatIDRef>AC_00031001</audioChannelFormatIDRef>',
  '<audioPackFormatIDRef>AP_00031001</audioPackFormatIDRef>', '<position coordinate="X">2</position>', '<cartesian>1</cartesian>',
  '<jumpPosition interpolationLength="-1">1</jumpPosition>', '<order>99</order>', 'NaN', '-1e309', '1e308', '00:00:99.0', '\u0000', '\uFFFF', '\uD800',
  '<x>'.repeat(200), '<x/>'.repeat(2000),
];

/** The `axml` chunk's text, and where its body sits. */
function axmlOf(bytes: Uint8Array): { start: number; end: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= bytes.length; ) {
    const size = view.getUint32(at + 4, true);
    if (String.fromCharCode(...bytes.subarray(at, at + 4)) === 'axml') return { start: at + 8, end: Math.min(bytes.length, at + 8 + size) };
    at += 8 + size + (size % 2);
  }
  return undefined;
}

/** The file with its axml body replaced by `text` (chunk and RIFF sizes fixed, pad byte kept). */
function withAxml(bytes: Uint8Array, text: string): Uint8Array {
  const axml = axmlOf(bytes)!;
  const body = new TextEncoder().encode(text);
  const tail = bytes.subarray(axml.end + ((axml.end - axml.start) % 2));
  const out = new Uint8Array(axml.start + body.length + (body.length % 2) + tail.length);
  out.set(bytes.subarray(0, axml.start));
  out.set(body, axml.start);
  out.set(tail, axml.start + body.length + (body.length % 2));
  const view = new DataView(out.buffer);
  view.setUint32(axml.start - 4, body.length, true);
  view.setUint32(4, out.length - 8, true);
  return out;
}

/** One text mutation of the axml: a token inserted, a span dropped or repeated, a digit changed, or an ID swapped. */
function mutateAxml(bytes: Uint8Array, random: () => number): Uint8Array {
  const axml = axmlOf(bytes);
  if (axml === undefined) return mutateBytes(bytes, random);
  let text = new TextDecoder().decode(bytes.subarray(axml.start, axml.end));
  const at = (limit: number): number => Math.floor(random() * limit);
  for (let n = 1 + at(3); n > 0; n--) {
    const position = at(text.length + 1);
    switch (at(5)) {
      case 0:
        text = text.slice(0, position) + TOKENS[at(TOKENS.length)]! + text.slice(position);
        break;
      case 1:
        text = text.slice(0, position) + text.slice(position + 1 + at(200));
        break;
      case 2: {
        const span = text.slice(position, position + 1 + at(400));
        text = text.slice(0, position) + span.repeat(1 + at(4)) + text.slice(position);
        break;
      }
      case 3: {
        const digit = text.slice(position).search(/\d/);
        if (digit >= 0) text = text.slice(0, position + digit) + String(at(10)) + text.slice(position + digit + 1);
        break;
      }
      default: {
        const ids = text.match(/A[A-Z]{0,2}_[0-9a-fA-F_]+/g) ?? [];
        if (ids.length >= 2) text = text.replace(ids[at(ids.length)]!, ids[at(ids.length)]!);
      }
    }
  }
  return withAxml(bytes, text);
}

/** Reads as the importer does, then checks what was read holds together. */
async function readAdm(bytes: Uint8Array, fileName: string): Promise<void> {
  const bwf = readAdmBwf(bytes, fileName);
  const channelCount = bwf.audio.channels.length;
  for (const track of bwf.tracks) {
    if (!(track.channel >= 0 && track.channel < channelCount)) throw new Error(`${fileName}: a track on channel ${track.channel} of ${channelCount}`);
    if (bwf.lookup.channelFormat(track.channelFormatId) === undefined) throw new Error(`${fileName}: a track with an unknown channel format`);
  }
  summarizeAdmBwf(bwf);
}

/** ADM BWF: the WAV container's bytes and the axml text, mutated. */
export const admBwfTarget: FuzzTarget = {
  parser: 'ADM BWF',
  seeds: async (): Promise<FuzzSeed[]> =>
    Promise.all(SEED_FILES.map(async (fileName) => ({ fileName, bytes: new Uint8Array(await readFile(new URL(`../../fixtures/adm/${fileName}`, import.meta.url))) }))),
  mutate: (bytes, random) => (random() < 0.3 ? mutateBytes(bytes, random) : mutateAxml(bytes, random)),
  read: readAdm,
};

/**
 * ADM BWF imported as a scene (scene:from-adm's conversion): what the reader accepts
 * becomes a scene the scene reader accepts, or is refused naming the file (HOA...).
 */
export const admSceneTarget: FuzzTarget = {
  parser: 'ADM BWF to scene',
  seeds: admBwfTarget.seeds,
  mutate: admBwfTarget.mutate,
  read: async (bytes, fileName) => {
    const { scene } = admToScene(readAdmBwf(bytes, fileName), fileName, 'stems');
    // Not named as the input: a scene the conversion returns and the reader refuses is a failure.
    parseSceneJson(serializeScene(scene), 'the imported scene');
  },
};

/**
 * The chunk-header walk the studio runs on a dropped or added WAV to tell an ADM master
 * (io/riffChunkIds.ts): any bytes give a list of at most 256 ids, read only inside the
 * file and never before its start; a file whose list lacks axml or chna is refused as a
 * master (the studio takes it as a stem), naming the file. Any other throw is a failure.
 */
export const wavChunkIdsTarget: FuzzTarget = {
  parser: 'WAV chunk headers (ADM detection)',
  seeds: admBwfTarget.seeds,
  mutate: (bytes, random) => mutateBytes(bytes, random),
  read: async (bytes, fileName) => {
    const ids = await riffChunkIds(bytes.length, async (offset, length) => {
      if (!(Number.isSafeInteger(offset) && offset >= 0 && length > 0 && length <= 16)) throw new Error(`read of ${length} bytes at ${offset}`);
      return bytes.subarray(offset, offset + length);
    });
    if (ids.length > 256 || ids.some((id) => id.length !== 4)) throw new Error(`unexpected chunk list of ${ids.length} ids`);
    if (!isAdmBwfChunks(ids)) throw new FieldError(fileName, '', `not an ADM BWF master (chunks ${ids.join(', ') || 'none'}; expected axml and chna)`);
  },
};
