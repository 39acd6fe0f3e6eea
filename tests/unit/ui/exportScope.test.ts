import { describe, expect, it } from 'vitest';
import { createStudioStore } from '../../../src/state/studioStore';
import { inWords, monitorOnlySettings, soloedSourceNames } from '../../../src/ui/export/exportScope';
import { testScene } from '../state/fakeEngine';

/**
 * What the Export dialog says an export will not contain. The degrees and hertz in the
 * phrases are the settings' own values, written exactly (whole degrees; frequencies to
 * three significant figures, which these are).
 */
function setup() {
  return createStudioStore({ engine: null, scene: testScene() });
}

describe('export scope', () => {
  it('names nothing while what is heard is the mix: no solo, head front, no M/S or band solo, binaural', () => {
    const store = setup();
    store.getState().toggleMute('a');
    expect(soloedSourceNames(store.getState().scene)).toEqual([]);
    expect(monitorOnlySettings(store.getState())).toEqual([]);
  });

  it('names the soloed sources in scene order', () => {
    const store = setup();
    store.getState().toggleSolo('c');
    store.getState().toggleSolo('a');
    expect(soloedSourceNames(store.getState().scene)).toEqual(['A', 'C']);
  });

  it('names a soloed bed after the soloed sources (a bed solo silences the objects in an export too)', () => {
    const scene = testScene();
    const bed = { id: 'music', name: 'Music bed', stem: { kind: 'file' as const, file: 'music.wav' }, layout: '0+5+0' as const, channels: ['M+030', 'M-030', 'M+000', 'LFE1', 'M+110', 'M-110'], gainDb: 0, mute: false, solo: false };
    const store = createStudioStore({ engine: null, scene: { ...scene, beds: [bed] } });
    store.getState().toggleSolo('music');
    store.getState().toggleSolo('b');
    expect(soloedSourceNames(store.getState().scene)).toEqual(['B', 'Music bed']);
  });

  it('names every monitor-only setting with its values', () => {
    const store = setup();
    store.getState().setMonitorHead({ yawDeg: -30, pitchDeg: 10 });
    store.getState().setMidSideSolo('side');
    store.getState().soloMonitorBand({ lowerHz: 250, upperHz: 2000 });
    store.getState().setMonitorOutput('mono');
    store.getState().setSpeakerSolo('M+000');
    expect(monitorOnlySettings(store.getState())).toEqual([
      'the monitor head turned 30° right, 10° up',
      'the S solo (side only)',
      'the band solo (250 Hz to 2 kHz)',
      'the mono monitor',
      'the loudspeaker solo (M+000 alone)',
    ]);
  });

  it('the scene rotation is a mix parameter, not a monitor-only setting', () => {
    const store = setup();
    store.getState().setSceneRotation(90);
    expect(monitorOnlySettings(store.getState())).toEqual([]);
  });

  it('joins phrases as words', () => {
    expect(inWords([])).toBe('');
    expect(inWords(['a'])).toBe('a');
    expect(inWords(['a', 'b'])).toBe('a and b');
    expect(inWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
