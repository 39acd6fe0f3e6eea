import { BUTTERWORTH_Q, createBiquad, processBiquad } from '../dsp/biquad';
import { smoothingCoefficient } from '../dsp/envelopes';
import { addSawModulated } from '../dsp/oscillators';
import { createRandom, whiteNoise } from '../dsp/random';
import type { Random } from '../dsp/random';
import { createSvf, processSvf, setSvf } from '../dsp/svf';
import { createValueNoise } from '../dsp/valueNoise';
import { dbToGain } from '../dsp/level';
import { midiToHz } from '../pitch';
import { SONG_LENGTH_SEC } from '../song';
import { ALTO_FORMANTS, FORMANT_COUNT } from './formants';
import { MELODY } from './leadMelody';
import type { MelodyNote } from './leadMelody';

/**
 * Lead (mono): a wordless, vocal-like line by source-filter synthesis. The "glottis" is
 * a polyBLEP sawtooth with a little breath noise; the "vocal tract" is four parallel
 * band-pass resonators at the formants of the sung vowel (formants.ts), gliding from
 * vowel to vowel. Singing gestures: notes that touch are sung legato with a 40 ms
 * portamento, a note after a rest scoops up from 60 cents flat, vibrato (5.3 Hz, up to
 * +-35 cents) grows in after 150 ms of each note, and a slow random drift of a few cents
 * keeps the pitch alive. Like a soprano, the first formant is raised above the pitch
 * when the note climbs past it, so high notes do not lose their body.
 */

const GLIDE_SEC = 0.04;
const SCOOP_SEMITONES = 0.6;
const ATTACK_SEC = 0.025;
const RELEASE_SEC = 0.09;
const VIBRATO_RATE_HZ = 5.3;
const VIBRATO_DEPTH_CENTS = 35;
const VIBRATO_DELAY_SEC = 0.15;
const VIBRATO_RISE_SEC = 0.35;
const DRIFT_CENTS = 6;
const DRIFT_PERIOD_SEC = 0.6;
const BREATH_LEVEL = 0.05;
/** The first formant stays this far above the sung pitch. */
const FIRST_FORMANT_OVER_PITCH = 1.15;
const VOWEL_GLIDE_SEC = 0.05;
const FORMANT_UPDATE_SAMPLES = 16;
const HIGH_PASS_HZ = 140;
const SEED = 0x1ead;

function isLegato(previous: MelodyNote | undefined, note: MelodyNote): boolean {
  return previous !== undefined && Math.abs(previous.startSec + previous.lengthSec - note.startSec) < 1e-6;
}

/** The performance: per sample, the oscillator's phase increment and the voice level. */
interface Performance {
  readonly increments: Float64Array;
  readonly levels: Float32Array;
  /** The note sung at each sample, as an index into MELODY (-1 before the first note). */
  readonly noteIndices: Int32Array;
}

function perform(frames: number, sampleRateHz: number, random: Random): Performance {
  const drift = createValueNoise(random, DRIFT_PERIOD_SEC, SONG_LENGTH_SEC);
  const increments = new Float64Array(frames);
  const levels = new Float32Array(frames);
  const noteIndices = new Int32Array(frames);
  const glide = smoothingCoefficient(GLIDE_SEC, sampleRateHz);
  const attack = smoothingCoefficient(ATTACK_SEC, sampleRateHz);
  const release = smoothingCoefficient(RELEASE_SEC, sampleRateHz);
  let noteIndex = -1;
  let note: MelodyNote | undefined;
  let velocity = 1;
  let pitch = MELODY[0]?.midi ?? 69;
  let level = 0;
  let vibratoPhase = 0;
  for (let i = 0; i < frames; i++) {
    const timeSec = i / sampleRateHz;
    for (let next = MELODY[noteIndex + 1]; next && next.startSec <= timeSec; next = MELODY[noteIndex + 1]) {
      if (!isLegato(note, next)) pitch = next.midi - SCOOP_SEMITONES;
      note = next;
      noteIndex += 1;
      velocity = 0.9 + 0.1 * random.next();
    }
    const gate = note && timeSec < note.startSec + note.lengthSec ? velocity : 0;
    level += (gate > level ? attack : release) * (gate - level);
    pitch += glide * ((note?.midi ?? pitch) - pitch);
    const sinceOnsetSec = timeSec - (note?.startSec ?? 0);
    const vibratoDepth = Math.min(1, Math.max(0, (sinceOnsetSec - VIBRATO_DELAY_SEC) / VIBRATO_RISE_SEC));
    const cents = VIBRATO_DEPTH_CENTS * vibratoDepth * Math.sin(2 * Math.PI * vibratoPhase) + DRIFT_CENTS * drift(timeSec);
    vibratoPhase = (vibratoPhase + VIBRATO_RATE_HZ / sampleRateHz) % 1;
    increments[i] = midiToHz(pitch + cents / 100) / sampleRateHz;
    levels[i] = level;
    noteIndices[i] = noteIndex;
  }
  return { increments, levels, noteIndices };
}

/**
 * Sings the source through the four formant resonators. Their frequencies, bandwidths
 * and levels glide towards the current vowel's every `FORMANT_UPDATE_SAMPLES`.
 */
function articulate(source: Float32Array, performance: Performance, sampleRateHz: number): Float32Array {
  const out = new Float32Array(source.length);
  const band = new Float32Array(source.length);
  const firstVowel = MELODY[0]?.vowel ?? 'a';
  const vowelGlide = smoothingCoefficient(VOWEL_GLIDE_SEC, sampleRateHz / FORMANT_UPDATE_SAMPLES);
  for (let k = 0; k < FORMANT_COUNT; k++) {
    const resonator = createSvf();
    const initial = ALTO_FORMANTS[firstVowel][k];
    let frequencyHz = initial?.frequencyHz ?? 1000;
    let bandwidthHz = initial?.bandwidthHz ?? 100;
    let gain = dbToGain(initial?.gainDb ?? -60);
    for (let start = 0; start < source.length; start += FORMANT_UPDATE_SAMPLES) {
      const end = Math.min(start + FORMANT_UPDATE_SAMPLES, source.length);
      const vowel = MELODY[performance.noteIndices[start] ?? -1]?.vowel ?? firstVowel;
      const target = ALTO_FORMANTS[vowel][k];
      if (!target) continue;
      const pitchHz = (performance.increments[start] ?? 0) * sampleRateHz;
      const targetHz = k === 0 ? Math.max(target.frequencyHz, FIRST_FORMANT_OVER_PITCH * pitchHz) : target.frequencyHz;
      frequencyHz += vowelGlide * (targetHz - frequencyHz);
      bandwidthHz += vowelGlide * (target.bandwidthHz - bandwidthHz);
      gain += vowelGlide * (dbToGain(target.gainDb) - gain);
      setSvf(resonator, frequencyHz, frequencyHz / bandwidthHz, sampleRateHz);
      processSvf(resonator, 'bandpass', source, band, start, end);
      for (let i = start; i < end; i++) out[i] = (out[i] ?? 0) + gain * (band[i] ?? 0);
    }
  }
  return out;
}

export function generateLead(sampleRateHz: number): Float32Array[] {
  const random = createRandom(SEED);
  const frames = Math.round(SONG_LENGTH_SEC * sampleRateHz);
  const performance = perform(frames, sampleRateHz, random);
  const source = whiteNoise(frames, random);
  for (let i = 0; i < frames; i++) source[i] = BREATH_LEVEL * (source[i] ?? 0);
  addSawModulated(source, performance.increments, 0, 1);
  for (let i = 0; i < frames; i++) source[i] = (source[i] ?? 0) * (performance.levels[i] ?? 0);
  const out = articulate(source, performance, sampleRateHz);
  processBiquad(createBiquad('highpass', HIGH_PASS_HZ, BUTTERWORTH_Q, sampleRateHz), out);
  return [out];
}
