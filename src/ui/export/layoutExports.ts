import type { LoudspeakerLayout } from '../../core/layouts';
import type { MonoLaw } from '../../core/monoLaw';
import { monitorChoices, monitorOutput } from '../../core/outputs/monitorOutputs';
import type { MonitorChoice } from '../../core/outputs/monitorOutputs';
import { isStudioOutputId } from '../../core/outputs/studioOutputs';

/**
 * The Export dialog's loudspeaker outputs, taken from the monitor's list
 * (core/outputs/monitorOutputs.ts, so the two never differ): per layout (the loaded room
 * layout included), its speaker feeds, the layout on headphones and its downmixes.
 */
export interface LayoutExportGroup {
  /** The layout on its loudspeakers (its id is the layout's output id: `7.1.4`, `room`). */
  readonly layout: MonitorChoice;
  /** `binaural-<layout>`, or null when the monitor offers none. */
  readonly headphones: MonitorChoice | null;
  /** `<layout>-to-5.1`, `-to-loro`, `-to-ltrt`, `-to-mono`, those the layout has. */
  readonly downmixes: readonly MonitorChoice[];
}

/** Every layout's group, in the monitor selector's order; with a room loaded, the room last. */
export function layoutExportGroups(room: LoudspeakerLayout | null): LayoutExportGroup[] {
  const choices = monitorChoices(room);
  return choices
    .filter((choice) => choice.group === 'loudspeakers')
    .map((layout) => ({
      layout,
      headphones: choices.find((choice) => choice.group === 'headphones' && choice.id === `binaural-${layout.id}`) ?? null,
      downmixes: choices.filter((choice) => choice.group === 'downmix' && choice.id.startsWith(`${layout.id}-to-`)),
    }));
}

/** The group `outputId` belongs to (a layout, it on headphones, or one of its downmixes), or undefined (binaural, stereo, mono, unknown). */
export function groupOf(groups: readonly LayoutExportGroup[], outputId: string): LayoutExportGroup | undefined {
  return groups.find((group) => outputIdsOf(group).includes(outputId));
}

/** A group's output ids: the layout, it on headphones, its downmixes. */
export function outputIdsOf(group: LayoutExportGroup): string[] {
  return [group.layout.id, ...(group.headphones === null ? [] : [group.headphones.id]), ...group.downmixes.map((choice) => choice.id)];
}

/**
 * What the dialog starts with: the monitored output when it is a layout, a layout on
 * headphones or a downmix (the monitor's own choice), nothing otherwise.
 */
export function defaultLayoutExports(monitoredId: string, groups: readonly LayoutExportGroup[]): string[] {
  return !isStudioOutputId(monitoredId) && groupOf(groups, monitoredId) !== undefined ? [monitoredId] : [];
}

/** How an output's file is written, for its checkbox: "12 channels, WAVE mask 0x2D63F", "10 channels in BS.2051 order, mask 0", "2 channels". */
export function fileDescription(outputId: string, monoLaw: MonoLaw, room: LoudspeakerLayout | null): string {
  const output = monitorOutput(outputId, monoLaw, room);
  const count = output.channels.length;
  const channels = count === 1 ? '1 channel' : `${count} channels`;
  if (count <= 2 || output.channelMask === undefined) return channels;
  if (output.channelMask === 0) return `${channels} in BS.2051 order, mask 0`;
  return `${channels}, WAVE mask 0x${output.channelMask.toString(16).toUpperCase()}`;
}

/** An output's channel labels in its file's order (the WAVE mask's bit order, or BS.2051's with mask 0): "M+030 M-030 M+000 LFE1 …". */
export function fileChannelLabels(outputId: string, monoLaw: MonoLaw, room: LoudspeakerLayout | null): string[] {
  const output = monitorOutput(outputId, monoLaw, room);
  return output.fileOrder.map((index) => output.channels[index]!.label);
}
