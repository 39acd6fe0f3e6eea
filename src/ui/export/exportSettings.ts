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
  readonly outputIds: readonly StudioOutputId[];
  readonly sampleFormat: PcmSampleFormat;
  readonly solos: SoloChoice;
}

/**
 * The store's exportMix for the dialog's settings: the files are named after the scene,
 * and the solo choice becomes the engine's ignoreSolos option, so the scene itself is
 * never edited for an export.
 */
export function exportWithSettings(
  store: StudioStore,
  settings: ExportSettings,
  run: { readonly onProgress: (fraction: number) => void; readonly signal: AbortSignal },
): Promise<OutputFile[]> {
  const { outputIds, sampleFormat, solos } = settings;
  const request = { outputIds, sampleFormat, baseName: store.getState().sceneName };
  return store.getState().exportMix(request, { ...run, ignoreSolos: solos === 'full-mix' });
}
