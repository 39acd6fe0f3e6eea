/**
 * The byte mutations of the fuzz campaigns: random bytes, a 32-bit or 16-bit header field
 * set to an extreme (sizes, rates, counts), a cut end (often inside the header, where the
 * readers' fixed-offset reads are), and a span repeated or dropped (chunks out of place).
 */
export function mutateBytes(bytes: Uint8Array, random: () => number, headerBytes = 96): Uint8Array {
  const out = bytes.slice();
  const at = (limit = out.length): number => Math.floor(random() * limit);
  const header = Math.max(4, Math.min(headerBytes, out.length));
  switch (at(6)) {
    case 0:
      for (let n = 1 + at(8); n > 0; n--) out[at()] = at(256);
      return out;
    case 1: {
      const offset = 4 * at(header >> 2);
      if (offset + 4 <= out.length) new DataView(out.buffer).setUint32(offset, [0, 1, 0x7fffffff, 0xffffffff, at(2 ** 32)][at(5)]!, true);
      return out;
    }
    case 2:
      return out.subarray(0, random() < 0.5 ? at(Math.min(64, out.length)) : at());
    case 3: {
      const offset = 2 * at(header >> 1);
      if (offset + 2 <= out.length) new DataView(out.buffer).setUint16(offset, [0, 1, 0xffff, at(65536)][at(4)]!, true);
      return out;
    }
    case 4: {
      const start = at();
      const span = out.subarray(start, start + 1 + at(64));
      return Uint8Array.from([...out.subarray(0, start), ...span, ...span, ...out.subarray(start + span.length)]);
    }
    default: {
      const start = at();
      return Uint8Array.from([...out.subarray(0, start), ...out.subarray(start + 1 + at(64))]);
    }
  }
}
