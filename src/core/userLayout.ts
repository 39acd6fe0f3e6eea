import { FieldError, FieldErrors, childPath, describeValue } from './fieldError';
import { numberIn, readJsonObject } from './jsonFields';
import { LAYOUT_NAMES, azimuthInRange, elevationInRange, getLayout, isLayoutName } from './layouts';
import type { AngleRangeDeg, LayoutChannel, LoudspeakerChannel, LoudspeakerLayout } from './layouts';
import { wrapAzimuthDeg } from './units';

/**
 * A user layout: a room's loudspeakers where they really are, as a small JSON file
 * naming a BS.2051 layout and the angles of each of its loudspeakers, e.g.
 *
 *   { "name": "Studio B", "baseLayout": "0+5+0",
 *     "speakers": [ { "label": "M+030", "azimuthDeg": 28, "elevationDeg": 0 }, ...,
 *                   { "label": "LFE1" } ] }
 *
 * Every loudspeaker of the base layout is listed once, inside the range BS.2051 allows
 * for its label; LFE channels may be listed (by label alone) or left out, and the layout
 * keeps them either way. The result is the base layout, in its channel order, with the
 * room's angles; the panners use the base's nominal angles to build their triangulation
 * and the room's to compute gains (ITU-R BS.2127 section 6.1). A 0+2+0 room is panned
 * as BS.2127 pans 0+2+0, whatever its angles (the stereo fold-down has no positions).
 */

/** BS.2051 screen loudspeakers may be 5 to 25 or 35 to 60 degrees off centre, not in between. */
const SCREEN_LABELS = new Set(['M+SC', 'M-SC']);
const SCREEN_RANGES_DEG = [[5, 25], [35, 60]] as const;

const formatRange = (range: AngleRangeDeg): string => (range[0] === range[1] ? `exactly ${range[0]}` : `${range[0]} to ${range[1]}`);

/** More entries than any layout has loudspeakers (9+10+3 has 24 channels) are refused unread. */
const MAX_SPEAKERS = 64;

/** Reads a user layout file's text; throws a FieldError naming `fileName` when it is not JSON (see readUserLayout). */
export function parseUserLayoutJson(text: string, fileName: string): LoudspeakerLayout {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FieldError(fileName, '', `not valid JSON (${(error as Error).message})`);
  }
  return readUserLayout(json, fileName);
}

/**
 * Reads a user layout from parsed JSON. Throws a FieldError naming `fileName` and the
 * field for a malformed file, or FieldErrors listing every loudspeaker that is unknown,
 * listed twice, missing or outside its allowed range.
 */
export function readUserLayout(json: unknown, fileName: string): LoudspeakerLayout {
  const record = readJsonObject(json, fileName, '');
  const name = record.string('name');
  const baseName = record.string('baseLayout', {
    expected: `a BS.2051 layout name (${LAYOUT_NAMES.join(', ')})`,
    accept: isLayoutName,
  });
  const base = getLayout(baseName as (typeof LAYOUT_NAMES)[number]);
  const speakers = record.array('speakers');
  if (speakers.length > MAX_SPEAKERS) record.fail('speakers', `expected at most ${MAX_SPEAKERS} loudspeakers (${base.name} has ${base.channels.length} channels), got ${speakers.length}`);
  const problems: FieldError[] = [];
  const placed = new Map<string, LoudspeakerChannel>();
  const listedAt = new Map<string, string>();
  speakers.forEach((value, i) => {
    const path = childPath('speakers', i);
    try {
      const speaker = readJsonObject(value, fileName, path);
      const label = speaker.string('label');
      const channel = base.channels.find((c) => c.label === label);
      if (channel === undefined) {
        const labels = base.channels.map((c) => c.label).join(', ');
        throw new FieldError(fileName, childPath(path, 'label'), `${describeValue(label)} is not a loudspeaker of ${base.name} (its loudspeakers: ${labels})`);
      }
      const earlier = listedAt.get(label);
      if (earlier !== undefined) throw new FieldError(fileName, childPath(path, 'label'), `${label} is listed twice (also at ${earlier})`);
      listedAt.set(label, path);
      if (channel.isLfe) return;
      const azimuthDeg = wrapAzimuthDeg(speaker.number('azimuthDeg', numberIn(-180, 180)));
      const elevationDeg = speaker.number('elevationDeg', numberIn(-90, 90));
      if (!azimuthInRange(azimuthDeg, channel.azimuthRangeDeg)) {
        throw new FieldError(fileName, childPath(path, 'azimuthDeg'), `${label} at azimuth ${azimuthDeg} is outside its BS.2051 range, ${formatRange(channel.azimuthRangeDeg)} degrees`);
      }
      if (SCREEN_LABELS.has(label) && !SCREEN_RANGES_DEG.some(([lo, hi]) => Math.abs(azimuthDeg) >= lo && Math.abs(azimuthDeg) <= hi)) {
        throw new FieldError(fileName, childPath(path, 'azimuthDeg'), `${label} at azimuth ${azimuthDeg} is outside its BS.2051 range, 5 to 25 or 35 to 60 degrees off centre`);
      }
      if (!elevationInRange(elevationDeg, channel.elevationRangeDeg)) {
        throw new FieldError(fileName, childPath(path, 'elevationDeg'), `${label} at elevation ${elevationDeg} is outside its BS.2051 range, ${formatRange(channel.elevationRangeDeg)} degrees`);
      }
      placed.set(label, Object.freeze({ ...channel, azimuthDeg, elevationDeg }));
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      problems.push(error);
    }
  });
  const missing = base.channels.filter((c) => !c.isLfe && !listedAt.has(c.label)).map((c) => c.label);
  if (missing.length > 0) {
    problems.push(new FieldError(fileName, 'speakers', `${missing.join(', ')} of ${base.name} ${missing.length === 1 ? 'is' : 'are'} missing (every loudspeaker of the base layout is listed once; LFE may be left out)`));
  }
  if (problems.length === 1) throw problems[0]!;
  if (problems.length > 1) throw new FieldErrors(fileName, problems);
  const channels: LayoutChannel[] = base.channels.map((c) => placed.get(c.label) ?? c);
  return Object.freeze({ ...base, channels: Object.freeze(channels), roomName: name });
}
