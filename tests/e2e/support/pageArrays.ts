import type { Page } from 'playwright-core';

/**
 * Moving large Float32Arrays from the page to the test. The page keeps them in
 * `globalThis.__e2eArrays`; the test pulls them in slices of CHUNK_FRAMES, each sent as
 * base64 of the raw little-endian bytes, so the values arrive bit for bit (JSON numbers
 * would be slower and several times larger) and no single message is huge.
 */
export interface PageArrays {
  __e2eArrays?: Float32Array[];
}

/** 256 Ki floats = 1 MiB per page.evaluate call. */
export const CHUNK_FRAMES = 1 << 18;

/** Lengths of the arrays the page holds in `globalThis.__e2eArrays`. */
export async function pageArrayLengths(page: Page): Promise<number[]> {
  return page.evaluate(() => ((globalThis as PageArrays).__e2eArrays ?? []).map((array) => array.length));
}

/** Copies `globalThis.__e2eArrays[index]` out of the page. */
export async function readPageArray(page: Page, index: number): Promise<Float32Array> {
  const [length] = await page.evaluate((i) => [(globalThis as PageArrays).__e2eArrays?.[i]?.length ?? -1], index);
  if (length === undefined || length < 0) throw new Error(`the page holds no array ${index}`);
  const out = new Float32Array(length);
  const bytes = new Uint8Array(out.buffer);
  for (let start = 0; start < length; start += CHUNK_FRAMES) {
    const end = Math.min(length, start + CHUNK_FRAMES);
    const base64 = await page.evaluate(
      ({ i, from, to }) => {
        const array = (globalThis as PageArrays).__e2eArrays![i]!;
        const chunk = new Uint8Array(array.buffer, array.byteOffset + from * 4, (to - from) * 4);
        let binary = '';
        for (let at = 0; at < chunk.length; at += 0x8000) {
          binary += String.fromCharCode(...chunk.subarray(at, at + 0x8000));
        }
        return btoa(binary);
      },
      { i: index, from: start, to: end },
    );
    const decoded = Buffer.from(base64, 'base64');
    if (decoded.length !== (end - start) * 4) throw new Error(`chunk at ${start} arrived with ${decoded.length} bytes`);
    bytes.set(decoded, start * 4);
  }
  return out;
}

/** Frees the page's copies. */
export async function releasePageArrays(page: Page): Promise<void> {
  await page.evaluate(() => {
    delete (globalThis as PageArrays).__e2eArrays;
  });
}

/**
 * Copies `byteLength` bytes that the page holds as `globalThis.__e2eArrays[index]`, a
 * Float32Array over a copy of them padded to a multiple of 4 bytes.
 */
export async function readPageBytes(page: Page, index: number, byteLength: number): Promise<Uint8Array> {
  const array = await readPageArray(page, index);
  return new Uint8Array(array.buffer, 0, byteLength);
}
