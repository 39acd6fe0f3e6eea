/**
 * The audio of one channel's current analysis frame. Successive frames overlap by
 * frameSize - hop samples: finishing a frame moves that overlap to the front (a quarter of
 * the frame at the analyser's hop of 3/4) and the next hop of input fills the rest.
 * Samples are kept as Float32 (what the renderer and the decoders deliver, so nothing is
 * lost, and copied in natively) and windowed into a Float64 frame for the transform. How
 * much of the frame is filled is the caller's (the same for every channel it feeds).
 */
export interface FrameBuffer {
  readonly samples: Float32Array;
}

/** A frame of silence. */
export function createFrameBuffer(frameSize: number): FrameBuffer {
  return { samples: new Float32Array(frameSize) };
}

/** Copies source[from .. from + count) into the frame at `at`. */
export function appendToFrame(frame: FrameBuffer, source: Float32Array, from: number, at: number, count: number): void {
  frame.samples.set(source.subarray(from, from + count), at);
}

/** Silence in the frame from `at` on (the end of the programme). */
export function silenceFrameFrom(frame: FrameBuffer, at: number): void {
  frame.samples.fill(0, at);
}

/** Starts the next frame, `hop` samples later: its first frameSize - hop samples are this one's last. */
export function advanceFrame(frame: FrameBuffer, hop: number): void {
  frame.samples.copyWithin(0, hop);
}

/** out[n] = frame[n] window[n]; false when the frame is all zeros. Allocation-free. */
export function windowFrame(frame: FrameBuffer, window: Float64Array, out: Float64Array): boolean {
  const samples = frame.samples;
  let sound = false;
  for (let n = 0; n < samples.length; n++) {
    const x = samples[n]!;
    if (x !== 0) sound = true;
    out[n] = x * window[n]!;
  }
  return sound;
}
