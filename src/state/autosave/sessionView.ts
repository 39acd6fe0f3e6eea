import { MONO_LAWS } from '../../core/monoLaw';
import type { MonoLaw } from '../../core/monoLaw';
import { isMonitorOutputId } from '../../core/outputs/monitorOutputs';
import type { SessionView } from './autosaveRecord';

/** A stored view, checked field by field; undefined when anything is not as written. */
export function sessionViewOf(value: unknown): SessionView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { monitor, selectedSourceId, sidePanel } = value as Record<string, unknown>;
  if (typeof monitor !== 'object' || monitor === null) return undefined;
  const { outputId, monoLaw } = monitor as Record<string, unknown>;
  if (typeof outputId !== 'string' || !isMonitorOutputId(outputId) || !MONO_LAWS.includes(monoLaw as MonoLaw)) return undefined;
  if (selectedSourceId !== null && typeof selectedSourceId !== 'string') return undefined;
  if (typeof sidePanel !== 'string') return undefined;
  return { monitor: { outputId, monoLaw: monoLaw as MonoLaw }, selectedSourceId, sidePanel };
}
