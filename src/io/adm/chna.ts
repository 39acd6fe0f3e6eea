/**
 * The `chna` chunk (ITU-R BS.2088 / EBU Tech 3285 supplement 7): u16 numTracks, u16
 * numUIDs, then numUIDs entries of 40 bytes: u16 trackIndex (1-based file channel; 0 =
 * an unused entry kept for later), char[12] audioTrackUID, char[14] audioTrackFormatID,
 * char[11] audioPackFormatID, one pad byte. IDs are ASCII, padded with NULs.
 */
import { FieldError } from '../../core/fieldError';
import type { ChnaEntry } from '../../core/adm/admModel';

const HEADER_BYTES = 4;
const ENTRY_BYTES = 40;
const FIELDS = [
  ['trackUid', 2, 12],
  ['trackFormatId', 14, 14],
  ['packFormatId', 28, 11],
] as const;

/** The used entries of a `chna` body. Throws a FieldError naming `source` for a body that does not hold its entries. */
export function readChna(body: Uint8Array, source: string): ChnaEntry[] {
  if (body.length < HEADER_BYTES) throw new FieldError(source, 'chna', `chunk of ${body.length} bytes (expected at least ${HEADER_BYTES})`);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const uidCount = view.getUint16(2, true);
  if (HEADER_BYTES + uidCount * ENTRY_BYTES > body.length) {
    throw new FieldError(source, 'chna', `numUIDs ${uidCount} needs ${HEADER_BYTES + uidCount * ENTRY_BYTES} bytes but the chunk has ${body.length}`);
  }
  const entries: ChnaEntry[] = [];
  for (let i = 0; i < uidCount; i++) {
    const at = HEADER_BYTES + i * ENTRY_BYTES;
    const trackIndex = view.getUint16(at, true);
    if (trackIndex === 0) continue;
    const text = (offset: number, length: number, what: string): string => {
      let value = '';
      for (let k = 0; k < length; k++) {
        const byte = body[at + offset + k]!;
        if (byte === 0) break;
        if (byte < 0x20 || byte > 0x7e) throw new FieldError(source, `chna entry ${i + 1}`, `${what} has byte 0x${byte.toString(16).padStart(2, '0')} (expected printable ASCII)`);
        value += String.fromCharCode(byte);
      }
      return value.trim();
    };
    const [uid, trackFormat, packFormat] = FIELDS.map(([field, offset, length]) => text(offset, length, field));
    entries.push({ trackIndex, trackUid: uid!, trackFormatId: trackFormat!, packFormatId: packFormat! });
  }
  return entries;
}

/** A `chna` body for `entries`; numTracks counts the distinct track indices. */
export function writeChna(entries: readonly ChnaEntry[]): Uint8Array {
  if (entries.length > 0xffff) throw new RangeError(`writeChna: ${entries.length} entries (expected at most 65535)`);
  const body = new Uint8Array(HEADER_BYTES + entries.length * ENTRY_BYTES);
  const view = new DataView(body.buffer);
  view.setUint16(0, new Set(entries.map((e) => e.trackIndex)).size, true);
  view.setUint16(2, entries.length, true);
  entries.forEach((entry, i) => {
    const at = HEADER_BYTES + i * ENTRY_BYTES;
    if (!Number.isInteger(entry.trackIndex) || entry.trackIndex < 1 || entry.trackIndex > 0xffff) throw new RangeError(`writeChna: track index ${entry.trackIndex} (expected 1 to 65535)`);
    view.setUint16(at, entry.trackIndex, true);
    for (const [field, offset, length] of FIELDS) {
      const value = entry[field];
      if (value.length > length || !/^[\x21-\x7e]*$/.test(value)) throw new RangeError(`writeChna: ${field} ${JSON.stringify(value)} (expected at most ${length} printable ASCII characters)`);
      for (let k = 0; k < value.length; k++) body[at + offset + k] = value.charCodeAt(k);
    }
  });
  return body;
}
