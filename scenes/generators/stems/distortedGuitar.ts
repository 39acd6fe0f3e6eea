import { createBiquad, processBiquad, BUTTERWORTH_Q } from '../dsp/biquad';
import type { Biquad } from '../dsp/biquad';
import { decayFactor } from '../dsp/envelopes';
import { addSaw } from '../dsp/oscillators';
import { createRandom } from '../dsp/random';
import type { Random } from '../dsp/random';
import { createSvf, processSvf, setSvf } from '../dsp/svf';
import { parseGrid, stepTimeSec } from '../grid';
import { centsToRatio, midiToHz, noteAtOrAbove } from '../pitch';
import { BARS, SECONDS_PER_STEP, SONG_LENGTH_SEC } from '../song';
import type { Bar, SectionName } from '../song';

/**
 * Distorted guitar (stereo, Haas-widened): a heavy power-chord layer for the chorus and
 * outro.
 *
 * Each chord is root, fifth and octave, every "string" two slightly detuned polyBLEP
 * saws; open chords ring, palm-muted chugs are short and darker. The strings are
 * low-passed (a string's highs are weak), driven hard into an asymmetric tanh, then
 * shaped like a 4x12 cabinet: high-pass at 80 Hz, a scooped 450 Hz, a 2.2 kHz presence
 * bump and a steep low-pass at 5 kHz. Distortion runs at twice the sample rate and is
 * decimated after a low-pass, so its harmonics do not alias.
 *
 * Width: the right channel is the left channel delayed by exactly
 * `HAAS_DELAY_SEC` = 12 ms (rounded to whole samples: 529 at 44.1 kHz, 576 at 48 kHz,
 * 1152 at 96 kHz). Deliberately: the precedence effect makes it sound wide and left-
 * leaning in stereo, and in mono the sum L + R is a comb filter with notches every
 * 1 / 12 ms = 83.3 Hz (first at 41.7 Hz), the classic mono-compatibility trap that the
 * studio's meters should catch.
 */

/** Inter-channel delay of the Haas widening: right = left delayed by this. */
export const HAAS_DELAY_SEC = 0.012;

/** The Haas delay in whole samples at `sampleRateHz`. */
export function haasDelaySamples(sampleRateHz: number): number {
  return Math.round(HAAS_DELAY_SEC * sampleRateHz);
}

/** Grid symbols: 'O' an open, ringing chord, 'M' a palm-muted chug. */
const SECTION_GRIDS: Readonly<Record<SectionName, readonly string[]>> = {
  intro: [],
  build: [],
  verse: [],
  chorus: ['O--MM.O-MMO---MM', 'O--MM.O-MMO-MMMM', 'O--MM.O-MMO---MM', 'O-------MMMMO---'],
  outro: ['O--MM.O-MMO---MM', 'O--MM.O-MMO-MMMM', 'O-------MMMMO---'],
  ending: ['O---------------'],
};

/** Power-chord roots between E2 (82 Hz) and D#3. */
const LOWEST_ROOT_MIDI = 40;
const POWER_CHORD_SEMITONES = [0, 7, 12] as const;
const STRING_DETUNE_CENTS = 7;
const OVERSAMPLING = 2;
const DRIVE = 14;
/** Offset inside the tanh: asymmetric clipping adds the even harmonics of a valve stage. */
const BIAS = 0.15;
const SEED = 0x6017a5;

interface Stroke {
  readonly startSec: number;
  readonly gateSec: number;
  readonly rootMidi: number;
  readonly muted: boolean;
  readonly velocity: number;
}

function strokesOfBar(bar: Bar, random: Random): Stroke[] {
  const grid = SECTION_GRIDS[bar.section.name][bar.indexInSection];
  if (!grid) return [];
  const ending = bar.section.name === 'ending';
  return parseGrid(grid).map((note) => ({
    startSec: stepTimeSec(bar, note.step),
    gateSec: ending ? 3 : note.lengthSteps * SECONDS_PER_STEP - 0.01,
    rootMidi: noteAtOrAbove(bar.chord.rootPitchClass, LOWEST_ROOT_MIDI),
    muted: note.symbol === 'M',
    velocity: 0.9 + 0.1 * random.next(),
  }));
}

/** Renders one stroke through its own string filter and distortion, at the oversampled rate. */
function addStroke(out: Float32Array, stroke: Stroke, rateHz: number, random: Random): void {
  const start = Math.round(stroke.startSec * rateHz);
  const releaseSec = 0.03;
  const length = Math.min(Math.round((stroke.gateSec + 5 * releaseSec) * rateHz), out.length - start);
  const strings = new Float32Array(length);
  const gain = 1 / (2 * POWER_CHORD_SEMITONES.length);
  for (const interval of POWER_CHORD_SEMITONES) {
    const hz = midiToHz(stroke.rootMidi + interval);
    for (const detuneCents of [-STRING_DETUNE_CENTS / 2, STRING_DETUNE_CENTS / 2]) {
      addSaw(strings, 0, length, random.next(), (hz * centsToRatio(detuneCents)) / rateHz, gain);
    }
  }
  const stringFilter = createSvf();
  setSvf(stringFilter, stroke.muted ? 700 : 2200, BUTTERWORTH_Q, rateHz);
  processSvf(stringFilter, 'lowpass', strings, strings);

  const gateSamples = Math.round(stroke.gateSec * rateHz);
  const sustain = decayFactor(stroke.muted ? 0.08 : 1.5, rateHz);
  const releaseFactor = decayFactor(releaseSec, rateHz);
  const attackSamples = Math.round(0.002 * rateHz);
  const drive = DRIVE * stroke.velocity * (stroke.muted ? 0.8 : 1);
  const biasOffset = Math.tanh(BIAS);
  let envelope = 1;
  for (let i = 0; i < length; i++) {
    envelope *= i < gateSamples ? sustain : releaseFactor;
    const picked = Math.min(1, (i + 1) / attackSamples) * envelope;
    const distorted = Math.tanh(drive * (strings[i] ?? 0) + BIAS) - biasOffset;
    out[start + i] = (out[start + i] ?? 0) + picked * distorted;
  }
}

function cabinet(rateHz: number, outputRateHz: number): Biquad[] {
  return [
    createBiquad('highpass', 80, BUTTERWORTH_Q, rateHz),
    createBiquad('peaking', 450, 1, rateHz, -5),
    createBiquad('peaking', 2200, 1.2, rateHz, 4),
    createBiquad('lowpass', 5000, BUTTERWORTH_Q, rateHz),
    createBiquad('lowpass', 5000, BUTTERWORTH_Q, rateHz),
    // Anti-aliasing before decimation: fourth-order Butterworth at 0.4 of the output rate.
    createBiquad('lowpass', 0.4 * outputRateHz, 0.5412, rateHz),
    createBiquad('lowpass', 0.4 * outputRateHz, 1.3066, rateHz),
  ];
}

export function generateDistortedGuitar(sampleRateHz: number): Float32Array[] {
  const random = createRandom(SEED);
  const frames = Math.round(SONG_LENGTH_SEC * sampleRateHz);
  const rateHz = OVERSAMPLING * sampleRateHz;
  const oversampled = new Float32Array(frames * OVERSAMPLING);
  for (const stroke of BARS.flatMap((bar) => strokesOfBar(bar, random))) addStroke(oversampled, stroke, rateHz, random);
  for (const filter of cabinet(rateHz, sampleRateHz)) processBiquad(filter, oversampled);

  const left = new Float32Array(frames);
  for (let i = 0; i < frames; i++) left[i] = oversampled[i * OVERSAMPLING] ?? 0;
  const delaySamples = haasDelaySamples(sampleRateHz);
  const right = new Float32Array(frames);
  right.set(left.subarray(0, frames - delaySamples), delaySamples);
  return [left, right];
}
