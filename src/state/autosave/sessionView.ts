import { MONO_LAWS } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import { isMonitorOutputId } from '../../core/outputs/monitorOutputs';
import type { MonitorRoom } from '../../core/outputs/monitorOutputs';
import { parseUserLayoutJson } from '../../core/userLayout';
import type { SessionView } from './autosaveRecord';

/** A stored view, checked field by field; undefined when anything is not as written. */
export function sessionViewOf(value: unknown): SessionView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { monitor, selectedSourceId, sidePanel } = value as Record<string, unknown>;
  if (typeof monitor !== 'object' || monitor === null) return undefined;
  const { outputId, monoLaw, room: storedRoom } = monitor as Record<string, unknown>;
  const room = storedRoom === undefined ? undefined : monitorRoomOf(storedRoom);
  if (typeof outputId !== 'string' || !isMonitorOutputId(outputId, room?.layout ?? null) || !MONO_LAWS.includes(monoLaw as MonoLaw)) return undefined;
  if (selectedSourceId !== null && typeof selectedSourceId !== 'string') return undefined;
  if (typeof sidePanel !== 'string') return undefined;
  return { monitor: { outputId, monoLaw: monoLaw as MonoLaw, ...(room === undefined ? {} : { room }) }, selectedSourceId, sidePanel };
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
