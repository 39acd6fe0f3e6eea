import { describe, expect, it } from 'vitest';
import { FieldError } from '../../../../src/core/fieldError';
import {
  DEFAULT_MID_SIDE_SETTINGS,
  MID_SIDE_LIMITS,
  MID_SIDE_NUMBER_FIELDS,
  isDefaultMidSide,
  isNeutral,
} from '../../../../src/core/scene/midSideSettings';
import { parseSceneJson, parseSceneValue } from '../../../../src/core/scene/sceneParse';
import { serializeScene } from '../../../../src/core/scene/sceneWrite';
import { sourceParamsOf } from '../../../../src/core/scene/sourceParams';
import { DEFAULT_MID_SIDE_PARAMS } from '../../../../src/dsp/midside/midSideControl';

function sceneJson(): any {
  return {
    format: 'spatial-mix-studio/scene',
    version: 1,
    sampleRateHz: 48000,
    listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    sources: [0, 1, 2, 3].map((i) => ({
      id: `s${i}`,
      name: `Source ${i}`,
      stem: { generator: 'pad' },
      gainDb: 0,
      mute: false,
      solo: false,
      position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 2 },
    })),
  };
}

function errorFor(edit: (scene: any) => void): string {
  const scene = sceneJson();
  edit(scene);
  try {
    parseSceneValue(scene, 'scenes/x.json');
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError);
    return (error as Error).message;
  }
  throw new Error('expected the scene to be refused');
}

describe('mid/side settings in the scene format', () => {
  it('are the processor parameters without the monitor, with the same defaults; the limits are the documented ranges', () => {
    const { monitor, ...params } = DEFAULT_MID_SIDE_PARAMS;
    expect(monitor).toBe('stereo');
    expect(DEFAULT_MID_SIDE_SETTINGS).toEqual(params);
    // README, scene format: width 0-200 %, gains -120..+24 dB, bass mono 20-1000 Hz, shelves 20 Hz-20 kHz at +-24 dB.
    expect(MID_SIDE_LIMITS.widthPercent).toEqual({ min: 0, max: 200 });
    expect(MID_SIDE_LIMITS.midGainDb).toEqual({ min: -120, max: 24 });
    expect(MID_SIDE_LIMITS.sideGainDb).toEqual({ min: -120, max: 24 });
    expect(MID_SIDE_LIMITS.bassMonoCutoffHz).toEqual({ min: 20, max: 1000 });
    expect(MID_SIDE_LIMITS.sideHighShelfGainDb).toEqual({ min: -24, max: 24 });
    expect(MID_SIDE_LIMITS.midLowShelfHz).toEqual({ min: 20, max: 20000 });
  });

  it('isNeutral: the defaults and any shelf frequency at 0 dB are neutral; any audible change is not', () => {
    expect(isNeutral(DEFAULT_MID_SIDE_SETTINGS)).toBe(true);
    expect(isNeutral({ ...DEFAULT_MID_SIDE_SETTINGS, midLowShelfHz: 400, sideHighShelfHz: 3000, bassMonoCutoffHz: 300 })).toBe(true);
    for (const patch of [{ widthPercent: 99 }, { midGainDb: -0.1 }, { sideGainDb: 1 }, { bassMono: true }, { midHighShelfGainDb: 2 }, { sideLowShelfGainDb: -3 }]) {
      expect(isNeutral({ ...DEFAULT_MID_SIDE_SETTINGS, ...patch })).toBe(false);
    }
    expect(isDefaultMidSide({ ...DEFAULT_MID_SIDE_SETTINGS, midLowShelfHz: 400 })).toBe(false);
  });

  it('are absent from a scene without them, and fill omitted fields with the defaults', () => {
    const scene = sceneJson();
    scene.sources[1].midSide = { widthPercent: 0, bassMono: true };
    scene.master = { midSide: { sideHighShelfGainDb: 3 } };
    const { scene: parsed, warnings } = parseSceneValue(scene, 'x.json');
    expect(warnings).toEqual([]);
    expect(parsed.sources[0]!.midSide).toBeUndefined();
    expect(parsed.sources[1]!.midSide).toEqual({ ...DEFAULT_MID_SIDE_SETTINGS, widthPercent: 0, bassMono: true });
    expect(parsed.master).toEqual({ midSide: { ...DEFAULT_MID_SIDE_SETTINGS, sideHighShelfGainDb: 3 } });
    expect(sourceParamsOf(parsed.sources[0]!).midSide).toBeUndefined();
    expect(sourceParamsOf(parsed.sources[1]!).midSide?.widthPercent).toBe(0);
  });

  it('drops settings that are all at their defaults (nothing to keep)', () => {
    const scene = sceneJson();
    scene.sources[0].midSide = { widthPercent: 100, bassMono: false };
    scene.master = { midSide: {} };
    const { scene: parsed } = parseSceneValue(scene, 'x.json');
    expect(parsed.sources[0]!.midSide).toBeUndefined();
    expect(parsed.master).toBeUndefined();
  });

  it('refuses each bad field with its JSON path, the range expected and the value found', () => {
    expect(errorFor((s) => (s.sources[3].midSide = { widthPercent: 250 }))).toBe(
      'scenes/x.json: sources[3].midSide.widthPercent: expected a number in [0, 200], got 250',
    );
    expect(errorFor((s) => (s.sources[0].midSide = 'wide'))).toBe('scenes/x.json: sources[0].midSide: expected an object, got "wide"');
    expect(errorFor((s) => (s.sources[0].midSide = { bassMono: 'yes' }))).toBe(
      'scenes/x.json: sources[0].midSide.bassMono: expected true or false, got "yes"',
    );
    const badValues: Record<string, unknown> = {
      widthPercent: -1,
      midGainDb: 25,
      sideGainDb: -121,
      bassMonoCutoffHz: 1001,
      midLowShelfHz: 19,
      midLowShelfGainDb: 24.5,
      midHighShelfHz: 20001,
      midHighShelfGainDb: -25,
      sideLowShelfHz: null,
      sideLowShelfGainDb: '3',
      sideHighShelfHz: Number.NaN,
      sideHighShelfGainDb: 30,
    };
    expect(Object.keys(badValues)).toEqual([...MID_SIDE_NUMBER_FIELDS]);
    for (const field of MID_SIDE_NUMBER_FIELDS) {
      const { min, max } = MID_SIDE_LIMITS[field];
      const message = errorFor((s) => (s.sources[2].midSide = { [field]: badValues[field] }));
      expect(message).toMatch(new RegExp(`^scenes/x\\.json: sources\\[2\\]\\.midSide\\.${field}: expected a number in \\[${min}, ${max}\\], got `));
    }
    expect(errorFor((s) => (s.master = { midSide: { widthPercent: 201 } }))).toBe(
      'scenes/x.json: master.midSide.widthPercent: expected a number in [0, 200], got 201',
    );
    expect(errorFor((s) => (s.master = []))).toBe('scenes/x.json: master: expected an object, got an array');
  });

  it('keep unknown fields (with a warning) and write them back', () => {
    const scene = sceneJson();
    scene.sources[0].midSide = { widthPercent: 80, saturation: 0.3 };
    scene.master = { midSide: { limiter: true }, dither: 'tpdf' };
    const { scene: parsed, warnings } = parseSceneValue(scene, 'x.json');
    expect(warnings).toEqual([
      'x.json: sources[0].midSide.saturation: unknown field, kept as is',
      'x.json: master.midSide.limiter: unknown field, kept as is',
      'x.json: master.dither: unknown field, kept as is',
    ]);
    const written = JSON.parse(serializeScene(parsed));
    expect(written.objects[0].midSide).toEqual({ widthPercent: 80, saturation: 0.3 });
    expect(written.master).toEqual({ midSide: { limiter: true }, dither: 'tpdf' });
  });

  it('write only the fields away from their defaults, and round-trip', () => {
    const scene = sceneJson();
    scene.sources[1].midSide = {
      widthPercent: 150,
      midGainDb: -1.5,
      sideGainDb: 2,
      bassMono: true,
      bassMonoCutoffHz: 90,
      midLowShelfHz: 100,
      midLowShelfGainDb: -2,
      midHighShelfHz: 9000,
      midHighShelfGainDb: 1,
      sideLowShelfHz: 200,
      sideLowShelfGainDb: -6,
      sideHighShelfHz: 6000,
      sideHighShelfGainDb: 3,
    };
    scene.sources[2].midSide = { widthPercent: 0, midLowShelfHz: 120 };
    scene.master = { midSide: { widthPercent: 90 } };
    const first = parseSceneValue(scene, 'x.json').scene;
    const text = serializeScene(first);
    const json = JSON.parse(text);
    expect(json.objects[0].midSide).toBeUndefined();
    expect(json.objects[1].midSide).toEqual(scene.sources[1].midSide);
    expect(json.objects[2].midSide).toEqual({ widthPercent: 0 });
    expect(json.master).toEqual({ midSide: { widthPercent: 90 } });
    expect(parseSceneJson(text, 'x.json').scene).toEqual(first);
  });

  it('write a scene without mid/side settings exactly as before (no master, no midSide keys)', () => {
    const text = serializeScene(parseSceneValue(sceneJson(), 'x.json').scene);
    expect(text).not.toMatch(/midSide|master/);
  });
});
