import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudioStore } from '../../state/studioStore';
import { downloadBlob } from '../files/download';
import { exportWithSettings } from './exportSettings';
import type { ExportSettings } from './exportSettings';

export type ExportPhase = 'idle' | 'rendering' | 'done' | 'cancelled' | 'failed';

/** One written file, for the report. */
export interface ExportedFile {
  readonly outputId: string;
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
  start(settings: ExportSettings): void;
  cancel(): void;
}

/**
 * Runs an export: the store's exportMix for the dialog's settings (exportSettings.ts: the
 * outputs rendered offline and encoded, one WAV per output, with progress and an
 * AbortController), then downloads each file. Unmounting cancels.
 */
export function useMixExport(store: StudioStore): MixExport {
  const [phase, setPhase] = useState<ExportPhase>('idle');
  const [progress, setProgress] = useState(0);
  const [files, setFiles] = useState<readonly ExportedFile[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (settings: ExportSettings) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setPhase('rendering');
      setProgress(0);
      setFiles([]);
      setMessage(null);
      const run = async (): Promise<void> => {
        try {
          const built = await exportWithSettings(store, settings, { onProgress: setProgress, signal: abort.signal });
          if (abort.signal.aborted) return;
          for (const file of built) downloadBlob(file.fileName, new Blob([file.bytes], { type: 'audio/wav' }));
          setFiles(built.map(({ outputId, fileName, peakDbfs, clips }) => ({ outputId, fileName, peakDbfs, clips })));
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
