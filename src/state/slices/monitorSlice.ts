import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import { deviceRefusal, isMonitorOutputId, monitorOutput } from '../../core/outputs/monitorOutputs';
import { monitoredSpeakers } from '../../core/outputs/monitoredSpeakers';
import type { DeviceRefusal } from '../../core/outputs/monitorOutputs';
import type { MonitorSettings } from '../../engine/audioEngine';
import type { StageSpeakerGains } from '../stageSpeakerGains';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';

/**
 * What the engineer listens to: one of the monitor's choices (core/outputs/monitorOutputs.ts:
 * binaural, stereo, mono with its law, a layout, a layout on headphones, a layout's
 * downmix), and one of its loudspeakers alone. Monitor-only: never in the scene, the undo
 * history or an export.
 */
export interface MonitorSlice {
  readonly monitor: MonitorSettings;
  /** Why the last choice was not taken (a layout wider than the device), or null. */
  readonly monitorRefusal: DeviceRefusal | null;
  /** The monitored loudspeaker heard alone, by label, or null for all. */
  readonly speakerSolo: string | null;
  /** The selected source's gain in each monitored loudspeaker (the engine computes them: stageSpeakerGains.ts), or null. */
  readonly stageGains: StageSpeakerGains | null;
  /** Selects a monitor choice; a layout with more channels than the device is refused (monitorRefusal) and the monitor kept. */
  setMonitorOutput(outputId: string): void;
  setMonoLaw(monoLaw: MonoLaw): void;
  dismissMonitorRefusal(): void;
  setSpeakerSolo(label: string | null): void;
}

const DEFAULT_MONITOR: MonitorSettings = { outputId: 'binaural', monoLaw: DEFAULT_MONO_LAW };

export function createMonitorSlice(set: SetStudioState, get: GetStudioState, context: StudioContext): MonitorSlice {
  const apply = (monitor: MonitorSettings): void => {
    const current = get().monitor;
    if (current.outputId === monitor.outputId && current.monoLaw === monitor.monoLaw) return;
    set({ monitor, monitorRefusal: null });
    if (context.engine?.setMonitor(monitor) === true) context.reloadEngine();
    // A solo of a loudspeaker the new monitor does not have would hide its own off switch.
    const solo = get().speakerSolo;
    const speakers = monitoredSpeakers(monitorOutput(monitor.outputId, monitor.monoLaw))?.speakers ?? [];
    if (solo !== null && !speakers.some((speaker) => speaker.label === solo)) get().setSpeakerSolo(null);
  };
  return {
    monitor: DEFAULT_MONITOR,
    monitorRefusal: null,
    speakerSolo: null,
    stageGains: null,
    setMonitorOutput(outputId) {
      if (!isMonitorOutputId(outputId)) throw new RangeError(`monitor: unknown output "${outputId}"`);
      const deviceChannels = context.engine?.outputChannelCount() ?? 2;
      const refusal = deviceRefusal(monitorOutput(outputId, get().monitor.monoLaw), deviceChannels);
      if (refusal !== null) {
        set({ monitorRefusal: refusal });
        return;
      }
      apply({ ...get().monitor, outputId });
    },
    setMonoLaw(monoLaw) {
      apply({ ...get().monitor, monoLaw });
    },
    dismissMonitorRefusal() {
      set({ monitorRefusal: null });
    },
    setSpeakerSolo(label) {
      if (get().speakerSolo === label) return;
      set({ speakerSolo: label });
      context.engine?.setSpeakerSolo(label);
    },
  };
}
