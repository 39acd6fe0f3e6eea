import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import type { StudioOutputId } from '../../core/outputs/studioOutputs';
import type { MonitorSettings } from '../../engine/audioEngine';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';

/** What the engineer listens to: one of the studio's outputs (binaural, stereo, or the mono downmix with its law). */
export interface MonitorSlice {
  readonly monitor: MonitorSettings;
  setMonitorOutput(outputId: StudioOutputId): void;
  setMonoLaw(monoLaw: MonoLaw): void;
}

const DEFAULT_MONITOR: MonitorSettings = { outputId: 'binaural', monoLaw: DEFAULT_MONO_LAW };

export function createMonitorSlice(set: SetStudioState, get: GetStudioState, context: StudioContext): MonitorSlice {
  const apply = (monitor: MonitorSettings): void => {
    const current = get().monitor;
    if (current.outputId === monitor.outputId && current.monoLaw === monitor.monoLaw) return;
    set({ monitor });
    context.engine?.setMonitor(monitor);
  };
  return {
    monitor: DEFAULT_MONITOR,
    setMonitorOutput(outputId) {
      apply({ ...get().monitor, outputId });
    },
    setMonoLaw(monoLaw) {
      apply({ ...get().monitor, monoLaw });
    },
  };
}
