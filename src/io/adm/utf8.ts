/**
 * Strict UTF-8 (RFC 3629) for the `axml` chunk: io has no TextDecoder (no DOM, no Node
 * types). Overlong forms, surrogates, code points above U+10FFFF and cut sequences are
 * refused with the byte offset.
 */

/** The text of `bytes`, or a description of the first invalid sequence. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: string } {
  const parts: string[] = [];
  let codes: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const first = bytes[i]!;
    let code: number;
    let length: number;
    if (first < 0x80) [code, length] = [first, 1];
    else if (first >= 0xc2 && first <= 0xdf) [code, length] = [first & 0x1f, 2];
    else if (first >= 0xe0 && first <= 0xef) [code, length] = [first & 0x0f, 3];
    else if (first >= 0xf0 && first <= 0xf4) [code, length] = [first & 0x07, 4];
    else return { error: `byte 0x${first.toString(16).padStart(2, '0')} at offset ${i} starts no UTF-8 character` };
    if (i + length > bytes.length) return { error: `UTF-8 character cut short at offset ${i}` };
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return { error: `invalid UTF-8 continuation byte at offset ${i + k}` };
      code = (code << 6) | (next & 0x3f);
    }
    const minimum = length === 3 ? 0x800 : length === 4 ? 0x10000 : 0;
    if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return { error: `invalid UTF-8 sequence at offset ${i}` };
    codes.push(code);
    if (codes.length >= 8192) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
    i += length;
  }
  parts.push(String.fromCodePoint(...codes));
  return { text: parts.join('') };
}

/** The UTF-8 bytes of `text` (lone surrogates become U+FFFD). */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return Uint8Array.from(out);
}
