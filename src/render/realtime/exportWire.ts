import type { OutputDefinition } from '../../core/outputs/outputDefinition';

/**
 * The wire layout of an export: the host writes every rendered output's channels, one
 * output after the other in the order of the list, each in its own channel order, into
 * the worklet's output (and so the OfflineAudioContext's buffer). The one place that
 * order is decided: the host writes by it and the engine reads by it.
 */
export interface WireSlot {
  readonly output: OutputDefinition;
  /** First wire channel of the output. */
  readonly offset: number;
}

export function exportWire(outputs: readonly OutputDefinition[]): WireSlot[] {
  let offset = 0;
  return outputs.map((output) => {
    const slot = { output, offset };
    offset += output.channels.length;
    return slot;
  });
}

/** Wire channels an export of `outputs` needs. */
export function exportWireChannels(outputs: readonly OutputDefinition[]): number {
  return outputs.reduce((sum, output) => sum + output.channels.length, 0);
}
