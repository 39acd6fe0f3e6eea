import type { OutputFile } from '../../core/outputs/renderedOutput';
import type { StudioOutputId } from '../../core/outputs/studioOutputs';
import type { PcmSampleFormat } from '../../core/pcm';
import type { StudioStore } from '../../state/studioStore';

/**
 * With sources soloed, what the export renders: 'as-soloed' (like the scene: only the
 * soloed sources) or 'full-mix' (every source that is not muted; the scene keeps its solos).
 */
export type SoloChoice = 'as-soloed' | 'full-mix';

/** What the Export dialog asks for. */
export interface ExportSettings {
  /** The studio's outputs (binaural, stereo, mono) and any other the monitor offers: a layout, it on headphones, a downmix (core/outputs/monitorOutputs.ts). */
  readonly outputIds: readonly (StudioOutputId | string)[];
  /** Also (or only) the ADM BWF master, `<scene>.adm.wav` (always 24-bit, 48 kHz). */
  readonly admMaster: boolean;
  readonly sampleFormat: PcmSampleFormat;
  readonly solos: SoloChoice;
}

/**
 * The store's exportMix (and exportAdmMaster) for the dialog's settings: the files are
 * named after the scene, and the solo choice becomes the engine's ignoreSolos option, so
 * the scene itself is never edited for an export. With both, the WAV outputs take the
 * first 90 % of the progress and the master the rest.
 */
export async function exportWithSettings(
  store: StudioStore,
  settings: ExportSettings,
  run: { readonly onProgress: (fraction: number) => void; readonly signal: AbortSignal },
): Promise<OutputFile[]> {
  const { outputIds, sampleFormat, solos, admMaster } = settings;
  const ignoreSolos = solos === 'full-mix';
  const request = { outputIds, sampleFormat, baseName: store.getState().sceneName };
  const share = admMaster ? 0.9 : 1;
  const files = outputIds.length === 0 ? [] : await store.getState().exportMix(request, { ...run, onProgress: (f) => run.onProgress(f * share), ignoreSolos });
  if (!admMaster) return files;
  const master = await store.getState().exportAdmMaster({ signal: run.signal, ignoreSolos, onProgress: (f) => run.onProgress(share + f * (1 - share)) });
  return [...files, master];
}
