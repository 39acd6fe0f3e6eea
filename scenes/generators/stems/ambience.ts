import { BUTTERWORTH_Q, createBiquad, processBiquad } from '../dsp/biquad';
import { createRandom, whiteNoise } from '../dsp/random';
import type { Random } from '../dsp/random';
import { createStereoReverb, processStereoReverb } from '../dsp/reverb';
import { createSvf, processSvf, setSvf, sweepSvf } from '../dsp/svf';
import { createValueNoise } from '../dsp/valueNoise';
import { panGains } from '../dsp/level';
import { midiToHz, noteAtOrAbove } from '../pitch';
import { barsOfPart, chordPitchClasses, SECONDS_PER_STEP, SONG_LENGTH_SEC, STEPS_PER_BAR } from '../song';
import type { Bar } from '../song';

/**
 * Ambience (stereo, decorrelated): a bed of wind with sparse wind-chimes in a big space.
 *
 * Wind: per channel, independent white noise through a resonant band-pass whose centre
 * wanders between about 250 Hz and 1.6 kHz, plus a low rumble, under slow gusts; the two
 * channels use different noise and different wandering, so they are nearly uncorrelated.
 * Chimes: one or two per bar at random eighth-note positions, on tones of the bar's
 * chord between E5 and D#6, each an additive tone with the inharmonic partials of a
 * free bar (1 : 2.76 : 5.40 : 8.93) and its own decay per partial, panned to alternate
 * sides.
 * Everything goes through the synthetic reverb (reverb.ts, RT60 3.5 s); the wet tail
 * is the larger part of the sound.
 */

/** Partials of a free-free bar (the modes of a chime rod): ratio, level, decay. */
const CHIME_PARTIALS = [
  { ratio: 1, level: 1, decaySec: 2.2 },
  { ratio: 2.756, level: 0.5, decaySec: 1.1 },
  { ratio: 5.404, level: 0.25, decaySec: 0.5 },
  { ratio: 8.933, level: 0.12, decaySec: 0.25 },
] as const;
/** Each partial rings for this many of its decay constants (-52 dB). */
const CHIME_DECAY_CONSTANTS = 6;
const LOWEST_CHIME_MIDI = 76;
const WIND_FADE_IN_SEC = 3;
const GUST_PERIOD_SEC = 1.7;
const WANDER_PERIOD_SEC = 2.3;
const WIND_LEVEL = 1.2;
const WHISTLE_CENTRE_HZ = 640;
const WHISTLE_RANGE_OCTAVES = 1.3;
const WHISTLE_Q = 2.5;
const RUMBLE_CUTOFF_HZ = 180;
const RUMBLE_LEVEL = 0.5;
const CHIME_DRY = 0.35;
const WIND_TO_REVERB = 0.4;
const REVERB = { decaySec: 3.5, dampingHz: 5000 } as const;
/** Keeps the rumble from muddying the bass and kick. */
const BED_HIGH_PASS_HZ = 60;
const FILTER_UPDATE_SAMPLES = 32;
const SCORE_SEED = 0xa3b1e;
const WIND_SEED = 0x3121d;

function addWind(out: Float32Array, sampleRateHz: number, random: Random): void {
  const gust = createValueNoise(random, GUST_PERIOD_SEC, SONG_LENGTH_SEC);
  const wander = createValueNoise(random, WANDER_PERIOD_SEC, SONG_LENGTH_SEC);
  const whistle = whiteNoise(out.length, random);
  const rumble = whistle.slice();
  const whistleHzAt = (timeSec: number): number => WHISTLE_CENTRE_HZ * 2 ** (WHISTLE_RANGE_OCTAVES * wander(timeSec));
  sweepSvf(createSvf(), 'bandpass', whistle, whistleHzAt, WHISTLE_Q, sampleRateHz, FILTER_UPDATE_SAMPLES);
  const rumbleFilter = createSvf();
  setSvf(rumbleFilter, RUMBLE_CUTOFF_HZ, BUTTERWORTH_Q, sampleRateHz);
  processSvf(rumbleFilter, 'lowpass', rumble, rumble);
  for (let i = 0; i < out.length; i++) {
    const timeSec = i / sampleRateHz;
    const level = Math.min(1, timeSec / WIND_FADE_IN_SEC) * (0.55 + 0.45 * gust(timeSec));
    out[i] = (out[i] ?? 0) + WIND_LEVEL * level * ((whistle[i] ?? 0) + RUMBLE_LEVEL * (rumble[i] ?? 0));
  }
}

/** Adds one chime, its partials by the recursion sin(n w) = 2 cos(w) sin((n-1) w) - sin((n-2) w). */
function addChime(outputs: readonly [Float32Array, Float32Array], startSec: number, midi: number, velocity: number, pan: number, sampleRateHz: number): void {
  const start = Math.round(startSec * sampleRateHz);
  const [leftGain, rightGain] = panGains(pan);
  const attackSamples = Math.round(0.002 * sampleRateHz);
  for (const partial of CHIME_PARTIALS) {
    const frequencyHz = midiToHz(midi) * partial.ratio;
    if (frequencyHz > 0.45 * sampleRateHz) continue;
    const length = Math.min(Math.round(CHIME_DECAY_CONSTANTS * partial.decaySec * sampleRateHz), outputs[0].length - start);
    const omega = (2 * Math.PI * frequencyHz) / sampleRateHz;
    const twoCos = 2 * Math.cos(omega);
    const decay = Math.exp(-1 / (partial.decaySec * sampleRateHz));
    let amplitude = velocity * partial.level;
    let previous = -Math.sin(omega);
    let current = 0;
    for (let i = 0; i < length; i++) {
      const sample = amplitude * Math.min(1, (i + 1) / attackSamples) * current;
      outputs[0][start + i] = (outputs[0][start + i] ?? 0) + leftGain * sample;
      outputs[1][start + i] = (outputs[1][start + i] ?? 0) + rightGain * sample;
      const next = twoCos * current - previous;
      previous = current;
      current = next;
      amplitude *= decay;
    }
  }
}

function addChimesOfBar(outputs: readonly [Float32Array, Float32Array], bar: Bar, sampleRateHz: number, random: Random): void {
  const tones = chordPitchClasses(bar.chord).map((pitchClass) => noteAtOrAbove(pitchClass, LOWEST_CHIME_MIDI));
  const count = random.chance(0.5) ? 2 : 1;
  for (let n = 0; n < count; n++) {
    const step = 2 * Math.floor(random.next() * (STEPS_PER_BAR / 2));
    const midi = tones[Math.floor(random.next() * tones.length)] ?? LOWEST_CHIME_MIDI;
    // Chimes alternate sides so the bed stays balanced between the channels.
    const pan = ((bar.index + n) % 2 === 0 ? -1 : 1) * random.between(0.3, 0.85);
    addChime(outputs, bar.startSec + step * SECONDS_PER_STEP, midi, random.between(0.4, 0.9), pan, sampleRateHz);
  }
}

export function generateAmbience(sampleRateHz: number): Float32Array[] {
  const frames = Math.round(SONG_LENGTH_SEC * sampleRateHz);
  // Two streams: the chimes' score must not depend on how much noise the rate needs.
  const score = createRandom(SCORE_SEED);
  const chimes: [Float32Array, Float32Array] = [new Float32Array(frames), new Float32Array(frames)];
  for (const bar of barsOfPart('ambience')) addChimesOfBar(chimes, bar, sampleRateHz, score);
  const air = createRandom(WIND_SEED);
  const windLeft = new Float32Array(frames);
  const windRight = new Float32Array(frames);
  addWind(windLeft, sampleRateHz, air);
  addWind(windRight, sampleRateHz, air);

  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    left[i] = CHIME_DRY * (chimes[0][i] ?? 0) + (windLeft[i] ?? 0);
    right[i] = CHIME_DRY * (chimes[1][i] ?? 0) + (windRight[i] ?? 0);
  }
  const reverbInputs: [Float32Array, Float32Array] = [new Float32Array(frames), new Float32Array(frames)];
  for (let i = 0; i < frames; i++) {
    reverbInputs[0][i] = (chimes[0][i] ?? 0) + WIND_TO_REVERB * (windLeft[i] ?? 0);
    reverbInputs[1][i] = (chimes[1][i] ?? 0) + WIND_TO_REVERB * (windRight[i] ?? 0);
  }
  processStereoReverb(createStereoReverb(REVERB, sampleRateHz), reverbInputs, [left, right], 1);
  for (const channel of [left, right]) processBiquad(createBiquad('highpass', BED_HIGH_PASS_HZ, BUTTERWORTH_Q, sampleRateHz), channel);
  return [left, right];
}
