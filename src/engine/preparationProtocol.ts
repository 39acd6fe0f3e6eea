import type { Scene } from '../core/scene/scene';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import type { AdmMasterBytes, ImportedMasterFiles } from './admMasterWork';

/** Requests to the preparation worker, which does the heavy work off both the UI and the audio thread. */
export type PreparationRequest =
  | { readonly id: number; readonly kind: 'hrtf'; readonly bytes: ArrayBuffer; readonly fileName: string; readonly sampleRateHz: number }
  | { readonly id: number; readonly kind: 'generate'; readonly generator: string; readonly sampleRateHz: number }
  | { readonly id: number; readonly kind: 'decode'; readonly bytes: ArrayBuffer; readonly fileName: string; readonly sampleRateHz: number }
  /** An ADM BWF file to import as a scene and its stems (admMasterWork.ts). */
  | { readonly id: number; readonly kind: 'admImport'; readonly bytes: ArrayBuffer; readonly fileName: string }
  /** A scene (with its stems: sources, then beds) to render as an ADM BWF master. */
  | { readonly id: number; readonly kind: 'admMaster'; readonly scene: Scene; readonly stems: readonly (readonly Float32Array[])[]; readonly sceneName: string };

export type PreparationResult =
  | { readonly id: number; readonly kind: 'hrtf'; readonly grid: HrtfGrid }
  | { readonly id: number; readonly kind: 'stem'; readonly channels: Float32Array[]; readonly channelMask?: number; readonly warnings?: readonly string[] }
  | ({ readonly id: number; readonly kind: 'admImport' } & ImportedMasterFiles)
  | ({ readonly id: number; readonly kind: 'admMaster' } & AdmMasterBytes)
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
