/**
 * A whole-sample delay line for one channel processed in blocks: out[n] = in[n - delayFrames],
 * silence before the first input. A ring of delayFrames samples, so any block length works.
 * Allocation-free after creation.
 */
export interface BlockDelay {
  readonly delayFrames: number;
  /** The last delayFrames inputs; `head` is the oldest. */
  readonly ring: Float32Array;
  head: number;
}

export function createBlockDelay(delayFrames: number): BlockDelay {
  if (!Number.isInteger(delayFrames) || delayFrames < 0) throw new RangeError(`a block delay takes a whole number of frames >= 0, got ${delayFrames}`);
  return { delayFrames, ring: new Float32Array(delayFrames), head: 0 };
}

/** Delays `frames` samples of `input` into `output` (they may be the same array). */
export function processBlockDelay(delay: BlockDelay, input: Float32Array, output: Float32Array, frames: number): void {
  const { ring, delayFrames } = delay;
  if (delayFrames === 0) {
    if (output !== input) output.set(input.subarray(0, frames));
    return;
  }
  let head = delay.head;
  for (let i = 0; i < frames; i++) {
    const x = input[i]!;
    output[i] = ring[head]!;
    ring[head] = x;
    head = head + 1 === delayFrames ? 0 : head + 1;
  }
  delay.head = head;
}

/** Silences the line (a seek). */
export function resetBlockDelay(delay: BlockDelay): void {
  delay.ring.fill(0);
  delay.head = 0;
}
