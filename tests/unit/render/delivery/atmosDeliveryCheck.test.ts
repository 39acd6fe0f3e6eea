import { describe, expect, it } from 'vitest';
import type { DeliveryVerdict } from '../../../../src/core/delivery/atmosMusicDelivery';
import { getLayout } from '../../../../src/core/layouts';
import type { Scene, SceneBed, SceneSource } from '../../../../src/core/scene/scene';
import { SCENE_FORMAT_VERSION } from '../../../../src/core/scene/scene';
import { LOUDNESS_FLOOR } from '../../../../src/dsp/loudness/loudnessMeter';
import { measureLoudness } from '../../../../src/dsp/loudness/measureLoudness';
import { checkAtmosDelivery } from '../../../../src/render/delivery/atmosDeliveryCheck';
import { sceneAsMaster } from '../../../../src/render/delivery/deliveryMaster';
import { gaussianNoise } from '../../../support/prng';

/**
 * The delivery check's facts from a scene (render/delivery): a compliant mix (about -24
 * LKFS, peaks near -15 dBTP, the LFE a 50 Hz tone) passes every rule; each fixture breaks
 * one rule (too loud breaks the two loudness rules, of 7.1.4 and of its 5.1 downmix) and
 * only that rule. Loudness facts
 * against closed forms: an object at a loudspeaker's position feeds that loudspeaker
 * alone (BS.2127's point-source panner), so the 7.1.4 loudness is the stem's own plus
 * 10 log10 of its BS.1770 channel weight (0.01 LU: the K-weighted meter on the same
 * samples, only the weight differs).
 */
const RATE = 48000;
const SECONDS = 2;
const FRAMES = RATE * SECONDS;
const NOISE_RMS = 0.025;

function noise(seed: number, rms = NOISE_RMS, rate = RATE): Float32Array {
  return gaussianNoise(rate * SECONDS, seed).map((x) => x * rms);
}

function sine(hz: number, amplitude: number, rate = RATE): Float32Array {
  return Float32Array.from({ length: rate * SECONDS }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
}

function object(id: string, azimuthDeg: number, extra: Partial<SceneSource> = {}): SceneSource {
  return { id, name: id, stem: { kind: 'generator', generator: 'test' }, gainDb: 0, mute: false, solo: false, position: { azimuthDeg, elevationDeg: 0, distanceM: 1 }, spreadDeg: 0, ...extra };
}

const BED_LABELS = getLayout('2+7+0').channels.map((c) => c.label);
const bed: SceneBed = { id: 'bed', name: 'Bed', stem: { kind: 'generator', generator: 'test' }, layout: '2+7+0', channels: BED_LABELS, gainDb: 0, mute: false, solo: false };

/** A 7.1.2 bed stem: noise in M+030, `lfe` in the LFE, silence elsewhere. */
function bedStem(lfe: Float32Array, rate = RATE): Float32Array[] {
  return BED_LABELS.map((label) => (label === 'M+030' ? noise(9, NOISE_RMS, rate) : label === 'LFE1' ? lfe : new Float32Array(rate * SECONDS)));
}

interface Mix {
  readonly scene: Scene;
  readonly stems: Float32Array[][];
}

/** Two objects (near and far) and a 7.1.2 bed whose LFE is a 50 Hz tone: about -24 LKFS, peaks near -15 dBTP. */
function compliantMix(change: { rate?: number; gainDb?: number; lfe?: Float32Array; modes?: 'all-default'; emptyObject?: boolean } = {}): Mix {
  const rate = change.rate ?? RATE;
  const gainDb = change.gainDb ?? 0;
  const sources = [
    object('near', 30, { gainDb, ...(change.modes === 'all-default' ? {} : { binauralRenderMode: 'near' }) }),
    object('far', -110, { gainDb, ...(change.modes === 'all-default' ? {} : { binauralRenderMode: 'far' }) }),
    ...(change.emptyObject === true ? [object('silent', 0, { binauralRenderMode: 'near' })] : []),
  ];
  const stems = [[noise(1, NOISE_RMS, rate)], [noise(2, NOISE_RMS, rate)], ...(change.emptyObject === true ? [[new Float32Array(rate * SECONDS)]] : []), bedStem(change.lfe ?? sine(50, 0.1, rate), rate)];
  return { scene: { version: SCENE_FORMAT_VERSION, sampleRateHz: rate, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources, beds: [bed] }, stems };
}

function check({ scene, stems }: Mix) {
  return checkAtmosDelivery(scene, stems, sceneAsMaster(scene, stems));
}

function notPassing(mix: Mix): Record<string, DeliveryVerdict> {
  return Object.fromEntries(check(mix).rules.filter((rule) => rule.verdict !== 'pass').map((rule) => [rule.id, rule.verdict]));
}

describe('checkAtmosDelivery of a scene', () => {
  it('passes every rule for a compliant mix, with the facts of its export: 2 objects and 10 bed channels, the LFE band-limited', () => {
    const { facts, rules } = check(compliantMix());
    expect(rules.filter((rule) => rule.verdict !== 'pass')).toEqual([]);
    expect(facts).toMatchObject({ sampleRateHz: 48000, bitsPerSample: undefined, channelCount: 12, objectCount: 2, admProfileProblems: undefined, emptyObjects: [] });
    expect(facts.renderModes).toEqual(['near', 'far', ...BED_LABELS.map(() => 'mid')]);
    expect(facts.lfe!.marginDb).toBeGreaterThan(facts.lfe!.requiredMarginDb);
    expect(facts.fullRender.integratedLkfs).toBeLessThan(-18);
    expect(facts.downmix51.integratedLkfs).toBeGreaterThan(-31);
  });

  it.each<[string, Parameters<typeof compliantMix>[0], Record<string, DeliveryVerdict>]>([
    ['a mix too loud (+8 dB on the objects: about -17 LKFS)', { gainDb: 8 }, { 'loudness 7.1.4': 'fail', 'loudness 5.1 downmix': 'fail' }],
    ['a mix at 44.1 kHz', { rate: 44100 }, { 'sample-rate': 'fail' }],
    ['an LFE of full-band noise', { lfe: noise(3) }, { 'lfe-band-limit': 'fail' }],
    ['an empty object track', { emptyObject: true }, { 'no-empty-objects': 'flag' }],
    ['every render mode left at its default (mid)', { modes: 'all-default' }, { 'binaural-render-modes': 'flag' }],
  ])('%s: fails or flags that rule and only that rule', (_, change, expected) => {
    expect(notPassing(compliantMix(change))).toEqual(expected);
  });

  it('names the empty object track', () => {
    expect(check(compliantMix({ emptyObject: true })).facts.emptyObjects).toEqual(['silent']);
  });

  it.each([
    ['M+000', 0, 1],
    ['M+090 (+1.5 dB by BS.1770)', 90, 1.41],
    ['M+030', 30, 1],
  ])('measures an object at %s as its stem weighted by that loudspeaker (0.01 LU), in 7.1.4 and its 5.1 fold', (_, azimuthDeg, weight) => {
    const stem = noise(4);
    const scene: Scene = { version: SCENE_FORMAT_VERSION, sampleRateHz: RATE, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources: [object('o', azimuthDeg)] };
    const { facts } = checkAtmosDelivery(scene, [[stem]], sceneAsMaster(scene, [[stem]]));
    const expected = measureLoudness([stem], RATE, [1]).integratedLufs + 10 * Math.log10(weight);
    expect(Math.abs(facts.fullRender.integratedLkfs - expected)).toBeLessThan(0.01);
    expect(Math.abs(facts.downmix51.integratedLkfs - expected)).toBeLessThan(0.01);
  });

  it('leaves the LFE out of the loudness: a mix whose only signal is a bed LFE reads the meter\'s floor, and its LFE is judged', () => {
    const lfeOnly = BED_LABELS.map((label) => (label === 'LFE1' ? sine(50, 0.5) : new Float32Array(FRAMES)));
    const scene: Scene = { version: SCENE_FORMAT_VERSION, sampleRateHz: RATE, listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, sources: [], beds: [bed] };
    const { facts } = checkAtmosDelivery(scene, [lfeOnly], sceneAsMaster(scene, [lfeOnly]));
    expect(facts.fullRender.integratedLkfs).toBe(LOUDNESS_FLOOR);
    expect(facts.downmix51.integratedLkfs).toBe(LOUDNESS_FLOOR);
    expect(facts.lfe).toBeDefined();
  });

  it('counts only what is heard: a muted object is neither a track nor a render mode', () => {
    const mix = compliantMix();
    const muted: Mix = { ...mix, scene: { ...mix.scene, sources: mix.scene.sources.map((s, i) => (i === 1 ? { ...s, mute: true } : s)) } };
    const { facts } = check(muted);
    expect(facts.objectCount).toBe(1);
    expect(facts.channelCount).toBe(11);
    expect(facts.renderModes.filter((m) => m !== 'mid')).toEqual(['near']);
  });
});
