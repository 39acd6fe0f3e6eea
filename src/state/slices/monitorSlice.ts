import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import { ROOM_HEADPHONES_ID, ROOM_OUTPUT_ID, deviceRefusal, isMonitorOutputId, monitorOutput } from '../../core/outputs/monitorOutputs';
import { monitoredSpeakers } from '../../core/outputs/monitoredSpeakers';
import { DEFAULT_DOWNMIX_LEVEL_SETTINGS, readDownmixLevelSettings, sameDownmixLevels } from '../../core/outputs/downmixLevelSettings';
import type { DownmixLevelSettings } from '../../core/outputs/downmixLevelSettings';
import type { DeviceRefusal, MonitorRoom } from '../../core/outputs/monitorOutputs';
import { parseUserLayoutJson } from '../../core/userLayout';
import { errorLines } from '../errorLines';
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
  /**
   * Once the engine knows its device (its AudioContext exists): refuses a monitor chosen or
   * restored before, when the device has too few outputs for it (monitorRefusal, binaural
   * monitored instead). Nothing to do before.
   */
  checkMonitorDevice(): void;
  /**
   * Reads a room layout file (a user layout, core/userLayout.ts) and monitors it (as
   * setMonitorOutput(ROOM_OUTPUT_ID): a device with too few outputs refuses it and offers
   * it on headphones). A bad file changes nothing and shows the reader's message; returns
   * whether the room was loaded.
   */
  loadRoomLayout(fileName: string, text: string): boolean;
  /** Sets (or, null, removes) the monitor's room layout without choosing it; monitoring the previous room falls back to binaural. */
  setMonitorRoom(room: MonitorRoom | null): void;
  setMonoLaw(monoLaw: MonoLaw): void;
  /**
   * The session's Lo/Ro and Lt/Rt levels (a session setting, kept with its view): heard at
   * once in a monitored downmix and written in exported ones.
   */
  setDownmixLevels(levels: DownmixLevelSettings): void;
  dismissMonitorRefusal(): void;
  setSpeakerSolo(label: string | null): void;
}

const DEFAULT_MONITOR: MonitorSettings = { outputId: 'binaural', monoLaw: DEFAULT_MONO_LAW };

const ROOM_OUTPUT_IDS: readonly string[] = [ROOM_OUTPUT_ID, ROOM_HEADPHONES_ID];

/** Larger than any user layout file (24 loudspeakers take about 2 KB): refused unread. */
export const MAX_ROOM_LAYOUT_CHARS = 65_536;

export function createMonitorSlice(set: SetStudioState, get: GetStudioState, context: StudioContext): MonitorSlice {
  const apply = (monitor: MonitorSettings): void => {
    const current = get().monitor;
    const sameLevels = sameDownmixLevels(downmixLevelsOf(current), downmixLevelsOf(monitor));
    if (current.outputId === monitor.outputId && current.monoLaw === monitor.monoLaw && current.room === monitor.room && sameLevels) return;
    set({ monitor, monitorRefusal: null });
    if (context.engine?.setMonitor(monitor) === true) context.reloadEngine();
    // A solo of a loudspeaker the new monitor does not have would hide its own off switch.
    const solo = get().speakerSolo;
    const speakers = monitoredSpeakers(monitorOutput(monitor.outputId, monitor.monoLaw, monitor.room?.layout ?? null))?.speakers ?? [];
    if (solo !== null && !speakers.some((speaker) => speaker.label === solo)) get().setSpeakerSolo(null);
  };
  return {
    monitor: DEFAULT_MONITOR,
    monitorRefusal: null,
    speakerSolo: null,
    stageGains: null,
    setMonitorOutput(outputId) {
      const { monoLaw, room } = get().monitor;
      if (!isMonitorOutputId(outputId, room?.layout ?? null)) throw new RangeError(`monitor: unknown output "${outputId}"`);
      // With an engine whose device is not known yet (no AudioContext before the first gesture), the choice is taken and checked once it is (checkMonitorDevice).
      const deviceChannels = context.engine === null ? 2 : context.engine.outputChannelCount();
      const refusal = deviceChannels === null ? null : deviceRefusal(monitorOutput(outputId, monoLaw, room?.layout ?? null), deviceChannels);
      if (refusal !== null) {
        set({ monitorRefusal: refusal });
        return;
      }
      apply({ ...get().monitor, outputId });
    },
    loadRoomLayout(fileName, text) {
      let layout;
      try {
        if (text.length > MAX_ROOM_LAYOUT_CHARS) throw new Error(`${fileName}: ${text.length} characters; a room layout file has at most ${MAX_ROOM_LAYOUT_CHARS}`);
        layout = parseUserLayoutJson(text, fileName);
      } catch (error) {
        get().showError(errorLines(error).join('\n'));
        return false;
      }
      get().setMonitorRoom({ fileName, text, layout });
      get().setMonitorOutput(ROOM_OUTPUT_ID);
      return true;
    },
    setMonitorRoom(room) {
      const monitor = get().monitor;
      // The previous room's outputs are gone: hear binaural until the new room is chosen (or refused).
      const outputId = ROOM_OUTPUT_IDS.includes(monitor.outputId) ? DEFAULT_MONITOR.outputId : monitor.outputId;
      const { room: _previous, ...rest } = monitor;
      apply({ ...rest, outputId, ...(room === null ? {} : { room }) });
    },
    checkMonitorDevice() {
      const deviceChannels = context.engine?.outputChannelCount() ?? null;
      if (deviceChannels === null) return;
      const { outputId, monoLaw, room } = get().monitor;
      const refusal = deviceRefusal(monitorOutput(outputId, monoLaw, room?.layout ?? null), deviceChannels);
      if (refusal === null) return;
      apply({ ...get().monitor, outputId: DEFAULT_MONITOR.outputId });
      set({ monitorRefusal: refusal });
    },
    setMonoLaw(monoLaw) {
      apply({ ...get().monitor, monoLaw });
    },
    setDownmixLevels(levels) {
      apply({ ...get().monitor, downmixLevels: readDownmixLevelSettings(levels, 'downmix levels', '') });
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

/** The monitor's downmix levels: its own, or the defaults (-3 dB each) when it has none. */
export function downmixLevelsOf(monitor: MonitorSettings): DownmixLevelSettings {
  return monitor.downmixLevels ?? DEFAULT_DOWNMIX_LEVEL_SETTINGS;
}
