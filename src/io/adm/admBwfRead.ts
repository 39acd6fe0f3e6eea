/**
 * ADM Broadcast Wave files (ITU-R BS.2088 BW64, or RIFF/RF64 with the same chunks): the
 * audio (wavDecode), the `chna` chunk, the ADM document of the `axml` chunk, and which
 * file channel carries which object's DirectSpeakers, Objects or HOA channel (admTracks).
 */
import { FieldError } from '../../core/fieldError';
import type { AdmDocument, ChnaEntry } from '../../core/adm/admModel';
import type { PcmAudio } from '../../core/pcm';
import { riffChunks, riffForm } from '../riff';
import { decodeWav } from '../wavDecode';
import { admLookup } from './admLookup';
import { readChna } from './chna';
import type { AdmLookup } from './admLookup';
import { resolveTracks } from './admTracks';
import type { AdmTrackAssignment } from './admTracks';
import { readAdmXml } from './admXmlRead';
import { decodeUtf8 } from './utf8';
import { ADM_XML_LIMITS } from './xmlReader';

export interface AdmBwf {
  readonly audio: PcmAudio;
  readonly document: AdmDocument;
  readonly chna: readonly ChnaEntry[];
  readonly tracks: readonly AdmTrackAssignment[];
  /** The document's elements by ID, with the common definitions it references. */
  readonly lookup: AdmLookup;
}

/** Reads an ADM BWF file's bytes. Throws a FieldError naming `fileName` and what is wrong. */
export function readAdmBwf(bytes: Uint8Array, fileName: string): AdmBwf {
  const audio = decodeWav(bytes, fileName);
  const form = riffForm(bytes, 'WAVE')!;
  let axml: Uint8Array | undefined;
  let chnaBody: Uint8Array | undefined;
  for (const chunk of riffChunks(bytes, form, fileName)) {
    const body = (): Uint8Array => {
      if (chunk.availableSize < chunk.declaredSize) throw new FieldError(fileName, chunk.id, `chunk declares ${chunk.declaredSize} bytes but the file ends after ${chunk.availableSize}`);
      return bytes.subarray(chunk.bodyOffset, chunk.bodyOffset + chunk.declaredSize);
    };
    if (chunk.id === 'axml' && axml === undefined) axml = body();
    if (chunk.id === 'chna' && chnaBody === undefined) chnaBody = body();
  }
  if (axml === undefined) throw new FieldError(fileName, '', 'no "axml" chunk (expected ADM metadata, ITU-R BS.2076, in an ADM BWF file)');
  if (chnaBody === undefined) throw new FieldError(fileName, '', 'no "chna" chunk (expected the track list of an ADM BWF file, ITU-R BS.2088)');
  // A UTF-8 character is at most 4 bytes: bound the bytes before decoding them.
  if (axml.length > ADM_XML_LIMITS.maxChars * 4) throw new FieldError(fileName, 'axml', `chunk of ${axml.length} bytes (expected at most ${ADM_XML_LIMITS.maxChars * 4})`);
  const decoded = decodeUtf8(stripTrailingNuls(axml));
  if ('error' in decoded) throw new FieldError(fileName, 'axml', `${decoded.error} (expected UTF-8 XML)`);
  const document = withPathPrefix('axml', () => readAdmXml(decoded.text, fileName));
  const chna = readChna(chnaBody, fileName);
  const lookup = admLookup(document);
  const tracks = resolveTracks(chna, audio.channels.length, lookup, fileName);
  return { audio, document, chna, tracks, lookup };
}

/** Writers pad `axml` with NULs to reserve room for edits. */
function stripTrailingNuls(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x09)) end--;
  return bytes.subarray(0, end);
}

/** Runs `read`, putting `prefix` before the path of the FieldError it throws (e.g. `axml 12:5`). */
function withPathPrefix<T>(prefix: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FieldError) throw new FieldError(error.fileName, error.path === '' ? prefix : `${prefix} ${error.path}`, error.problem);
    throw error;
  }
}
