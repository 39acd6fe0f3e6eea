import { decayFactor } from '../dsp/envelopes';
import { addPulse, addSaw } from '../dsp/oscillators';
import { createRandom } from '../dsp/random';
import type { Random } from '../dsp/random';
import { createSvf, sweepSvf } from '../dsp/svf';
import { midiToHz, noteAtOrAbove } from '../pitch';
import { barsOfPart, chordPitchClasses, SECONDS_PER_BEAT, SECONDS_PER_STEP, SONG_LENGTH_SEC, STEPS_PER_BAR } from '../song';
import type { Bar, SectionName } from '../song';

/**
 * Arpeggio (mono): a plucked synth running up and down the chord in sixteenths, with a
 * dotted-eighth echo, the motor of the piece from the first bar.
 *
 * Pluck: a polyBLEP saw plus a narrow pulse through a low-pass whose cutoff snaps open
 * and closes within about 80 ms, under a 0.25 s exponential decay. The chord is spread
 * over two octaves from A3; eighths in the intro, sixteenths from the build, softer
 * under the verse's melody, one rising run into the final chord.
 */

/** Which chord tone (index into the two-octave spread) each sixteenth plays. */
const UP_AND_DOWN = [0, 1, 2, 3, 4, 5, 4, 3, 1, 2, 3, 4, 5, 4, 3, 2] as const;
/** Section level and whether only eighths sound. */
const SECTION_STYLE: Readonly<Record<SectionName, { readonly level: number; readonly eighthsOnly: boolean }>> = {
  intro: { level: 0.8, eighthsOnly: true },
  build: { level: 0.85, eighthsOnly: false },
  verse: { level: 0.6, eighthsOnly: false },
  chorus: { level: 0.8, eighthsOnly: false },
  outro: { level: 0.8, eighthsOnly: false },
  ending: { level: 0.8, eighthsOnly: false },
};
/** The final bar: one run up the spread, then silence. */
const ENDING_STEPS = 6;

const LOWEST_MIDI = 57;
const ATTACK_SEC = 0.001;
const PLUCK_DECAY_SEC = 0.25;
const FILTER_DECAY_SEC = 0.08;
const NOTE_LENGTH_SEC = 1.2;
const ECHO_DELAY_SEC = 0.75 * SECONDS_PER_BEAT;
const ECHO_FEEDBACK = 0.35;
const ECHO_MIX = 0.4;
const ECHO_DAMPING_HZ = 2500;
const FILTER_Q = 1.2;
const FILTER_UPDATE_SAMPLES = 8;
const SEED = 0xa4b;

/** The chord's tones over two octaves from A3, low to high (six notes). */
function spread(bar: Bar): number[] {
  const tones = chordPitchClasses(bar.chord).map((pitchClass) => noteAtOrAbove(pitchClass, LOWEST_MIDI)).sort((a, b) => a - b);
  return [...tones, ...tones.map((midi) => midi + 12)];
}

function addPluck(out: Float32Array, startSec: number, midi: number, velocity: number, sampleRateHz: number): void {
  const start = Math.round(startSec * sampleRateHz);
  const length = Math.min(Math.round(NOTE_LENGTH_SEC * sampleRateHz), out.length - start);
  const frequencyHz = midiToHz(midi);
  const increment = frequencyHz / sampleRateHz;
  const pluck = new Float32Array(length);
  addSaw(pluck, 0, length, 0, increment, 0.6);
  addPulse(pluck, 0, length, 0, increment, 0.2, 0.4);
  const filterDecay = decayFactor(FILTER_DECAY_SEC, sampleRateHz / FILTER_UPDATE_SAMPLES);
  let brightness = velocity;
  const cutoffHzAt = (): number => {
    brightness *= filterDecay;
    return 1.5 * frequencyHz + 5000 * brightness;
  };
  sweepSvf(createSvf(), 'lowpass', pluck, cutoffHzAt, FILTER_Q, sampleRateHz, FILTER_UPDATE_SAMPLES);
  const amplitudeDecay = decayFactor(PLUCK_DECAY_SEC, sampleRateHz);
  const attackSamples = Math.round(ATTACK_SEC * sampleRateHz);
  let amplitude = velocity;
  for (let i = 0; i < length; i++) {
    const attack = Math.min(1, (i + 1) / attackSamples);
    out[start + i] = (out[start + i] ?? 0) + attack * amplitude * (pluck[i] ?? 0);
    amplitude *= amplitudeDecay;
  }
}

function addBar(out: Float32Array, bar: Bar, sampleRateHz: number, random: Random): void {
  const style = SECTION_STYLE[bar.section.name];
  const notes = spread(bar);
  const steps = bar.section.name === 'ending' ? ENDING_STEPS : STEPS_PER_BAR;
  for (let step = 0; step < steps; step++) {
    if (style.eighthsOnly && step % 2 === 1) continue;
    const index = bar.section.name === 'ending' ? step : (UP_AND_DOWN[step] ?? 0);
    const accent = step % 4 === 0 ? 1 : step % 2 === 0 ? 0.8 : 0.65;
    const velocity = style.level * accent * (1 + 0.06 * random.bipolar());
    addPluck(out, bar.startSec + step * SECONDS_PER_STEP, notes[Math.min(index, notes.length - 1)] ?? LOWEST_MIDI, velocity, sampleRateHz);
  }
}

/** A mono feedback echo with a low-pass in the loop, so each repeat is darker. */
function addEcho(signal: Float32Array, sampleRateHz: number): void {
  const delaySamples = Math.round(ECHO_DELAY_SEC * sampleRateHz);
  const line = new Float32Array(delaySamples);
  const damping = 1 - Math.exp((-2 * Math.PI * ECHO_DAMPING_HZ) / sampleRateHz);
  let darkened = 0;
  for (let i = 0; i < signal.length; i++) {
    const index = i % delaySamples;
    const delayed = line[index] ?? 0;
    darkened += damping * (delayed - darkened);
    const dry = signal[i] ?? 0;
    line[index] = dry + ECHO_FEEDBACK * darkened;
    signal[i] = dry + ECHO_MIX * darkened;
  }
}

export function generateArp(sampleRateHz: number): Float32Array[] {
  const random = createRandom(SEED);
  const out = new Float32Array(Math.round(SONG_LENGTH_SEC * sampleRateHz));
  for (const bar of barsOfPart('arp')) addBar(out, bar, sampleRateHz, random);
  addEcho(out, sampleRateHz);
  return [out];
}
