import { MONO_LAWS } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import { isMonitorOutputId } from '../../core/outputs/monitorOutputs';
import type { MonitorRoom } from '../../core/outputs/monitorOutputs';
import { parseUserLayoutJson } from '../../core/userLayout';
import { readDownmixLevelSettings } from '../../core/outputs/downmixLevelSettings';
import type { DownmixLevelSettings } from '../../core/outputs/downmixLevelSettings';
import { AUTOSAVE_SOURCE_NAME } from './autosaveRecord';
import type { SessionView } from './autosaveRecord';

/**
 * A stored view, checked field by field; undefined when anything is not as written, but
 * for the downmix levels: stored ones that are not as written are left out (the defaults,
 * -3 dB each), the reason named in `defaulted`. A view stored before the levels has none.
 */
export function sessionViewOf(value: unknown): SessionView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { monitor, selectedSourceId, sidePanel } = value as Record<string, unknown>;
  if (typeof monitor !== 'object' || monitor === null) return undefined;
  const { outputId, monoLaw, room: storedRoom, downmixLevels: storedLevels } = monitor as Record<string, unknown>;
  const room = storedRoom === undefined ? undefined : monitorRoomOf(storedRoom);
  if (typeof outputId !== 'string' || !isMonitorOutputId(outputId, room?.layout ?? null) || !MONO_LAWS.includes(monoLaw as MonoLaw)) return undefined;
  if (selectedSourceId !== null && typeof selectedSourceId !== 'string') return undefined;
  if (typeof sidePanel !== 'string') return undefined;
  const levels = storedLevels === undefined ? { defaulted: [] } : downmixLevelsOf(storedLevels);
  return {
    monitor: {
      outputId,
      monoLaw: monoLaw as MonoLaw,
      ...(room === undefined ? {} : { room }),
      ...(levels.settings === undefined ? {} : { downmixLevels: levels.settings }),
    },
    selectedSourceId,
    sidePanel,
    ...(levels.defaulted.length === 0 ? {} : { defaulted: levels.defaulted }),
  };
}

/** Stored downmix levels, or why they were set to the defaults. */
function downmixLevelsOf(value: unknown): { readonly settings?: DownmixLevelSettings; readonly defaulted: readonly string[] } {
  try {
    return { settings: readDownmixLevelSettings(value, AUTOSAVE_SOURCE_NAME, 'view.monitor.downmixLevels'), defaulted: [] };
  } catch (error) {
    return { defaulted: [`${error instanceof Error ? error.message : String(error)}; the downmix levels are set to -3 dB each`] };
  }
}

/** A stored room layout, read again from its file's text (the reader of today checks it); undefined when it is not one. */
function monitorRoomOf(value: unknown): MonitorRoom | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { fileName, text } = value as Record<string, unknown>;
  if (typeof fileName !== 'string' || typeof text !== 'string') return undefined;
  try {
    return { fileName, text, layout: parseUserLayoutJson(text, fileName) };
  } catch {
    return undefined;
  }
}
