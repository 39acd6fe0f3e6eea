import { windowAutocorrelation } from '../../dsp/analysis/analysisWindow';
import { findInterChannelDelay } from '../../dsp/analysis/interChannelDelay';
import type { InterChannelDelay } from '../../dsp/analysis/interChannelDelay';
import type { MomentAnalyser } from '../../dsp/analysis/monoMomentAnalyser';
import { MAX_CANCELLATION_DB, cancellationDb } from '../../dsp/analysis/sourceMoments';
import { correlationFromMoments, monoVsStereoDbFromMoments } from '../../dsp/meters/stereoMoments';
import type { AnalysisBand, TimeRange } from '../../core/monoAnalysis/findingTypes';

/**
 * Thresholds and shared figures of the findings (sceneFindings.ts, ownMonoLoss.ts).
 *
 * Reporting threshold: a finding needs at least REPORT_SEVERITY_DB of the mix's mono level
 * lost to the source's cancellation (a tenth of a dB is about the smallest level change
 * worth a mix engineer's attention, and well above what a clean source's estimation noise
 * produces), and evidence in the source's own channels (CANCELLING_CORRELATION broadband,
 * or a trusted band at or below CANCELLING_BAND_CORRELATION). A clean, centred source has
 * a positive correlation everywhere, so it is never reported. A Haas delay (a delayed copy
 * correlating at HAAS_MIN_CORRELATION or more) is reported whenever the source is within
 * MIN_SOURCE_LEVEL_DB of the mix: its comb colours the mono sum even where little level is lost.
 *
 * Severity (MonoFinding.severityDb, the order "most severe first"): what the engineer
 * hears lost in mono, the largest of
 *   - the source's own mono loss (ownMonoLoss.ts: its contribution folded to mono against
 *     its channels adding in power), broadband, when the source is at most
 *     AUDIBLE_BELOW_MIX_DB (20 dB) below the mix;
 *   - its own mono loss in each trusted band holding at least MIN_BAND_ENERGY_SHARE (1 %)
 *     of its energy, where it is at most 20 dB below the mix in that band;
 *   - the mono level the whole mix loses to it (MonoFinding.mixLossDb);
 * not below 0 and at most -OWN_LOSS_FLOOR_DB (60 dB). A source that loses 8 dB at 125 Hz
 * where it is 10 dB below the mix scores 8; the same loss 30 dB below the mix (masked)
 * scores only what the mix itself loses. Levels against the mix are averages over the
 * whole programme, so a source that plays part of the time reads quieter than it sounds
 * while it plays (3 dB for half the time): the 20 dB margin leaves room for that.
 */
export const REPORT_SEVERITY_DB = 0.1;
/** Broadband own correlation at or below which a source's channels are taken to cancel (-0.46 dB on their own). */
export const CANCELLING_CORRELATION = -0.1;
/** Band correlation at or below which a band is taken to cancel (the noise of a trusted band is about 0.1). */
export const CANCELLING_BAND_CORRELATION = -0.3;
/** Correlation at or below which the channels are called polarity-inverted. */
export const POLARITY_CORRELATION = -0.7;
/**
 * A band is trusted when its time-bandwidth product is at least this: the correlation of
 * two independent noises over bandwidth B and time T scatters by about 1/sqrt(BT), 0.1 here.
 */
const MIN_BAND_TIME_BANDWIDTH = 100;
/** Haas: the delayed copy must correlate at least this much, and this much more than the channels do at lag 0. */
export const HAAS_MIN_CORRELATION = 0.5;
const HAAS_MIN_LEAD_OVER_ZERO_LAG = 0.2;
/** Haas lags searched, seconds: 0.1 ms (below it is a tilt, not a comb) to 40 ms (above it is an echo). */
export const HAAS_MIN_LAG_SEC = 0.0001;
const HAAS_MAX_LAG_SEC = 0.04;
/** In binaural renders the head itself delays one ear by up to about 0.8 ms: only longer lags are a Haas widening. */
export const BINAURAL_HAAS_MIN_LAG_SEC = 0.001;
/** Notches listed for a comb filter. */
export const NOTCH_COUNT = 5;
/** "Wide low end": cancellation below this frequency; the bass-mono fix's default cutoff. */
export const LOW_END_HZ = 150;
export const BASS_MONO_CUTOFF_HZ = 120;
/** Bands listed per finding. */
export const FINDING_BAND_COUNT = 3;
/** A source quieter than this against the mix (dB) is not reported: it cannot cost the mix anything audible. */
export const MIN_SOURCE_LEVEL_DB = -40;
/** Share of a source's energy a band must carry to count for its own loss and as evidence of cancelling (-20 dB of its total). */
export const MIN_BAND_ENERGY_SHARE = 0.01;
/**
 * A source more than this below the mix (dB, in a one-third-octave band or broadband) is
 * taken as masked there: about the masking distance under a tonal masker in a critical
 * band at mid frequencies ((14.5 + z) dB at z Bark in the MPEG psychoacoustic model, 20 dB
 * near 500 Hz; a noise-like masker hides a sound only 5.5 dB below it), so the choice errs
 * on the side of counting a loss.
 */
export const AUDIBLE_BELOW_MIX_DB = -20;
/** Own mono losses are floored here (and severities capped at its opposite): 60 dB down is silence for practice, as MAX_CANCELLATION_DB. */
export const OWN_LOSS_FLOOR_DB = -MAX_CANCELLATION_DB;

/** Whether band b's estimate is trusted over `durationSec`. */
export function trustedBands(bands: readonly AnalysisBand[], durationSec: number): boolean[] {
  return bands.map((b) => (b.upperHz - b.lowerHz) * durationSec >= MIN_BAND_TIME_BANDWIDTH);
}

/** Mono loss (dB, stereoMoments.ts) of moments summed over `frames` frames. */
export function monoVsStereoOf(pl: number, pr: number, c: number, frames: number, monoGain: number): number {
  const n = Math.max(1, frames);
  return monoVsStereoDbFromMoments(pl / n, pr / n, c / n, monoGain);
}

export function correlationOf(pl: number, pr: number, c: number, frames: number): number {
  const n = Math.max(1, frames);
  return correlationFromMoments(pl / n, pr / n, c / n);
}

/**
 * Windows at or above `thresholdDb`, merged into time ranges, and the worst window's start.
 * A last window shorter than half a window (the programme's tail) joins the ranges but is
 * not picked as the worst: its few milliseconds give a noisy estimate and nothing to hear.
 */
export function timeRangesOf(lossDb: readonly number[], thresholdDb: number, windowSec: number, durationSec: number): { ranges: TimeRange[]; worstTimeSec: number } {
  const ranges: TimeRange[] = [];
  let worst = 0;
  lossDb.forEach((loss, w) => {
    const isShortTail = w > 0 && durationSec - w * windowSec < 0.5 * windowSec;
    if (!isShortTail && loss > lossDb[worst]!) worst = w;
    if (!(loss >= thresholdDb)) return;
    const startSec = w * windowSec;
    const endSec = Math.min(durationSec, (w + 1) * windowSec);
    const last = ranges.at(-1);
    if (last !== undefined && Math.abs(last.endSec - startSec) < 1e-9) ranges[ranges.length - 1] = { startSec: last.startSec, endSec };
    else ranges.push({ startSec, endSec });
  });
  return { ranges, worstTimeSec: worst * windowSec };
}

/** Per window, the mono level lost to a share of C per band group (negative parts only). */
export function windowCancellationDb(analyser: MomentAnalyser, groupShare: Float32Array | Float64Array, sign: 1 | -1): number[] {
  const out: number[] = [];
  const g = analyser.groupCount;
  for (let w = 0; w < analyser.windowCount; w++) {
    let mono = 0;
    let negative = 0;
    for (let k = 0; k < g; k++) {
      mono += analyser.windowGroupMono[w * g + k]!;
      const share = sign * groupShare[w * g + k]!;
      if (share < 0) negative -= share;
    }
    out.push(cancellationDb(mono, negative));
  }
  return out;
}

/** The inter-channel delay search over the Haas range. */
export function haasDelay(
  analyser: MomentAnalyser,
  crossRe: Float64Array,
  crossIm: Float64Array,
  powerLeft: number,
  powerRight: number,
  windowCorrelation: Float64Array,
  minLagSec: number,
): InterChannelDelay {
  const rate = analyser.sampleRateHz;
  const scratch = new Float64Array(analyser.frameSize);
  return findInterChannelDelay(
    analyser.fft,
    crossRe,
    crossIm,
    powerLeft / analyser.energyScale,
    powerRight / analyser.energyScale,
    windowCorrelation,
    Math.max(1, Math.round(minLagSec * rate)),
    Math.round(HAAS_MAX_LAG_SEC * rate),
    scratch,
  );
}

export function isHaas(delay: InterChannelDelay): boolean {
  return Math.abs(delay.correlation) >= HAAS_MIN_CORRELATION && Math.abs(delay.correlation) >= Math.abs(delay.zeroLagCorrelation) + HAAS_MIN_LEAD_OVER_ZERO_LAG;
}

/** rho_w of the analyser's window over the Haas lags. */
export function haasWindowCorrelation(analyser: MomentAnalyser): Float64Array {
  return windowAutocorrelation(analyser.window, Math.round(HAAS_MAX_LAG_SEC * analyser.sampleRateHz));
}
