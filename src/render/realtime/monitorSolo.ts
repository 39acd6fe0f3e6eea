import { checkMonitorSoloBand } from '../../core/monitorSoloBand';
import type { MonitorSoloBand } from '../../core/monitorSoloBand';
import { createBiquadCoefficients, processBiquad } from '../../dsp/filters/biquad';
import type { BiquadCoefficients, BiquadState } from '../../dsp/filters/biquad';
import { setButterworthBandPass6 } from '../../dsp/filters/butterworthBandPass6';
import { advanceLinearRamp, createLinearRamp, jumpLinearRamp, setLinearRampTarget } from '../../dsp/filters/linearRamp';
import type { LinearRamp } from '../../dsp/filters/linearRamp';
import { DEFAULT_RAMP_TIME_SEC, createMidSideProcessor, setMidSideParams } from '../../dsp/midside/midSideControl';
import type { MidSideMonitor, MidSideProcessor } from '../../dsp/midside/midSideControl';
import { processMidSide } from '../../dsp/midside/midSideProcessor';

/**
 * The monitor solo: what the engineer hears (and the live meters measure) after the monitor
 * selection, never what is exported.
 *
 * 1. Mid/side solo: the monitor matrix of a MidSideProcessor with every other parameter
 *    neutral (dsp/midside/midSideProcessor.ts): 'mid' plays L = R = M/sqrt2, 'side'
 *    L = R = S/sqrt2, 'stereo' is a plain copy; switching glides over the processor's ramp.
 * 2. Band solo: both channels through the sixth-order Butterworth band-pass from lowerHz
 *    to upperHz (dsp/filters/butterworthBandPass6.ts: 0 dB at the centre, -3.01 dB at the
 *    edges; for a one-third-octave band it meets the IEC 61260 class 1 limits, e.g. 37.6 dB
 *    down at 500 Hz for the 800 Hz band). Two Linkwitz-Riley edges with a make-up gain, its
 *    former design, let a third-octave band's neighbour an octave away through at -6.4 dB.
 *    A change of band (on, off, or another band) crossfades linearly from the old path to
 *    the new one over the ramp time (20 ms); the new path's filters start from rest.
 *    A change that arrives during a crossfade waits for it to end.
 * Allocation-free per block; bad bands are refused by checkMonitorSoloBand before they get here.
 */
type BandPassSections = readonly [BiquadCoefficients, BiquadCoefficients, BiquadCoefficients];

/** One path of the band solo: a pass-through, or the band-pass of both channels. */
interface BandPath {
  band: boolean;
  lowerHz: number;
  upperHz: number;
  readonly sections: BandPassSections;
  /** Section states, channel-major: [left 0..2, right 0..2]. */
  readonly states: readonly BiquadState[];
}

export interface MonitorSoloStage {
  readonly sampleRateHz: number;
  readonly midSide: MidSideProcessor;
  /** The two band paths; `current` indexes the one being faded in (or playing). */
  readonly paths: readonly [BandPath, BandPath];
  current: 0 | 1;
  /** Weight of the current path against the previous one: 0 -> 1 over a crossfade. */
  readonly fade: LinearRamp;
  /** The band asked for, applied at the next block boundary with no crossfade running. */
  wanted: boolean;
  wantedLowerHz: number;
  wantedUpperHz: number;
  /** Scratch: the previous path's output during a crossfade. */
  readonly previousLeft: Float32Array;
  readonly previousRight: Float32Array;
}

/** Lowest band edge, Hz; the highest is BAND_EDGE_NYQUIST_FRACTION x the Nyquist frequency. */
const MIN_BAND_HZ = 10;
const BAND_EDGE_NYQUIST_FRACTION = 0.98;

export function createMonitorSoloStage(sampleRateHz: number, maxFrames: number): MonitorSoloStage {
  const path = (): BandPath => ({
    band: false,
    lowerHz: 0,
    upperHz: 0,
    sections: [createBiquadCoefficients(), createBiquadCoefficients(), createBiquadCoefficients()],
    states: Array.from({ length: 6 }, () => ({ z1: 0, z2: 0 })),
  });
  return {
    sampleRateHz,
    midSide: createMidSideProcessor({}, sampleRateHz),
    paths: [path(), path()],
    current: 0,
    fade: createLinearRamp(1, DEFAULT_RAMP_TIME_SEC * sampleRateHz),
    wanted: false,
    wantedLowerHz: 0,
    wantedUpperHz: 0,
    previousLeft: new Float32Array(maxFrames),
    previousRight: new Float32Array(maxFrames),
  };
}

/** Sets the mid/side solo (glides) and the band solo (crossfades at the next block). Call between blocks. */
export function setMonitorSolo(stage: MonitorSoloStage, midSide: MidSideMonitor, band: MonitorSoloBand | null): void {
  setMidSideParams(stage.midSide, { monitor: midSide });
  if (band === null) {
    stage.wanted = false;
    return;
  }
  checkMonitorSoloBand(band);
  const highestHz = (BAND_EDGE_NYQUIST_FRACTION * stage.sampleRateHz) / 2;
  const upperHz = Math.min(Math.max(band.upperHz, 2 * MIN_BAND_HZ), highestHz);
  stage.wanted = true;
  stage.wantedUpperHz = upperHz;
  stage.wantedLowerHz = Math.min(Math.max(band.lowerHz, MIN_BAND_HZ), upperHz / 2 ** (1 / 6));
}

/** Processes `frames` (<= maxFrames) stereo samples in place. Allocation-free. */
export function processMonitorSolo(stage: MonitorSoloStage, left: Float32Array, right: Float32Array, frames: number): void {
  processMidSide(stage.midSide, left, right, left, right, frames);
  const fade = stage.fade;
  if (fade.remaining === 0) startCrossfadeIfWanted(stage);
  const current = stage.paths[stage.current];
  if (fade.remaining === 0) {
    runPath(current, left, right, frames);
    return;
  }
  const previous = stage.paths[1 - stage.current]!;
  const pl = stage.previousLeft;
  const pr = stage.previousRight;
  for (let i = 0; i < frames; i++) {
    pl[i] = left[i]!;
    pr[i] = right[i]!;
  }
  runPath(previous, pl, pr, frames);
  runPath(current, left, right, frames);
  let offset = 0;
  while (offset < frames) {
    const n = fade.remaining > 0 && fade.remaining < frames - offset ? fade.remaining : frames - offset;
    let w = fade.value;
    const step = fade.step;
    for (let i = offset; i < offset + n; i++) {
      w += step;
      left[i] = pl[i]! + w * (left[i]! - pl[i]!);
      right[i] = pr[i]! + w * (right[i]! - pr[i]!);
    }
    advanceLinearRamp(fade, n);
    offset += n;
  }
}

function samePath(path: BandPath, band: boolean, lowerHz: number, upperHz: number): boolean {
  return path.band === band && (!band || (path.lowerHz === lowerHz && path.upperHz === upperHz));
}

function startCrossfadeIfWanted(stage: MonitorSoloStage): void {
  const { wanted, wantedLowerHz, wantedUpperHz } = stage;
  if (samePath(stage.paths[stage.current], wanted, wantedLowerHz, wantedUpperHz)) return;
  const next: 0 | 1 = stage.current === 0 ? 1 : 0;
  const path = stage.paths[next];
  path.band = wanted;
  if (wanted) configureBand(path, wantedLowerHz, wantedUpperHz, stage.sampleRateHz);
  stage.current = next;
  jumpLinearRamp(stage.fade, 0);
  setLinearRampTarget(stage.fade, 1);
}

function configureBand(path: BandPath, lowerHz: number, upperHz: number, sampleRateHz: number): void {
  path.lowerHz = lowerHz;
  path.upperHz = upperHz;
  setButterworthBandPass6(path.sections, lowerHz, upperHz, sampleRateHz);
  for (let k = 0; k < path.states.length; k++) {
    path.states[k]!.z1 = 0;
    path.states[k]!.z2 = 0;
  }
}

function runPath(path: BandPath, left: Float32Array, right: Float32Array, frames: number): void {
  if (!path.band) return;
  bandPass(path, 0, left, frames);
  bandPass(path, 1, right, frames);
}

function bandPass(path: BandPath, channel: 0 | 1, signal: Float32Array, frames: number): void {
  for (let k = 0; k < 3; k++) processBiquad(path.sections[k]!, path.states[3 * channel + k]!, signal, signal, frames);
}
