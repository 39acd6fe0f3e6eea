import type { MonitorFormat, MonitorMonoLaw } from '../../engine/audioEngine';
import type { MidSideSolo } from '../../state/metersSlice';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';

export interface MonitorSelectorProps {
  readonly className?: string;
}

const FORMATS: readonly { format: MonitorFormat; label: string; title: string }[] = [
  { format: 'binaural', label: 'Binaural', title: 'Headphones: binaural render (HRTF)' },
  { format: 'stereo', label: 'Stereo', title: 'Stereo fold-down (ITU-R BS.2127 to 0+2+0)' },
  { format: 'mono', label: 'Mono', title: 'Mono fold-down (L + R) with the chosen law' },
];

const MID_SIDE_SOLOS: readonly { mode: MidSideSolo; label: string; testId: string; title: string }[] = [
  { mode: 'mid', label: 'M', testId: 'monitor-solo-mid', title: 'Solo the mid: both channels play (L + R)/2' },
  { mode: 'side', label: 'S', testId: 'monitor-solo-side', title: 'Solo the side: both channels play (L - R)/2' },
];

const LAWS: readonly { law: MonitorMonoLaw; label: string; testId: string }[] = [
  { law: '-3dB', label: '-3 dB', testId: 'monitor-law-3' },
  { law: '-6dB', label: '-6 dB', testId: 'monitor-law-6' },
];

/** What the engineer hears: binaural, stereo or mono (with the mono law), and the mid or side alone. */
export function MonitorSelector({ className = '' }: MonitorSelectorProps) {
  const store = useStudioStoreApi();
  const format = useStudioStore((s) => s.monitor.format);
  const monoLaw = useStudioStore((s) => s.monitor.monoLaw);
  const midSideSolo = useStudioStore((s) => s.monitorSolo.midSide);

  return (
    <div className={`monitor ${className}`}>
      <span className="visually-hidden" id="monitor-label">
        Monitor
      </span>
      <div className="segmented" role="group" aria-labelledby="monitor-label">
        {FORMATS.map((f) => (
          <button
            key={f.format}
            type="button"
            className="segment"
            data-testid={`monitor-${f.format}`}
            aria-pressed={format === f.format}
            title={f.title}
            onClick={() => store.getState().setMonitorFormat(f.format)}
          >
            {f.label}
          </button>
        ))}
      </div>
      <div className={`segmented small ${format === 'mono' ? '' : 'is-inactive'}`} role="group" aria-label="Mono law">
        {LAWS.map((l) => (
          <button
            key={l.law}
            type="button"
            className="segment"
            data-testid={l.testId}
            aria-pressed={monoLaw === l.law}
            title={`Mono fold-down law: (L + R) at ${l.label}`}
            onClick={() => store.getState().setMonoLaw(l.law)}
          >
            {l.label}
          </button>
        ))}
      </div>
      <div className="segmented small" role="group" aria-label="Mid/side solo">
        {MID_SIDE_SOLOS.map((m) => (
          <button
            key={m.mode}
            type="button"
            className="segment"
            data-testid={m.testId}
            aria-pressed={midSideSolo === m.mode}
            title={m.title}
            onClick={() => store.getState().setMidSideSolo(midSideSolo === m.mode ? 'stereo' : m.mode)}
          >
            {m.label}
          </button>
        ))}
      </div>
    </div>
  );
}
