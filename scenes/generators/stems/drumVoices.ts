import { BUTTERWORTH_Q, createBiquad, processBiquad } from '../dsp/biquad';
import { decayFactor } from '../dsp/envelopes';
import { whiteNoise } from '../dsp/random';
import type { Random } from '../dsp/random';

/**
 * The drum kit, one synthesis recipe per voice (after the analogue drum machines):
 * - kick: a sine whose pitch falls exponentially from about 170 Hz to 46 Hz (the
 *   "thump"), a short band-passed noise click for the beater, and gentle saturation;
 * - snare: two drum-head partials (180 and 330 Hz) plus band-limited noise for the wires;
 * - hats and crash: high-passed noise with short (closed), longer (open) or long (crash)
 *   exponential envelopes and a presence peak;
 * - toms: a sine with a small pitch drop and a noise attack.
 */
export type DrumVoice = 'kick' | 'snare' | 'closedHat' | 'openHat' | 'crash' | 'tomHigh' | 'tomMid' | 'tomLow';

export interface DrumHit {
  readonly voice: DrumVoice;
  readonly timeSec: number;
  /** 0..1, after humanisation. */
  readonly velocity: number;
  /** Cuts the hit short, as a closing hat chokes an open one. */
  readonly maxLengthSec: number;
}

/** Balance of the kit inside the drum stem. */
const VOICE_GAINS: Readonly<Record<DrumVoice, number>> = {
  kick: 1,
  snare: 0.8,
  closedHat: 0.2,
  openHat: 0.17,
  crash: 0.3,
  tomHigh: 0.65,
  tomMid: 0.7,
  tomLow: 0.75,
};

const TOM_PITCHES_HZ = { tomHigh: 165, tomMid: 123, tomLow: 92 } as const;

/** Multiplies `signal` by a decaying exponential (and a 0.5 ms rise against clicks). */
function applyDecay(signal: Float32Array, timeConstantSec: number, sampleRateHz: number): void {
  const factor = decayFactor(timeConstantSec, sampleRateHz);
  const riseSamples = Math.max(1, Math.round(0.0005 * sampleRateHz));
  let gain = 1;
  for (let i = 0; i < signal.length; i++) {
    signal[i] = (signal[i] ?? 0) * gain * Math.min(1, (i + 1) / riseSamples);
    gain *= factor;
  }
}

function kick(sampleRateHz: number, random: Random): Float32Array {
  const out = new Float32Array(Math.round(0.6 * sampleRateHz));
  const click = whiteNoise(Math.round(0.02 * sampleRateHz), random);
  processBiquad(createBiquad('bandpass', 3500, 0.7, sampleRateHz), click);
  applyDecay(click, 0.0025, sampleRateHz);
  const sweepFactor = decayFactor(0.03, sampleRateHz);
  const bodyFactor = decayFactor(0.24, sampleRateHz);
  const drive = 1.8;
  let sweep = 1;
  let body = 1;
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    phase += (2 * Math.PI * (46 + 124 * sweep)) / sampleRateHz;
    const dry = Math.sin(phase) * body + 0.5 * (click[i] ?? 0);
    out[i] = Math.tanh(drive * dry) / Math.tanh(drive);
    sweep *= sweepFactor;
    body *= bodyFactor;
  }
  return out;
}

function snare(sampleRateHz: number, random: Random): Float32Array {
  const length = Math.round(0.5 * sampleRateHz);
  const wires = whiteNoise(length, random);
  processBiquad(createBiquad('highpass', 1200, BUTTERWORTH_Q, sampleRateHz), wires);
  processBiquad(createBiquad('lowpass', 9000, BUTTERWORTH_Q, sampleRateHz), wires);
  processBiquad(createBiquad('peaking', 4500, 1, sampleRateHz, 4), wires);
  applyDecay(wires, 0.12, sampleRateHz);
  const headFactor = decayFactor(0.07, sampleRateHz);
  let head = 1;
  for (let i = 0; i < length; i++) {
    const timeSec = i / sampleRateHz;
    const tone = 0.6 * Math.sin(2 * Math.PI * 180 * timeSec) + 0.35 * Math.sin(2 * Math.PI * 330 * timeSec);
    wires[i] = 0.75 * (wires[i] ?? 0) + tone * head;
    head *= headFactor;
  }
  return wires;
}

function cymbal(lengthSec: number, highPassHz: number, decaySec: number, sampleRateHz: number, random: Random): Float32Array {
  const out = whiteNoise(Math.round(lengthSec * sampleRateHz), random);
  processBiquad(createBiquad('highpass', highPassHz, BUTTERWORTH_Q, sampleRateHz), out);
  processBiquad(createBiquad('highpass', highPassHz, BUTTERWORTH_Q, sampleRateHz), out);
  processBiquad(createBiquad('peaking', 1.4 * highPassHz, 1, sampleRateHz, 5), out);
  applyDecay(out, decaySec, sampleRateHz);
  return out;
}

function tom(pitchHz: number, sampleRateHz: number, random: Random): Float32Array {
  const out = new Float32Array(Math.round(0.8 * sampleRateHz));
  const stick = whiteNoise(Math.round(0.05 * sampleRateHz), random);
  processBiquad(createBiquad('highpass', 700, BUTTERWORTH_Q, sampleRateHz), stick);
  applyDecay(stick, 0.012, sampleRateHz);
  const dropFactor = decayFactor(0.05, sampleRateHz);
  const bodyFactor = decayFactor(0.25, sampleRateHz);
  let drop = 1;
  let body = 1;
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    phase += (2 * Math.PI * pitchHz * (1 + 0.5 * drop)) / sampleRateHz;
    out[i] = Math.sin(phase) * body + 0.3 * (stick[i] ?? 0);
    drop *= dropFactor;
    body *= bodyFactor;
  }
  return out;
}

function render(voice: DrumVoice, sampleRateHz: number, random: Random): Float32Array {
  switch (voice) {
    case 'kick':
      return kick(sampleRateHz, random);
    case 'snare':
      return snare(sampleRateHz, random);
    case 'closedHat':
      return cymbal(0.25, 7000, 0.035, sampleRateHz, random);
    case 'openHat':
      return cymbal(1.5, 6500, 0.3, sampleRateHz, random);
    case 'crash':
      return cymbal(5, 3500, 1.1, sampleRateHz, random);
    case 'tomHigh':
    case 'tomMid':
    case 'tomLow':
      return tom(TOM_PITCHES_HZ[voice], sampleRateHz, random);
  }
}

/** Adds one hit into `out` (the whole stem), with a 10 ms fade where it is cut short. */
export function addDrumHit(out: Float32Array, hit: DrumHit, sampleRateHz: number, random: Random): void {
  const sound = render(hit.voice, sampleRateHz, random);
  const gain = VOICE_GAINS[hit.voice] * hit.velocity ** 1.5;
  const start = Math.max(0, Math.round(hit.timeSec * sampleRateHz));
  const length = Math.min(sound.length, Math.round(hit.maxLengthSec * sampleRateHz), out.length - start);
  const fadeSamples = Math.round(0.01 * sampleRateHz);
  for (let i = 0; i < length; i++) {
    const fade = Math.min(1, (length - i) / fadeSamples);
    out[start + i] = (out[start + i] ?? 0) + gain * fade * (sound[i] ?? 0);
  }
}
