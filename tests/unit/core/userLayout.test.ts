import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FieldError, FieldErrors } from '../../../src/core/fieldError';
import { getLayout } from '../../../src/core/layouts';
import { parseUserLayoutJson, readUserLayout } from '../../../src/core/userLayout';

const FILE = 'room.json';

const FIVE_ONE = [
  { label: 'M+030', azimuthDeg: 30, elevationDeg: 0 },
  { label: 'M-030', azimuthDeg: -30, elevationDeg: 0 },
  { label: 'M+000', azimuthDeg: 0, elevationDeg: 0 },
  { label: 'M+110', azimuthDeg: 115, elevationDeg: 5 },
  { label: 'M-110', azimuthDeg: -105, elevationDeg: 0 },
];

const room = (speakers: readonly unknown[], baseLayout = '0+5+0'): unknown => ({ name: 'Room', baseLayout, speakers });

function refusal(json: unknown): FieldError {
  try {
    readUserLayout(json, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError);
    return error as FieldError;
  }
  throw new Error('expected the user layout to be refused');
}

describe('readUserLayout', () => {
  it('reads the example room: the base layout\'s channels in its order, at the room\'s angles, with its ranges', () => {
    const json = JSON.parse(readFileSync(new URL('../../fixtures/layouts/studio-b-7.1.4.json', import.meta.url), 'utf8'));
    const layout = readUserLayout(json, 'studio-b-7.1.4.json');
    const base = getLayout('4+7+0');
    expect(layout.name).toBe('4+7+0');
    expect(layout.roomName).toBe('Studio B (7.1.4, measured)');
    expect(layout.channelMask).toBe(base.channelMask);
    expect(layout.channels.map((c) => c.label)).toEqual(base.channels.map((c) => c.label));
    expect(layout.channels[9]).toEqual({ ...base.channels[9], azimuthDeg: -42, elevationDeg: 38 });
    expect(layout.channels[3]).toEqual({ label: 'LFE1', isLfe: true });
  });

  it('keeps the LFE when the file leaves it out, and wraps azimuth -180 to 180', () => {
    const layout = readUserLayout(room(FIVE_ONE), FILE);
    expect(layout.channels.map((c) => c.label)).toEqual(['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110']);
    const back = readUserLayout(
      { name: 'Back', baseLayout: '9+10+3', speakers: getLayout('9+10+3').channels.filter((c) => !c.isLfe).map((c) => (c.isLfe ? c : { label: c.label, azimuthDeg: c.label === 'M+180' ? -180 : c.azimuthDeg, elevationDeg: c.elevationDeg })) },
      FILE,
    );
    expect(back.channels.find((c) => c.label === 'M+180')).toMatchObject({ azimuthDeg: 180 });
  });

  it('refuses a speaker outside its label\'s BS.2051 range, naming the speaker, the field and the range', () => {
    const moved = FIVE_ONE.map((s) => (s.label === 'M+110' ? { ...s, azimuthDeg: 95 } : s));
    const error = refusal(room(moved));
    expect(error.message).toBe('room.json: speakers[3].azimuthDeg: M+110 at azimuth 95 is outside its BS.2051 range, 100 to 120 degrees');
    const raised = FIVE_ONE.map((s) => (s.label === 'M-030' ? { ...s, elevationDeg: 10 } : s));
    expect(refusal(room(raised)).message).toBe('room.json: speakers[1].elevationDeg: M-030 at elevation 10 is outside its BS.2051 range, exactly 0 degrees');
  });

  it('refuses screen loudspeakers between 25 and 35 degrees, where BS.2051 allows none', () => {
    const speakers = getLayout('4+9+0').channels.flatMap((c) => (c.isLfe ? [] : [{ label: c.label, azimuthDeg: c.label === 'M+SC' ? 30 : c.azimuthDeg, elevationDeg: c.elevationDeg }]));
    expect(refusal(room(speakers, '4+9+0')).message).toMatch(/speakers\[11\]\.azimuthDeg: M\+SC at azimuth 30 is outside its BS\.2051 range, 5 to 25 or 35 to 60 degrees off centre/);
  });

  it('refuses an unknown label, naming the base layout\'s labels', () => {
    const error = refusal(room([...FIVE_ONE, { label: 'U+030', azimuthDeg: 30, elevationDeg: 30 }]));
    expect(error.message).toBe('room.json: speakers[5].label: "U+030" is not a loudspeaker of 0+5+0 (its loudspeakers: M+030, M-030, M+000, LFE1, M+110, M-110)');
  });

  it('refuses a speaker listed twice, naming both entries', () => {
    expect(refusal(room([...FIVE_ONE, FIVE_ONE[0]])).message).toBe('room.json: speakers[5].label: M+030 is listed twice (also at speakers[0])');
  });

  it('refuses missing speakers, naming them', () => {
    expect(refusal(room(FIVE_ONE.slice(0, 3))).message).toBe(
      'room.json: speakers: M+110, M-110 of 0+5+0 are missing (every loudspeaker of the base layout is listed once; LFE may be left out)',
    );
  });

  it('lists every problem together', () => {
    const error = refusal(room([{ ...FIVE_ONE[0], azimuthDeg: 50 }, FIVE_ONE[0], { label: 'X' }]));
    expect(error).toBeInstanceOf(FieldErrors);
    expect((error as FieldErrors).problems.map((p) => p.path)).toEqual(['speakers[0].azimuthDeg', 'speakers[1].label', 'speakers[2].label', 'speakers']);
  });

  it('refuses an unknown base layout and malformed fields, naming the field and what was expected', () => {
    expect(refusal(room(FIVE_ONE, '5.1')).message).toMatch(/^room\.json: baseLayout: expected a BS\.2051 layout name \(0\+2\+0, .*2\+7\+0\), got "5\.1"$/);
    expect(refusal({ baseLayout: '0+5+0', speakers: [] }).message).toBe('room.json: name: expected a string, got nothing');
    expect(refusal(room([{ label: 'M+030', azimuthDeg: 'left', elevationDeg: 0 }])).message).toMatch(/speakers\[0\]\.azimuthDeg: expected a number in \[-180, 180\], got "left"/);
  });

  it('refuses text that is not JSON, and more speakers than any layout has, naming the file', () => {
    expect(() => parseUserLayoutJson('{"name": ', FILE)).toThrow(/^room\.json: not valid JSON \(/);
    const many = Array.from({ length: 65 }, () => FIVE_ONE[0]);
    expect(refusal(room(many)).message).toBe('room.json: speakers: expected at most 64 loudspeakers (0+5+0 has 6 channels), got 65');
    expect(parseUserLayoutJson(JSON.stringify(room(FIVE_ONE)), FILE).roomName).toBe('Room');
  });
});
