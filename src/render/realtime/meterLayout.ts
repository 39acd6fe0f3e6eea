/**
 * Layout of the shared meter area (one SharedArrayBuffer): the host writes, the page reads
 * at its own pace (no messages, no allocation on the audio thread).
 *
 * The area is Float64 slots: the transport and the readings of the monitored output at
 * fixed offsets, then the per-band arrays of the multiband meter, then the goniometer
 * ring, then one peak per source (so the area grows with the scene). The goniometer ring
 * is a byte region of the same buffer, viewed as Int32 (its cursor, read with
 * Atomics.load) and Float32 (its interleaved points); see dsp/meters/goniometer.ts.
 *
 * Readers see values change under them: a reading is at most one meter period old, and
 * slots of one update may mix with the next one's (each value is whole; there is no lock).
 */

/** The most one-third-octave bands the multiband meter has (20 Hz - 20 kHz). */
export const METER_BAND_SLOTS = 31;

/** The most loudspeaker channels a monitored layout has (9+10+3: 22 loudspeakers and 2 LFE). */
export const MAX_SPEAKER_METERS = 24;

/** Points the goniometer ring holds: about 0.34 s at 48 kHz with the default decimation of 4. */
export const GONIOMETER_RING_POINTS = 4096;

const READINGS = 6;
const BANDS = READINGS + 19;
const SPEAKERS = BANDS + 5 * METER_BAND_SLOTS + 1 + GONIOMETER_RING_POINTS;

export const METER_LAYOUT = {
  /** Frames played (the sample-accurate playhead). */
  playheadFrame: 0,
  /** 1 while playing. */
  playing: 1,
  /** Counter bumped on every meter update, so readers can tell fresh values. */
  sequence: 2,
  /** Peak of the monitored left and right outputs over the last meter period, linear (2 slots). */
  outputPeak: 3,
  /** Non-finite blocks the renderer caught (reported, never played). */
  nonFiniteBlocks: 5,

  // Stereo field of the monitored output (dsp/meters/stereoFieldMeter.ts).
  correlation: READINGS,
  leftDb: READINGS + 1,
  rightDb: READINGS + 2,
  midDb: READINGS + 3,
  sideDb: READINGS + 4,
  midSideRatioDb: READINGS + 5,
  monoDb: READINGS + 6,
  monoVsStereoDb: READINGS + 7,
  /** 1 when either channel is above the meters' silence threshold. */
  signalPresent: READINGS + 8,

  // Loudness of the monitored output (dsp/loudness/loudnessMeter.ts), since the last reset.
  momentaryLufs: READINGS + 9,
  shortTermLufs: READINGS + 10,
  integratedLufs: READINGS + 11,
  loudnessRangeLu: READINGS + 12,
  truePeakDbtp: READINGS + 13,
  samplePeakDbfs: READINGS + 14,
  maxMomentaryLufs: READINGS + 15,
  maxShortTermLufs: READINGS + 16,

  /** Integration time of the correlation and multiband readings in use, seconds. */
  integrationSec: READINGS + 17,
  /** Bands the multiband meter has at this sample rate (at most METER_BAND_SLOTS). */
  bandCount: READINGS + 18,

  // Per band, METER_BAND_SLOTS slots each, the first bandCount used.
  bandCentreHz: BANDS,
  bandCorrelation: BANDS + METER_BAND_SLOTS,
  bandMonoVsStereoDb: BANDS + 2 * METER_BAND_SLOTS,
  bandMidDb: BANDS + 3 * METER_BAND_SLOTS,
  bandSideDb: BANDS + 4 * METER_BAND_SLOTS,

  /** The goniometer ring's cursor: an Int32 at this slot's first four bytes. */
  goniometerCursor: BANDS + 5 * METER_BAND_SLOTS,
  /** The goniometer ring's points: GONIOMETER_RING_POINTS (x, y) Float32 pairs, one pair per slot. */
  goniometerPoints: BANDS + 5 * METER_BAND_SLOTS + 1,

  /** Channels of the monitored loudspeakers (core/outputs/monitoredSpeakers.ts) metered below; 0 for binaural. */
  speakerCount: SPEAKERS,
  /** Per monitored loudspeaker channel (in its output's order), peak over the last meter period, linear (MAX_SPEAKER_METERS slots). */
  speakerPeak: SPEAKERS + 1,
  /** Per monitored loudspeaker channel, RMS over the last meter period, linear (MAX_SPEAKER_METERS slots). */
  speakerRms: SPEAKERS + 1 + MAX_SPEAKER_METERS,

  /** Per source index, the peak of its objects' signals over the last meter period. */
  sourcePeak: SPEAKERS + 1 + 2 * MAX_SPEAKER_METERS,
} as const;

type MeterSlotName = keyof typeof METER_LAYOUT;

/**
 * The stereo-field meter's numbers (dsp/meters/stereoFieldMeter.ts) that cross the area
 * as they are. Each name is the same in the meter's reading object (the writer,
 * monitorMeters.ts), in METER_LAYOUT (its slot) and in LiveMeters (the reader,
 * liveMeterReader.ts), so both copy by this table; walk it with an indexed loop (no
 * iterator object on the audio thread). The boolean signalPresent is copied on its own (1 or 0).
 */
export const STEREO_FIELD_SLOT_NAMES = ['correlation', 'leftDb', 'rightDb', 'midDb', 'sideDb', 'midSideRatioDb', 'monoDb', 'monoVsStereoDb'] as const satisfies readonly MeterSlotName[];

/** The loudness meter's readings (dsp/loudness/loudnessMeter.ts), copied as STEREO_FIELD_SLOT_NAMES. */
export const LOUDNESS_SLOT_NAMES = [
  'momentaryLufs',
  'shortTermLufs',
  'integratedLufs',
  'loudnessRangeLu',
  'truePeakDbtp',
  'samplePeakDbfs',
  'maxMomentaryLufs',
  'maxShortTermLufs',
] as const satisfies readonly MeterSlotName[];

/** Float64 slots of the meter area for a scene of `sourceCount` sources. */
export function meterSlots(sourceCount: number): number {
  return METER_LAYOUT.sourcePeak + sourceCount;
}

/** The goniometer ring inside a meter area (views, not copies). */
export interface GoniometerRing {
  /** Interleaved (x, y) points, GONIOMETER_RING_POINTS of them. */
  readonly points: Float32Array;
  /** cursor[0]: points written so far, modulo 2^31 (read with Atomics.load). */
  readonly cursor: Int32Array;
}

export function goniometerRing(area: SharedArrayBuffer): GoniometerRing {
  const bytes = Float64Array.BYTES_PER_ELEMENT;
  return {
    points: new Float32Array(area, METER_LAYOUT.goniometerPoints * bytes, 2 * GONIOMETER_RING_POINTS),
    cursor: new Int32Array(area, METER_LAYOUT.goniometerCursor * bytes, 1),
  };
}
