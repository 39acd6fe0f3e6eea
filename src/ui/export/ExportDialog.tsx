import { useMemo, useState } from 'react';
import { STUDIO_OUTPUT_IDS } from '../../core/outputs/studioOutputs';
import type { StudioOutputId } from '../../core/outputs/studioOutputs';
import type { PcmSampleFormat } from '../../core/pcm';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { ExportLayouts } from './ExportLayouts';
import { ExportRadio } from './ExportRadio';
import { ExportResults, SAMPLE_FORMAT_LABELS } from './ExportResults';
import { ExportScopeNotes } from './ExportScopeNotes';
import type { SoloChoice } from './exportSettings';
import { defaultLayoutExports, layoutExportGroups, outputIdsOf } from './layoutExports';
import { useMixExport } from './useMixExport';
import type { ExportPhase } from './useMixExport';

export interface ExportDialogProps {
  readonly onClose: () => void;
}

const FORMAT_LABELS: Readonly<Record<StudioOutputId, string>> = {
  binaural: 'Binaural (headphones)',
  stereo: 'Stereo fold-down',
  mono: 'Mono fold-down',
};

const BIT_DEPTHS: readonly { sampleFormat: PcmSampleFormat; testId: string; hint: string }[] = [
  { sampleFormat: 'pcm24', testId: 'export-bits-24', hint: '' },
  { sampleFormat: 'pcm16', testId: 'export-bits-16', hint: 'TPDF dither' },
  { sampleFormat: 'float32', testId: 'export-bits-32f', hint: 'keeps overs' },
];

/**
 * Export settings and progress: which outputs (the studio's, loudspeaker layouts with
 * their headphone renderings and downmixes, the ADM BWF master), which bit depth,
 * what the export will and will not contain (solos to keep or ignore, monitor-only
 * settings named, what the master bakes), Start and Cancel. Renders the whole session
 * offline and downloads `<scene>.<output id>.wav` for each output (`demo.7.1.4.wav`, as the
 * command line names it) and `<scene>.adm.wav`.
 */
export function ExportDialog({ onClose }: ExportDialogProps) {
  const store = useStudioStoreApi();
  const exporter = useMixExport(store);
  const [formats, setFormats] = useState<readonly StudioOutputId[]>(STUDIO_OUTPUT_IDS);
  const room = useStudioStore((s) => s.monitor.room?.layout ?? null);
  const groups = useMemo(() => layoutExportGroups(room), [room]);
  const [layoutIds, setLayoutIds] = useState<readonly string[]>(() => defaultLayoutExports(store.getState().monitor.outputId, groups));
  // A room unloaded while the dialog is open takes its outputs with it.
  const offered = layoutIds.filter((id) => groups.some((group) => outputIdsOf(group).includes(id)));
  const [admMaster, setAdmMaster] = useState(false);
  const [sampleFormat, setSampleFormat] = useState<PcmSampleFormat>('pcm24');
  const [reportedFormat, setReportedFormat] = useState<PcmSampleFormat>('pcm24');
  const [solos, setSolos] = useState<SoloChoice>('as-soloed');
  const rendering = exporter.phase === 'rendering';
  const percent = Math.round(exporter.progress * 100);

  const toggleFormat = (format: StudioOutputId): void =>
    setFormats((current) => (current.includes(format) ? current.filter((f) => f !== format) : [...current, format]));
  const start = (): void => {
    setReportedFormat(sampleFormat);
    exporter.start({ outputIds: [...formats, ...offered], sampleFormat, solos, admMaster });
  };

  return (
    <div className="export-dialog" role="dialog" aria-label="Export" data-testid="export-dialog">
      <fieldset className="export-group" disabled={rendering}>
        <legend>Formats</legend>
        {STUDIO_OUTPUT_IDS.map((format) => (
          <label key={format} className="export-option">
            <input type="checkbox" data-testid={`export-format-${format}`} checked={formats.includes(format)} onChange={() => toggleFormat(format)} />
            {FORMAT_LABELS[format]}
          </label>
        ))}
        <label className="export-option">
          <input type="checkbox" data-testid="export-format-adm" checked={admMaster} onChange={() => setAdmMaster((on) => !on)} />
          ADM BWF master (objects, beds and HOA stems, 48 kHz, 24-bit)
        </label>
      </fieldset>
      <ExportLayouts groups={groups} chosen={offered} onChosen={setLayoutIds} disabled={rendering} />
      <fieldset className="export-group" disabled={rendering}>
        <legend>Bit depth</legend>
        {BIT_DEPTHS.map((depth) => (
          <ExportRadio
            key={depth.sampleFormat}
            name="export-bit-depth"
            testId={depth.testId}
            checked={sampleFormat === depth.sampleFormat}
            onSelect={() => setSampleFormat(depth.sampleFormat)}
            label={SAMPLE_FORMAT_LABELS[depth.sampleFormat]}
            hint={depth.hint}
          />
        ))}
      </fieldset>
      <ExportScopeNotes solos={solos} onSolos={setSolos} disabled={rendering} admMaster={admMaster} layoutIds={offered} />
      <div
        className="export-progress"
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="export-progress"
      >
        <div className="export-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="export-status" data-testid="export-status" role="status">
        {statusText(exporter.phase, percent, exporter.message)}
      </p>
      {exporter.phase === 'done' && <ExportResults files={exporter.files} sampleFormat={reportedFormat} />}
      <div className="export-actions">
        {rendering ? (
          <button type="button" className="bar-button" data-testid="export-cancel" onClick={exporter.cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="bar-button bar-button-primary" data-testid="export-start" disabled={formats.length === 0 && offered.length === 0 && !admMaster} onClick={start}>
            Start
          </button>
        )}
        <button type="button" className="bar-button bar-button-quiet" data-testid="export-close" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function statusText(phase: ExportPhase, percent: number, message: string | null): string {
  switch (phase) {
    case 'rendering':
      return `Rendering… ${percent}%`;
    case 'done':
      return 'Done: the files were downloaded.';
    case 'cancelled':
      return 'Export cancelled.';
    case 'failed':
      return `Export failed: ${message ?? 'unknown error'}`;
    default:
      return 'Renders the whole session offline, with the same renderer you hear.';
  }
}
