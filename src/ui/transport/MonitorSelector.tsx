import type { MonoLaw } from '../../core/monoLaw';
import { isStudioOutputId } from '../../core/outputs/studioOutputs';
import type { StudioOutputId } from '../../core/outputs/studioOutputs';
import { outputUsesDownmixLevels } from '../../core/outputs/downmixLevelSettings';
import { DownmixLevelsControl } from './DownmixLevelsControl';
import { LayoutMonitorSelect } from './LayoutMonitorSelect';
import type { MidSideSolo } from '../../state/slices/metersSlice';
import { useStudioStore, useStudioStoreApi } from '../../state/StudioStoreProvider';
import { SegmentedControl } from '../controls/SegmentedControl';
import type { Segment } from '../controls/SegmentedControl';

export interface MonitorSelectorProps {
  readonly className?: string;
}

const OUTPUTS: readonly Segment<StudioOutputId>[] = [
  { value: 'binaural', label: 'Binaural', title: 'Headphones: binaural render (HRTF)', testId: 'monitor-binaural' },
  { value: 'stereo', label: 'Stereo', title: 'Stereo fold-down (ITU-R BS.2127 to 0+2+0)', testId: 'monitor-stereo' },
  { value: 'mono', label: 'Mono', title: 'Mono fold-down (L + R) with the chosen law', testId: 'monitor-mono' },
];

const MID_SIDE_SOLOS: readonly Segment<MidSideSolo>[] = [
  { value: 'mid', label: 'M', testId: 'monitor-solo-mid', title: 'Solo the mid: both channels play (L + R)/2' },
  { value: 'side', label: 'S', testId: 'monitor-solo-side', title: 'Solo the side: both channels play (L - R)/2' },
];

const LAWS: readonly Segment<MonoLaw>[] = [
  { value: '-3dB', label: '-3 dB', testId: 'monitor-law-3', title: 'Mono fold-down law: (L + R) at -3 dB' },
  { value: '-6dB', label: '-6 dB', testId: 'monitor-law-6', title: 'Mono fold-down law: (L + R) at -6 dB' },
];

/** What the engineer hears: binaural, stereo or mono (with the mono law), a loudspeaker layout, and the mid or side alone. */
export function MonitorSelector({ className = '' }: MonitorSelectorProps) {
  const store = useStudioStoreApi();
  const outputId = useStudioStore((s) => s.monitor.outputId);
  const monoLaw = useStudioStore((s) => s.monitor.monoLaw);
  const midSideSolo = useStudioStore((s) => s.monitorSolo.midSide);

  return (
    <div className={`monitor ${className}`}>
      <span className="visually-hidden" id="monitor-label">
        Monitor
      </span>
      <SegmentedControl
        segments={OUTPUTS}
        selected={isStudioOutputId(outputId) ? outputId : null}
        labelledBy="monitor-label"
        onSelect={(id) => store.getState().setMonitorOutput(id)}
      />
      <LayoutMonitorSelect />
      {outputUsesDownmixLevels(outputId) && (
        <details className="downmix-levels-popover" data-testid="monitor-downmix-levels">
          <summary title="Downmix levels: centre and surround of the Lo/Ro and Lt/Rt downmixes (heard now, and in exported downmixes)">Levels</summary>
          <DownmixLevelsControl testIdPrefix="monitor-downmix" />
        </details>
      )}
      <SegmentedControl
        segments={LAWS}
        selected={monoLaw}
        label="Mono law"
        className={`small ${outputId === 'mono' ? '' : 'is-inactive'}`}
        onSelect={(law) => store.getState().setMonoLaw(law)}
      />
      <SegmentedControl
        segments={MID_SIDE_SOLOS}
        selected={midSideSolo === 'stereo' ? null : midSideSolo}
        label="Mid/side solo"
        className="small"
        onSelect={(mode) => store.getState().setMidSideSolo(midSideSolo === mode ? 'stereo' : mode)}
      />
    </div>
  );
}
