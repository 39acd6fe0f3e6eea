/**
 * The audio of one channel's analysis frame, kept as two halves of `hop` samples: at a hop
 * of half the frame, each frame is the previous frame's newer half followed by a new
 * half, so finishing a frame only swaps the halves' roles instead of moving samples.
 * Samples are kept as Float32 (what the renderer and the decoders deliver, so nothing is
 * lost, and copied in natively) and windowed into a Float64 frame for the transform.
 */
export interface HalfFrames {
  older: Float32Array;
  newer: Float32Array;
}

/** Two halves of silence. */
export function createHalfFrames(hop: number): HalfFrames {
  return { older: new Float32Array(hop), newer: new Float32Array(hop) };
}

/** Copies source[from .. from + count) into the newer half at `at`. */
export function appendToHalfFrames(frames: HalfFrames, source: Float32Array, from: number, at: number, count: number): void {
  frames.newer.set(source.subarray(from, from + count), at);
}

/** Silence in the newer half from `at` on (the end of the programme). */
export function silenceHalfFramesFrom(frames: HalfFrames, at: number): void {
  frames.newer.fill(0, at);
}

/** The newer half becomes the older; the next samples overwrite the former older half. */
export function advanceHalfFrames(frames: HalfFrames): void {
  const older = frames.older;
  frames.older = frames.newer;
  frames.newer = older;
}

/**
 * out[n] = frame[n] window[n] over the frame [older, newer]; false when the frame is all
 * zeros. Allocation-free.
 */
export function windowHalfFrames(frames: HalfFrames, window: Float64Array, out: Float64Array): boolean {
  const { older, newer } = frames;
  const hop = older.length;
  let sound = false;
  for (let n = 0; n < hop; n++) {
    const x = older[n]!;
    if (x !== 0) sound = true;
    out[n] = x * window[n]!;
  }
  for (let n = 0; n < hop; n++) {
    const x = newer[n]!;
    if (x !== 0) sound = true;
    out[hop + n] = x * window[hop + n]!;
  }
  return sound;
}
