import { frequency } from '../../core/formatUnits';
import type { HeadOrientation } from '../../core/orientation';
import { sceneStrips } from '../../core/scene/scene';
import type { Scene } from '../../core/scene/scene';
import type { StudioState } from '../../state/studioState';

/**
 * What an export will and will not contain, for the Export dialog to say before it
 * starts. Solo is a scene field: a soloed source silences the others in the export as
 * well, so the dialog offers the full mix instead. Monitor-only settings (the monitor
 * head, the M/S and band solo, the mono monitor) are never in an export: the dialog just
 * names them. Mutes are mix decisions and need no word.
 */

/** The names of the soloed sources, then beds, then HOA stems, in scene order (none: the export is the whole mix). */
export function soloedSourceNames(scene: Scene): string[] {
  return sceneStrips(scene).filter((strip) => strip.solo).map((strip) => strip.name);
}

/** Each monitor-only setting now active, as a phrase ("the M solo (mid only)"); none when what is heard is the mix. */
export function monitorOnlySettings(state: Pick<StudioState, 'monitor' | 'monitorSolo' | 'monitorHead' | 'speakerSolo'>): string[] {
  const settings: string[] = [];
  const head = headTurn(state.monitorHead);
  if (head !== null) settings.push(`the monitor head ${head}`);
  if (state.monitorSolo.midSide !== 'stereo') settings.push(`the ${state.monitorSolo.midSide === 'mid' ? 'M solo (mid only)' : 'S solo (side only)'}`);
  const band = state.monitorSolo.band;
  if (band !== null) settings.push(`the band solo (${frequency(band.lowerHz)} to ${frequency(band.upperHz)})`);
  if (state.monitor.outputId === 'mono') settings.push('the mono monitor');
  if (state.speakerSolo !== null) settings.push(`the loudspeaker solo (${state.speakerSolo} alone)`);
  return settings;
}

/** "turned 30° left, 10° up": the head's yaw, pitch and roll that are not zero, or null facing front. */
function headTurn(head: HeadOrientation): string | null {
  const parts: string[] = [];
  if (head.yawDeg !== 0) parts.push(`turned ${degrees(head.yawDeg)} ${head.yawDeg > 0 ? 'left' : 'right'}`);
  if (head.pitchDeg !== 0) parts.push(`${degrees(head.pitchDeg)} ${head.pitchDeg > 0 ? 'up' : 'down'}`);
  if (head.rollDeg !== 0) parts.push(`rolled ${degrees(head.rollDeg)} ${head.rollDeg > 0 ? 'right' : 'left'}`);
  return parts.length === 0 ? null : parts.join(', ');
}

/** An angle's size in degrees to 0.1: "30°", "12.5°". */
function degrees(angleDeg: number): string {
  return `${Math.round(Math.abs(angleDeg) * 10) / 10}°`;
}

/** Items as words: "a", "a and b", "a, b and c". */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
