import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';

/** Requests to the preparation worker, which does the heavy work off both the UI and the audio thread. */
export type PreparationRequest =
  | { readonly id: number; readonly kind: 'hrtf'; readonly bytes: ArrayBuffer; readonly fileName: string; readonly sampleRateHz: number }
  | { readonly id: number; readonly kind: 'generate'; readonly generator: string; readonly sampleRateHz: number }
  | { readonly id: number; readonly kind: 'decode'; readonly bytes: ArrayBuffer; readonly fileName: string; readonly sampleRateHz: number };

export type PreparationResult =
  | { readonly id: number; readonly kind: 'hrtf'; readonly grid: HrtfGrid }
  | { readonly id: number; readonly kind: 'stem'; readonly channels: Float32Array[]; readonly channelMask?: number; readonly warnings?: readonly string[] }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
