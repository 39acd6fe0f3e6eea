import type { LoudspeakerLayout } from '../../core/layouts';
import { ROOM_HEADPHONES_ID, ROOM_OUTPUT_ID, monitorOutput } from '../../core/outputs/monitorOutputs';
import { monitoredSpeakers } from '../../core/outputs/monitoredSpeakers';
import type { MonitoredSpeakers } from '../../core/outputs/monitoredSpeakers';
import { wrapAzimuthDeg } from '../../core/units';
import type { Vec3 } from '../../core/threeAxes';
import type { StageSpeakerGains } from '../../state/stageSpeakerGains';
import { SPEAKER_RADIUS_M, sourceThreePosition } from './stageMath';

export { SPEAKER_RADIUS_M };

/** Below this gain a loudspeaker is drawn dark (the selected source does not reach it). */
const SILENT_DB = -60;

/** One loudspeaker as the stage draws it. */
export interface StageSpeaker {
  readonly label: string;
  /** three.js position (turned with the head: the loudspeakers stand where the listener's head faces). */
  readonly position: Vec3;
  /** The selected source's gain in it, dB, or null with no source selected. */
  readonly gainDb: number | null;
  /** 0 (dark) to 1 (full): how lit the selected source makes it. */
  readonly lit: number;
}

const speakersByOutput = new Map<string, MonitoredSpeakers | null>();
const speakersByRoom = new WeakMap<LoudspeakerLayout, Map<string, MonitoredSpeakers | null>>();

function speakersOf(outputId: string, room: LoudspeakerLayout | null): MonitoredSpeakers | null {
  const cache = isRoomOutputId(outputId) && room !== null ? roomCache(room) : speakersByOutput;
  let speakers = cache.get(outputId);
  if (speakers === undefined) {
    speakers = monitoredSpeakers(monitorOutput(outputId, '-3dB', room));
    cache.set(outputId, speakers);
  }
  return speakers;
}

function roomCache(room: LoudspeakerLayout): Map<string, MonitoredSpeakers | null> {
  let cache = speakersByRoom.get(room);
  if (cache === undefined) {
    cache = new Map();
    speakersByRoom.set(room, cache);
  }
  return cache;
}

function isRoomOutputId(outputId: string): boolean {
  return outputId === ROOM_OUTPUT_ID || outputId === ROOM_HEADPHONES_ID;
}

/**
 * The monitored loudspeakers placed (LFE left out: it has no position), each with the
 * selected source's gain when `gains` are for this output; `room` is the monitor's room
 * layout (for its outputs' ids). `headYawDeg` (scene rotation's
 * listener yaw plus the monitor head's) turns them with the head the stage draws.
 */
export function stageSpeakers(outputId: string, room: LoudspeakerLayout | null, gains: StageSpeakerGains | null, headYawDeg: number): StageSpeaker[] {
  const speakers = speakersOf(outputId, room);
  if (speakers === null) return [];
  const ownGains = gains?.outputId === outputId ? gains.gains : null;
  const placed: StageSpeaker[] = [];
  speakers.speakers.forEach((speaker, c) => {
    if (speaker.azimuthDeg === null || speaker.elevationDeg === null) return;
    const gain = ownGains?.[c];
    const gainDb = gain === undefined ? null : gain > 0 ? 20 * Math.log10(gain) : Number.NEGATIVE_INFINITY;
    const position = sourceThreePosition({ azimuthDeg: wrapAzimuthDeg(speaker.azimuthDeg + headYawDeg), elevationDeg: speaker.elevationDeg, distanceM: SPEAKER_RADIUS_M });
    const lit = gainDb === null ? 0 : Math.max(0, Math.min(1, (gainDb - SILENT_DB) / -SILENT_DB));
    placed.push({ label: speaker.label, position, gainDb, lit });
  });
  return placed;
}

/** A gain as the stage writes it: "-3.0 dB", or "off" below -60 dB. */
export function gainText(gainDb: number | null): string {
  if (gainDb === null) return '';
  return gainDb < SILENT_DB ? 'off' : `${gainDb.toFixed(1)} dB`;
}
