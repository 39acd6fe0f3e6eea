import { renderAdsr } from '../dsp/envelopes';
import type { Adsr } from '../dsp/envelopes';
import { addSaw } from '../dsp/oscillators';
import { createRandom } from '../dsp/random';
import type { Random } from '../dsp/random';
import { createSvf, sweepSvf } from '../dsp/svf';
import { centsToRatio, midiToHz, noteAtOrAbove } from '../pitch';
import { BARS, barsOfPart, chordPitchClasses, SECONDS_PER_BAR, SONG_LENGTH_SEC } from '../song';
import type { Bar, SectionName } from '../song';

/**
 * Pad (stereo, deliberately wide and partly out of phase): a lush chord pad whose side
 * channel is stronger than its mid.
 *
 * Construction: L = A + B, R = A - B, where
 * - A, the body, is each chord voiced closely (root below, triad within an octave from
 *   G3, so voices move by steps), each voice two saws detuned by +-6 cents;
 * - B, the shimmer, is the upper three voices an octave higher, each two saws detuned by
 *   +-14 cents, so B is decorrelated from A;
 * each layer has its own slowly sweeping low-pass (periods 16 s and 11 s), brighter in
 * the chorus.
 *
 * Mid/side balance: with M = (L + R) / 2 = A and S = (L - R) / 2 = B, B is scaled so that
 * the side energy is `SIDE_TO_MID_ENERGY_RATIO` = 1.5 times the mid energy (+1.8 dB).
 * As A and B are uncorrelated the L/R correlation is about (1 - 1.5) / (1 + 1.5) = -0.2,
 * and a mono fold-down (L + R) keeps only A: the shimmer vanishes and 60 % of the
 * pad's energy with it. Wide and lovely on headphones, a trap in mono.
 */

export const SIDE_TO_MID_ENERGY_RATIO = 1.5;

/** Body voices: the root between C3 and B3, the triad between G3 and F#4. */
const LOWEST_ROOT_MIDI = 48;
const LOWEST_TRIAD_MIDI = 55;
const BODY_DETUNE_CENTS = 6;
const SHIMMER_DETUNE_CENTS = 14;
/** Chords swell in and cross-fade: the release outlasts the bar. */
const ENVELOPE: Adsr = { attackSec: 0.6, decaySec: 1, sustainLevel: 1, releaseSec: 0.5 };
/** Brightness of the sweep per section, as a multiple of the base cutoff. */
const BRIGHTNESS: Readonly<Record<SectionName, number>> = {
  intro: 0.7,
  build: 0.85,
  verse: 1,
  chorus: 1.6,
  outro: 1.6,
  ending: 1.2,
};
const BODY_CUTOFF_HZ = 900;
const SHIMMER_CUTOFF_HZ = 2400;
const FILTER_Q = 0.9;
const FILTER_UPDATE_SAMPLES = 32;
const SEED = 0x9ad;

function bodyVoicing(bar: Bar): number[] {
  const root = noteAtOrAbove(bar.chord.rootPitchClass, LOWEST_ROOT_MIDI);
  return [root, ...chordPitchClasses(bar.chord).map((pitchClass) => noteAtOrAbove(pitchClass, LOWEST_TRIAD_MIDI))];
}

/** Adds a chord of detuned saw pairs, under the chord envelope, into `out`. */
function addChord(
  out: Float32Array,
  notes: readonly number[],
  detuneCents: number,
  startSec: number,
  envelope: Float32Array,
  sampleRateHz: number,
  random: Random,
): void {
  const start = Math.round(startSec * sampleRateHz);
  const length = Math.min(envelope.length, out.length - start);
  const chord = new Float32Array(length);
  const gain = 1 / (2 * notes.length);
  for (const midi of notes) {
    for (const cents of [-detuneCents / 2, detuneCents / 2]) {
      addSaw(chord, 0, length, random.next(), (midiToHz(midi) * centsToRatio(cents)) / sampleRateHz, gain);
    }
  }
  for (let i = 0; i < length; i++) out[start + i] = (out[start + i] ?? 0) + (envelope[i] ?? 0) * (chord[i] ?? 0);
}

/** Low-pass with cutoff = baseHz * brightness(section) * 2^(sin(2 pi t / periodSec + phase)). */
function sweep(signal: Float32Array, baseHz: number, periodSec: number, phaseRad: number, sampleRateHz: number): void {
  const cutoffHzAt = (timeSec: number): number => {
    const bar = BARS[Math.min(Math.floor(timeSec / SECONDS_PER_BAR), BARS.length - 1)];
    const lfo = Math.sin((2 * Math.PI * timeSec) / periodSec + phaseRad);
    return baseHz * BRIGHTNESS[bar?.section.name ?? 'verse'] * 2 ** lfo;
  };
  sweepSvf(createSvf(), 'lowpass', signal, cutoffHzAt, FILTER_Q, sampleRateHz, FILTER_UPDATE_SAMPLES);
}

function energy(signal: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < signal.length; i++) sum += (signal[i] ?? 0) ** 2;
  return sum;
}

export function generatePad(sampleRateHz: number): Float32Array[] {
  const random = createRandom(SEED);
  const frames = Math.round(SONG_LENGTH_SEC * sampleRateHz);
  const body = new Float32Array(frames);
  const shimmer = new Float32Array(frames);
  const bars = barsOfPart('pad');
  bars.forEach((bar, index) => {
    const last = index === bars.length - 1;
    const envelope = renderAdsr(ENVELOPE, last ? SECONDS_PER_BAR * 2 : SECONDS_PER_BAR, sampleRateHz);
    const voicing = bodyVoicing(bar);
    addChord(body, voicing, BODY_DETUNE_CENTS, bar.startSec, envelope, sampleRateHz, random);
    addChord(shimmer, voicing.slice(1).map((midi) => midi + 12), SHIMMER_DETUNE_CENTS, bar.startSec, envelope, sampleRateHz, random);
  });
  sweep(body, BODY_CUTOFF_HZ, 16, 0, sampleRateHz);
  sweep(shimmer, SHIMMER_CUTOFF_HZ, 11, 1, sampleRateHz);

  const shimmerGain = Math.sqrt((SIDE_TO_MID_ENERGY_RATIO * energy(body)) / energy(shimmer));
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    const mid = body[i] ?? 0;
    const side = shimmerGain * (shimmer[i] ?? 0);
    left[i] = mid + side;
    right[i] = mid - side;
  }
  return [left, right];
}
