import { describe, expect, it } from 'vitest';
import { deviceRefusal, isMonitorOutputId, monitorChoices, monitorOutput } from '../../../../src/core/outputs/monitorOutputs';
import { monitoredSpeakers } from '../../../../src/core/outputs/monitoredSpeakers';
import { loudspeakerOutput } from '../../../../src/core/outputs/studioOutputs';
import { parseUserLayoutJson } from '../../../../src/core/userLayout';
import { readFileSync } from 'node:fs';

describe('monitor choices', () => {
  it('lists 7.1.4 by trade and BS.2051 name, on headphones, and its 5.1, Lo/Ro, Lt/Rt and mono downmixes', () => {
    const labels = new Map(monitorChoices().map((choice) => [choice.id, choice.label]));
    expect(labels.get('7.1.4')).toBe('7.1.4 (4+7+0)');
    expect(labels.get('binaural-7.1.4')).toBe('7.1.4 on headphones');
    expect(labels.get('7.1.4-to-5.1')).toBe('7.1.4 to 5.1');
    expect(labels.get('7.1.4-to-loro')).toBe('7.1.4 to Lo/Ro');
    expect(labels.get('7.1.4-to-ltrt')).toBe('7.1.4 to Lt/Rt');
    expect(labels.get('7.1.4-to-mono')).toBe('7.1.4 to mono');
    expect([...labels.keys()].slice(0, 3)).toEqual(['binaural', 'stereo', 'mono']);
  });

  it('offers every layout but stereo (the studio\'s) and no 5.1 fold of 5.1 nor of a layout the fold has no rule for', () => {
    const ids = monitorChoices().map((choice) => choice.id);
    for (const id of ['5.1', '5.1.2', '5.1.4', '7.1', '7.1.2', '22.2', '13.1', 'binaural-5.1']) expect(ids, id).toContain(id);
    expect(ids).not.toContain('5.1-to-5.1');
    expect(ids).not.toContain('binaural-stereo');
    expect(isMonitorOutputId('7.1.4')).toBe(true);
    expect(isMonitorOutputId('7.1.5')).toBe(false);
  });
});

describe('deviceRefusal', () => {
  it('refuses 7.1.4 on a 2-output device, saying both counts and offering headphones', () => {
    const refusal = deviceRefusal(monitorOutput('7.1.4', '-3dB'), 2);
    expect(refusal).toEqual({
      outputId: '7.1.4',
      message: 'This device has 2 outputs; 7.1.4 needs 12. Listen to 7.1.4 on headphones instead?',
      headphonesId: 'binaural-7.1.4',
    });
    expect(deviceRefusal(monitorOutput('7.1.4', '-3dB'), 12)).toBeNull();
    expect(deviceRefusal(monitorOutput('binaural-7.1.4', '-3dB'), 2)).toBeNull();
    expect(deviceRefusal(monitorOutput('7.1.4-to-loro', '-3dB'), 2)).toBeNull();
    expect(deviceRefusal(monitorOutput('7.1.4-to-5.1', '-3dB'), 2)?.message).toMatch(/needs 6\. Listen to 7\.1\.4 on headphones instead\?/);
  });
});

describe('monitoredSpeakers', () => {
  it('gives a layout on headphones its layout\'s loudspeakers at their nominal angles, the LFE unplaced', () => {
    const speakers = monitoredSpeakers(monitorOutput('binaural-5.1', '-3dB'))!;
    expect(speakers.outputId).toBe('5.1');
    expect(speakers.speakers.map((s) => [s.label, s.azimuthDeg, s.elevationDeg])).toEqual([
      ['M+030', 30, 0],
      ['M-030', -30, 0],
      ['M+000', 0, 0],
      ['LFE1', null, null],
      ['M+110', 110, 0],
      ['M-110', -110, 0],
    ]);
    expect(monitoredSpeakers(monitorOutput('binaural', '-3dB'))).toBeNull();
    expect(monitoredSpeakers(monitorOutput('7.1.4-to-loro', '-3dB'))!.speakers.map((s) => s.label)).toEqual(['M+030', 'M-030']);
  });

  it('places a user layout\'s loudspeakers at the room\'s measured angles (tests/fixtures/layouts/studio-b-7.1.4.json)', () => {
    const file = 'tests/fixtures/layouts/studio-b-7.1.4.json';
    const room = parseUserLayoutJson(readFileSync(file, 'utf8'), file);
    const output = { ...loudspeakerOutput('studio-b', 'Studio B', '4+7+0'), layout: room };
    const placed = new Map(monitoredSpeakers(output)!.speakers.map((s) => [s.label, [s.azimuthDeg, s.elevationDeg]]));
    expect(placed.get('M+090')).toEqual([95, 0]);
    expect(placed.get('U-045')).toEqual([-42, 38]);
    expect(placed.get('LFE1')).toEqual([null, null]);
  });
});
