import { DEFAULT_MONO_LAW } from '../core/monoLaw';
import type { MonoLaw } from '../core/monoLaw';
import type { MonitorFormat, MonitorSettings } from '../engine/audioEngine';
import type { GetStudioState, SetStudioState, StudioContext } from './studioContext';

/** What the engineer listens to: binaural, or the stereo or mono fold-down (with its law). */
export interface MonitorSlice {
  readonly monitor: MonitorSettings;
  setMonitorFormat(format: MonitorFormat): void;
  setMonoLaw(monoLaw: MonoLaw): void;
}

export const DEFAULT_MONITOR: MonitorSettings = { format: 'binaural', monoLaw: DEFAULT_MONO_LAW };

export function createMonitorSlice(set: SetStudioState, get: GetStudioState, context: StudioContext): MonitorSlice {
  const apply = (monitor: MonitorSettings): void => {
    const current = get().monitor;
    if (current.format === monitor.format && current.monoLaw === monitor.monoLaw) return;
    set({ monitor });
    context.engine?.setMonitor(monitor);
  };
  return {
    monitor: DEFAULT_MONITOR,
    setMonitorFormat(format) {
      apply({ ...get().monitor, format });
    },
    setMonoLaw(monoLaw) {
      apply({ ...get().monitor, monoLaw });
    },
  };
}
