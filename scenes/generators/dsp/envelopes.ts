/** Time constants and envelopes, all specified in seconds and converted per sample rate. */

/** Per-sample factor of an exponential decay with time constant `timeConstantSec`. */
export function decayFactor(timeConstantSec: number, sampleRateHz: number): number {
  return Math.exp(-1 / (timeConstantSec * sampleRateHz));
}

/** Coefficient c of a one-pole smoother y += c * (x - y) with the given time constant. */
export function smoothingCoefficient(timeConstantSec: number, sampleRateHz: number): number {
  return 1 - decayFactor(timeConstantSec, sampleRateHz);
}

/** Attack, decay to sustain, release: the classic synth envelope. */
export interface Adsr {
  /** Linear rise from 0 to 1. */
  readonly attackSec: number;
  /** Time constant of the exponential fall from 1 to `sustainLevel`. */
  readonly decaySec: number;
  readonly sustainLevel: number;
  /** Time constant of the exponential fall to 0 after the gate closes. */
  readonly releaseSec: number;
}

/**
 * The envelope of a note held for `gateSec`, sampled into a new array as long as the
 * gate plus five release time constants (-43 dB). The release starts from wherever the envelope was when the
 * gate closed, so short notes do not click.
 */
export function renderAdsr(envelope: Adsr, gateSec: number, sampleRateHz: number): Float32Array {
  const gateSamples = Math.round(gateSec * sampleRateHz);
  const out = new Float32Array(Math.round((gateSec + 5 * envelope.releaseSec) * sampleRateHz));
  const attackSamples = Math.max(1, Math.round(envelope.attackSec * sampleRateHz));
  const decay = decayFactor(envelope.decaySec, sampleRateHz);
  const release = decayFactor(envelope.releaseSec, sampleRateHz);
  let level = 0;
  let aboveSustain = 1 - envelope.sustainLevel;
  for (let i = 0; i < out.length; i++) {
    if (i >= gateSamples) {
      level *= release;
    } else if (i < attackSamples) {
      level = (i + 1) / attackSamples;
    } else {
      aboveSustain *= decay;
      level = envelope.sustainLevel + aboveSustain;
    }
    out[i] = level;
  }
  return out;
}
