import { addPulse, addSaw } from '../dsp/oscillators';
import { renderAdsr } from '../dsp/envelopes';
import type { Adsr } from '../dsp/envelopes';
import { createSvf, processSvf, setSvf } from '../dsp/svf';
import { createRandom } from '../dsp/random';
import type { Random } from '../dsp/random';
import { softClip } from '../dsp/saturation';
import { parseGrid, stepTimeSec } from '../grid';
import { midiToHz, noteAtOrAbove, centsToRatio } from '../pitch';
import { BARS, SECONDS_PER_STEP, SONG_LENGTH_SEC } from '../song';
import type { Bar, SectionName } from '../song';

/**
 * Bass (mono): a subtractive synth bass on the chord roots. A polyBLEP saw and square
 * 6 cents apart go through a 24 dB/octave low-pass (two state-variable sections with
 * Butterworth Qs) whose cutoff jumps up at each note and decays (the filter envelope);
 * a sine at the fundamental adds weight, and soft saturation glues the line.
 *
 * Rhythm: whole notes in the build, a syncopated line locked to the kick in the verse,
 * driving eighths with octave jumps in the chorus and outro, one long root at the end.
 */

/** Grid symbols: chord tone above the root, upper case = accented. */
const TONE_SEMITONES: Readonly<Record<string, number>> = { r: 0, f: 7, o: 12 };

const SECTION_GRIDS: Readonly<Record<SectionName, readonly string[]>> = {
  intro: [],
  build: ['R---------------', 'R---------------'],
  verse: ['R-.r..r-R-.o.rf-', 'R-.r..r-R-.o.rf-', 'R-.r..r-R-.o.rf-', 'R-.r..r-R-o-r-f-'],
  chorus: ['R.r.r.o.R.r.o.f.', 'R.r.r.o.R.r.o.f.', 'R.r.r.o.R.r.o.f.', 'R.r.r.o.R-r-o-f-'],
  outro: ['R.r.r.o.R.r.o.f.', 'R.r.r.o.R.r.o.f.', 'R-r-r-o-R-r-o-O-'],
  ending: ['R---------------'],
};

/** How far the filter opens on an accented note, per section (Hz above the key). */
const FILTER_ENVELOPE_HZ: Readonly<Record<SectionName, number>> = {
  intro: 0,
  build: 250,
  verse: 1300,
  chorus: 2000,
  outro: 2000,
  ending: 1200,
};

/** Roots sit between A1 (55 Hz) and G#2 (104 Hz). */
const LOWEST_ROOT_MIDI = 33;
const AMPLITUDE: Adsr = { attackSec: 0.004, decaySec: 0.25, sustainLevel: 0.75, releaseSec: 0.025 };
const ENDING_AMPLITUDE: Adsr = { ...AMPLITUDE, releaseSec: 0.5 };
const FILTER_DECAY_SEC = 0.12;
const FILTER_UPDATE_SAMPLES = 8;
const SQUARE_DETUNE_CENTS = 6;
const SINE_LEVEL = 0.45;
const DRIVE = 1.6;
const SEED = 0xba55;

interface BassNote {
  readonly startSec: number;
  readonly gateSec: number;
  readonly midi: number;
  readonly velocity: number;
  readonly filterEnvelopeHz: number;
  readonly amplitude: Adsr;
}

function notesOfBar(bar: Bar, random: Random): BassNote[] {
  const grid = SECTION_GRIDS[bar.section.name][bar.indexInSection];
  if (!grid) return [];
  const root = noteAtOrAbove(bar.chord.rootPitchClass, LOWEST_ROOT_MIDI);
  return parseGrid(grid).map((note) => {
    const accented = note.symbol === note.symbol.toUpperCase();
    return {
      startSec: stepTimeSec(bar, note.step),
      // Held notes run into the next one (legato); short ones leave air.
      gateSec: (note.lengthSteps - 0.25) * SECONDS_PER_STEP,
      midi: root + (TONE_SEMITONES[note.symbol.toLowerCase()] ?? 0),
      velocity: (accented ? 1 : 0.8) * (1 + 0.05 * random.bipolar()),
      filterEnvelopeHz: FILTER_ENVELOPE_HZ[bar.section.name] * (accented ? 1 : 0.7),
      amplitude: bar.section.name === 'ending' ? ENDING_AMPLITUDE : AMPLITUDE,
    };
  });
}

function addNote(out: Float32Array, note: BassNote, sampleRateHz: number): void {
  const envelope = renderAdsr(note.amplitude, note.gateSec, sampleRateHz);
  const start = Math.round(note.startSec * sampleRateHz);
  const length = Math.min(envelope.length, out.length - start);
  const frequencyHz = midiToHz(note.midi);
  const increment = frequencyHz / sampleRateHz;
  const tone = new Float32Array(length);
  addSaw(tone, 0, length, 0, increment, 0.5);
  addPulse(tone, 0, length, 0.25, increment * centsToRatio(SQUARE_DETUNE_CENTS), 0.5, 0.4);

  const lower = createSvf();
  const upper = createSvf();
  const filterDecay = Math.exp(-FILTER_UPDATE_SAMPLES / (FILTER_DECAY_SEC * sampleRateHz));
  let filterEnvelopeHz = note.filterEnvelopeHz * note.velocity;
  for (let block = 0; block < length; block += FILTER_UPDATE_SAMPLES) {
    const cutoffHz = 2.5 * frequencyHz + 120 + filterEnvelopeHz;
    setSvf(lower, cutoffHz, 0.5412, sampleRateHz);
    setSvf(upper, cutoffHz, 1.3066, sampleRateHz);
    const blockEnd = Math.min(block + FILTER_UPDATE_SAMPLES, length);
    processSvf(lower, 'lowpass', tone, tone, block, blockEnd);
    processSvf(upper, 'lowpass', tone, tone, block, blockEnd);
    filterEnvelopeHz *= filterDecay;
  }

  const sineOmega = 2 * Math.PI * increment;
  for (let i = 0; i < length; i++) {
    const sample = (tone[i] ?? 0) + SINE_LEVEL * Math.sin(sineOmega * i);
    out[start + i] = (out[start + i] ?? 0) + note.velocity * (envelope[i] ?? 0) * sample;
  }
}

export function generateBass(sampleRateHz: number): Float32Array[] {
  const random = createRandom(SEED);
  const out = new Float32Array(Math.round(SONG_LENGTH_SEC * sampleRateHz));
  for (const note of BARS.flatMap((bar) => notesOfBar(bar, random))) addNote(out, note, sampleRateHz);
  softClip(out, DRIVE);
  return [out];
}
