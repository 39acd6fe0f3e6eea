import { LAYOUT_NAMES, getLayout } from '../layouts';
import type { LoudspeakerLayout } from '../layouts';
import type { MonoLaw } from '../monoLaw';
import { DEFAULT_DOWNMIX_LEVEL_SETTINGS } from './downmixLevelSettings';
import type { DownmixLevelSettings } from './downmixLevelSettings';
import { layoutBinauralOutput, outputById } from './outputCatalog';
import type { LoudspeakerOutput, OutputDefinition } from './outputDefinition';
import { SHIPPED_HRTF_SET, loudspeakerOutput } from './studioOutputs';

/**
 * What the studio's monitor offers: the studio's outputs (binaural, stereo, mono), every
 * loudspeaker layout (by trade and BS.2051 name), each layout heard on headphones, and
 * each layout's downmixes (5.1, Lo/Ro, Lt/Rt, mono) where the downmix chain takes its
 * loudspeakers. Ids are the output catalogue's (outputCatalog.ts).
 */
export interface MonitorChoice {
  readonly id: string;
  /** What the selector shows, e.g. "7.1.4 (4+7+0)", "7.1.4 on headphones", "7.1.4 to Lo/Ro". */
  readonly label: string;
  readonly group: 'studio' | 'loudspeakers' | 'headphones' | 'downmix';
  /** Channels the device must play (1 and 2 play on any device). */
  readonly channels: number;
}

const DOWNMIX_NAMES = [
  ['5.1', '5.1'],
  ['loro', 'Lo/Ro'],
  ['ltrt', 'Lt/Rt'],
  ['mono', 'mono'],
] as const;

/** A room layout the user loaded (a user layout file, core/userLayout.ts): its file's name and text (what a session keeps) and the layout read from it. */
export interface MonitorRoom {
  readonly fileName: string;
  readonly text: string;
  readonly layout: LoudspeakerLayout;
}

/** The monitor's id of the loaded room (a user layout, core/userLayout.ts) on its loudspeakers, and on headphones. */
export const ROOM_OUTPUT_ID = 'room';
export const ROOM_HEADPHONES_ID = `binaural-${ROOM_OUTPUT_ID}`;

/** A room's loudspeakers as an output: its base layout's channels and WAVE filing, at the room's angles. */
export function roomOutput(room: LoudspeakerLayout): LoudspeakerOutput {
  return { ...loudspeakerOutput(ROOM_OUTPUT_ID, `${room.roomName ?? room.name} (${room.name})`, room.name), layout: room };
}

/**
 * The monitor's output called `id`, built with the session's Lo/Ro and Lt/Rt levels
 * (`levels`, -3 dB each by default) and the shipped HRTF set; `room` (a loaded user layout)
 * answers ROOM_OUTPUT_ID and ROOM_HEADPHONES_ID. Throws for an unknown id, or a room id
 * without a room.
 */
export function monitorOutput(
  id: string,
  monoLaw: MonoLaw,
  room: LoudspeakerLayout | null = null,
  levels: DownmixLevelSettings = DEFAULT_DOWNMIX_LEVEL_SETTINGS,
): OutputDefinition {
  if (id === ROOM_OUTPUT_ID || id === ROOM_HEADPHONES_ID) {
    if (room === null) throw new Error(`unknown output "${id}": no room layout is loaded`);
    return id === ROOM_OUTPUT_ID ? roomOutput(room) : layoutBinauralOutput(roomOutput(room), SHIPPED_HRTF_SET);
  }
  return outputById(id, { monoLaw, hrtfSet: SHIPPED_HRTF_SET, loRo: levels.loRo, ltRt: levels.ltRt });
}

function buildChoices(): MonitorChoice[] {
  const choices: MonitorChoice[] = [
    { id: 'binaural', label: 'Binaural', group: 'studio', channels: 2 },
    { id: 'stereo', label: 'Stereo', group: 'studio', channels: 2 },
    { id: 'mono', label: 'Mono', group: 'studio', channels: 1 },
  ];
  for (const name of LAYOUT_NAMES) {
    if (name === '0+2+0') continue;
    const layout = getLayout(name);
    const trade = layout.commonName;
    choices.push({ id: trade, label: `${trade} (${name})`, group: 'loudspeakers', channels: layout.channels.length });
    choices.push({ id: `binaural-${trade}`, label: `${trade} on headphones`, group: 'headphones', channels: 2 });
    for (const [target, targetName] of DOWNMIX_NAMES) {
      const id = `${trade}-to-${target}`;
      try {
        const output = monitorOutput(id, '-3dB');
        choices.push({ id, label: `${trade} to ${targetName}`, group: 'downmix', channels: output.channels.length });
      } catch {
        // This layout's loudspeakers are not all in the 5.1 fold (or it is 5.1 already): no such downmix.
      }
    }
  }
  return choices;
}

let choices: readonly MonitorChoice[] | null = null;

/** Every monitor choice, in the selector's order; with a room loaded, it on loudspeakers and on headphones. */
export function monitorChoices(room: LoudspeakerLayout | null = null): readonly MonitorChoice[] {
  choices ??= buildChoices();
  if (room === null) return choices;
  const name = room.roomName ?? room.name;
  return [
    ...choices,
    { id: ROOM_OUTPUT_ID, label: `${name} (${room.name})`, group: 'loudspeakers', channels: room.channels.length },
    { id: ROOM_HEADPHONES_ID, label: `${name} on headphones`, group: 'headphones', channels: 2 },
  ];
}

export function isMonitorOutputId(id: string, room: LoudspeakerLayout | null = null): boolean {
  return monitorChoices(room).some((choice) => choice.id === id);
}

/** Whether `output` needs more than a two-channel device: a layout or a 5.1 fold played on loudspeakers. */
export function needsLoudspeakerDevice(output: OutputDefinition): boolean {
  return output.channels.length > 2;
}

/** Why `output` cannot play on a device of `deviceChannels` outputs, and what to listen to instead; null when it can. */
export interface DeviceRefusal {
  readonly outputId: string;
  readonly message: string;
  /** The same layout on headphones, offered instead. */
  readonly headphonesId: string | null;
}

export function deviceRefusal(output: OutputDefinition, deviceChannels: number): DeviceRefusal | null {
  const needed = output.channels.length;
  if (needed <= 2 || needed <= deviceChannels) return null;
  const layout = rootLayout(output);
  const layoutName = layout === null ? null : (layout.roomName ?? layout.commonName);
  const headphonesId = layout === null ? null : layout.roomName !== undefined ? ROOM_HEADPHONES_ID : `binaural-${layout.commonName}`;
  const name = output.kind === 'loudspeakers' ? layoutName : output.displayName;
  const offer = headphonesId === null ? '' : ` Listen to ${layoutName} on headphones instead?`;
  return {
    outputId: output.id,
    message: `This device has ${deviceChannels} outputs; ${name} needs ${needed}.${offer}`,
    headphonesId,
  };
}

/** The loudspeaker layout an output is rendered on (a downmix's and a headphone rendering's source layout). */
export function rootLayout(output: OutputDefinition): LoudspeakerLayout | null {
  switch (output.kind) {
    case 'loudspeakers':
      return output.layout;
    case 'layoutBinaural':
      return output.from.layout;
    case 'downmix':
      return rootLayout(output.from);
    case 'binaural':
      return null;
  }
}
