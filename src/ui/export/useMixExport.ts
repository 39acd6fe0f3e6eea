import { useCallback, useEffect, useRef, useState } from 'react';
import type { MonitorFormat } from '../../engine/audioEngine';
import { buildExportFiles } from '../../engine/exportFiles';
import type { WavSampleFormat } from '../../io/wav';
import type { StudioStore } from '../../state/studioStore';
import { downloadBlob } from '../files/download';

export type ExportPhase = 'idle' | 'rendering' | 'done' | 'cancelled' | 'failed';

/** One written file, for the report. */
export interface ExportedFile {
  readonly format: MonitorFormat;
  readonly fileName: string;
  readonly peakDbfs: number;
  readonly clips: boolean;
}

export interface MixExport {
  readonly phase: ExportPhase;
  /** Fraction rendered, 0..1. */
  readonly progress: number;
  readonly files: readonly ExportedFile[];
  /** Why the export failed (phase 'failed'). */
  readonly message: string | null;
  start(formats: readonly MonitorFormat[], sampleFormat: WavSampleFormat): void;
  cancel(): void;
}

/**
 * Runs an export: renders the session offline (store.renderMix, with progress and an
 * AbortController), builds one WAV per format and downloads each. Unmounting cancels.
 */
export function useMixExport(store: StudioStore): MixExport {
  const [phase, setPhase] = useState<ExportPhase>('idle');
  const [progress, setProgress] = useState(0);
  const [files, setFiles] = useState<readonly ExportedFile[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (formats: readonly MonitorFormat[], sampleFormat: WavSampleFormat) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setPhase('rendering');
      setProgress(0);
      setFiles([]);
      setMessage(null);
      const run = async (): Promise<void> => {
        try {
          const mix = await store.getState().renderMix({ onProgress: setProgress, signal: abort.signal });
          if (abort.signal.aborted) return;
          const built = buildExportFiles(mix, { sceneName: store.getState().sceneName, formats, sampleFormat });
          for (const file of built) downloadBlob(file.fileName, new Blob([file.bytes], { type: 'audio/wav' }));
          setFiles(built.map(({ format, fileName, peakDbfs, clips }) => ({ format, fileName, peakDbfs, clips })));
          setProgress(1);
          setPhase('done');
        } catch (error) {
          if (abort.signal.aborted) {
            setPhase('cancelled');
            return;
          }
          setMessage(error instanceof Error ? error.message : String(error));
          setPhase('failed');
        } finally {
          if (controller.current === abort) controller.current = null;
        }
      };
      void run();
    },
    [store],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { phase, progress, files, message, start, cancel };
}
