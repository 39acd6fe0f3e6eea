import type { PcmSampleFormat } from '../../core/pcm';
import type { ExportedFile } from './useMixExport';

export interface ExportResultsProps {
  readonly files: readonly ExportedFile[];
  readonly sampleFormat: PcmSampleFormat;
}

/** The files an export wrote, with each one's sample peak, and a warning for files that clip (the ADM master is always 24-bit). */
export function ExportResults({ files, sampleFormat }: ExportResultsProps) {
  return (
    <ul className="export-results" data-testid="export-results">
      {files.map((file) => (
        <li key={file.outputId} className={file.clips ? 'is-clipping' : ''} data-testid={`export-file-${file.outputId}`}>
          <span className="export-file-name">{file.fileName}</span>
          <span className="export-peak">peak {formatPeakDbfs(file.peakDbfs)}</span>
          {file.clips && (
            <span className="export-clip" role="alert" data-testid={`export-clip-${file.outputId}`}>
              {file.outputId === 'adm'
                ? 'clips in the 24-bit ADM master: lower the gains'
                : `clips in ${SAMPLE_FORMAT_LABELS[sampleFormat]}: lower the gains, or export 32-bit float`}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export const SAMPLE_FORMAT_LABELS: Readonly<Record<PcmSampleFormat, string>> = {
  pcm16: '16-bit',
  pcm24: '24-bit',
  float32: '32-bit float',
};

function formatPeakDbfs(peakDbfs: number): string {
  return Number.isFinite(peakDbfs) ? `${peakDbfs.toFixed(2)} dBFS` : 'silent';
}
