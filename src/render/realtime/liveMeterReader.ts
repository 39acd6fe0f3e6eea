import { GONIOMETER_RING_POINTS, LOUDNESS_SLOT_NAMES, MAX_SPEAKER_METERS, METER_BAND_SLOTS, METER_LAYOUT, STEREO_FIELD_SLOT_NAMES, goniometerRing } from './meterLayout';

/**
 * The studio meters as the page reads them from the shared meter area (meterLayout.ts),
 * once per animation frame, without messages and without allocating: read() refreshes one
 * object's numbers in place and returns it. The per-band arrays and the goniometer ring
 * are views of the shared memory itself, so they change under the reader as the audio
 * thread publishes (about 30 times a second); copy what must stay still.
 * Levels in dBFS and LUFS floor at -150 (silence).
 */
export interface LiveMeters {
  /** Bumped on every publication: equal values mean nothing new. */
  readonly sequence: number;
  readonly playing: boolean;
  readonly positionSec: number;
  /** Blocks with NaN or Inf that the renderer caught (never played). */
  readonly nonFiniteBlocks: number;
  /** Normalised cross-correlation of the monitored L and R, -1..+1 (0 in silence). */
  readonly correlation: number;
  readonly leftDb: number;
  readonly rightDb: number;
  readonly midDb: number;
  readonly sideDb: number;
  /** Mid against side level, dB. */
  readonly midSideRatioDb: number;
  readonly monoDb: number;
  /** Mono fold-down against the stereo level, dB: +3 for a centred source, negative where content cancels. */
  readonly monoVsStereoDb: number;
  readonly signalPresent: boolean;
  readonly momentaryLufs: number;
  readonly shortTermLufs: number;
  readonly integratedLufs: number;
  readonly loudnessRangeLu: number;
  readonly truePeakDbtp: number;
  readonly samplePeakDbfs: number;
  readonly maxMomentaryLufs: number;
  readonly maxShortTermLufs: number;
  /** Integration time of the correlation and multiband readings, seconds. */
  readonly integrationSec: number;
  /** One-third-octave bands in use: the first bandCount entries of the band arrays. */
  readonly bandCount: number;
  readonly bandCentreHz: Float64Array;
  readonly bandCorrelation: Float64Array;
  readonly bandMonoVsStereoDb: Float64Array;
  readonly bandMidDb: Float64Array;
  readonly bandSideDb: Float64Array;
  /** Channels of the monitored loudspeakers metered (0 for binaural): the first speakerCount entries of the speaker arrays. */
  readonly speakerCount: number;
  /** Per monitored loudspeaker channel, linear peak and RMS over the last meter period (live views). */
  readonly speakerPeak: Float64Array;
  readonly speakerRms: Float64Array;
}

/**
 * The goniometer's points in shared memory: `points` holds `capacity` (x, y) pairs,
 * x = (R - L)/sqrt2 (left is negative), y = M = (L + R)/sqrt2; Atomics.load(cursor, 0)
 * counts the points written so far (modulo 2^31), point k at index 2 (k mod capacity).
 */
export interface LiveGoniometer {
  readonly points: Float32Array;
  readonly cursor: Int32Array;
  readonly capacity: number;
}

export interface LiveMeterReader {
  read(): LiveMeters;
  readonly goniometer: LiveGoniometer;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function createLiveMeterReader(area: SharedArrayBuffer, sampleRateHz: number): LiveMeterReader {
  const slots = new Float64Array(area);
  const L = METER_LAYOUT;
  const band = (offset: number, length = METER_BAND_SLOTS): Float64Array => new Float64Array(area, offset * Float64Array.BYTES_PER_ELEMENT, length);
  const readings: Mutable<LiveMeters> = {
    sequence: 0,
    playing: false,
    positionSec: 0,
    nonFiniteBlocks: 0,
    correlation: 0,
    leftDb: 0,
    rightDb: 0,
    midDb: 0,
    sideDb: 0,
    midSideRatioDb: 0,
    monoDb: 0,
    monoVsStereoDb: 0,
    signalPresent: false,
    momentaryLufs: 0,
    shortTermLufs: 0,
    integratedLufs: 0,
    loudnessRangeLu: 0,
    truePeakDbtp: 0,
    samplePeakDbfs: 0,
    maxMomentaryLufs: 0,
    maxShortTermLufs: 0,
    integrationSec: 0,
    bandCount: 0,
    bandCentreHz: band(L.bandCentreHz),
    bandCorrelation: band(L.bandCorrelation),
    bandMonoVsStereoDb: band(L.bandMonoVsStereoDb),
    bandMidDb: band(L.bandMidDb),
    bandSideDb: band(L.bandSideDb),
    speakerCount: 0,
    speakerPeak: band(L.speakerPeak, MAX_SPEAKER_METERS),
    speakerRms: band(L.speakerRms, MAX_SPEAKER_METERS),
  };
  const ring = goniometerRing(area);
  return {
    goniometer: { points: ring.points, cursor: ring.cursor, capacity: GONIOMETER_RING_POINTS },
    read() {
      const r = readings;
      r.sequence = slots[L.sequence]!;
      r.playing = slots[L.playing] === 1;
      r.positionSec = slots[L.playheadFrame]! / sampleRateHz;
      r.nonFiniteBlocks = slots[L.nonFiniteBlocks]!;
      readSlots(r, STEREO_FIELD_SLOT_NAMES, slots);
      r.signalPresent = slots[L.signalPresent] === 1;
      readSlots(r, LOUDNESS_SLOT_NAMES, slots);
      r.integrationSec = slots[L.integrationSec]!;
      r.bandCount = Math.min(METER_BAND_SLOTS, Math.max(0, slots[L.bandCount]!));
      r.speakerCount = Math.min(MAX_SPEAKER_METERS, Math.max(0, slots[L.speakerCount]!));
      return r;
    },
  };
}

/** readings[name] = slots[METER_LAYOUT[name]] for each name. Allocation-free. */
function readSlots<Name extends keyof typeof METER_LAYOUT>(readings: Record<Name, number>, names: readonly Name[], slots: Float64Array): void {
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    readings[name] = slots[METER_LAYOUT[name]]!;
  }
}
