import { createMixMeters, processMixMeters, readMixMeters } from '../../dsp/meters/mixMeters';
import type { MixMeters } from '../../dsp/meters/mixMeters';
import { createGoniometer } from '../../dsp/meters/goniometer';
import { createMultibandStereoMeter } from '../../dsp/meters/multibandStereoMeter';
import { createStereoFieldMeter } from '../../dsp/meters/stereoFieldMeter';
import { resetLoudnessMeter } from '../../dsp/loudness/loudnessMeter';
import { LOUDNESS_SLOT_NAMES, METER_BAND_SLOTS, METER_LAYOUT, STEREO_FIELD_SLOT_NAMES, goniometerRing } from './meterLayout';

/**
 * The studio meters of the monitored output (dsp/meters/mixMeters.ts: stereo field,
 * 31-band multiband, BS.1770 loudness with true peak, goniometer feed), and their
 * publication into the shared meter area (meterLayout.ts).
 *
 * Ballistics: the correlation and multiband readings use exponential integration with the
 * chosen time constant; their mono sum vs stereo uses the monitor's mono law. Changing either
 * rebuilds those two meters (they start again from silence); the loudness measurement
 * carries on until resetMonitorLoudness. Feeding and publishing are allocation-free; the
 * set-up functions allocate and run between blocks.
 */
export interface MonitorMeters {
  readonly sampleRateHz: number;
  mix: MixMeters;
  integrationSec: number;
  monoLawGain: number;
}

/** Longest integration time accepted, seconds. */
const MAX_INTEGRATION_SEC = 60;

/** Throws a RangeError naming the problem unless 0 < integrationSec <= MAX_INTEGRATION_SEC. */
export function checkIntegrationSec(integrationSec: number): void {
  if (!(Number.isFinite(integrationSec) && integrationSec > 0 && integrationSec <= MAX_INTEGRATION_SEC)) {
    throw new RangeError(`meter settings: integrationSec must be a number of seconds in (0, ${MAX_INTEGRATION_SEC}] (e.g. 0.3, 1 or 3), got ${integrationSec}`);
  }
}

export function createMonitorMeters(area: SharedArrayBuffer, sampleRateHz: number, monoLawGain: number, integrationSec: number): MonitorMeters {
  const mix = createMixMeters(
    { integration: { mode: 'exponential', timeSec: integrationSec }, monoLawGain, goniometer: { feed: goniometerRing(area) } },
    sampleRateHz,
  );
  return { sampleRateHz, mix, integrationSec, monoLawGain };
}

/** Points the goniometer feed at a new meter area (a reloaded scene); every measurement carries on. */
export function attachMonitorMeters(meters: MonitorMeters, area: SharedArrayBuffer): void {
  meters.mix = { ...meters.mix, goniometer: createGoniometer({}, goniometerRing(area)) };
}

/** New ballistics for the correlation and multiband meters; nothing happens when both are unchanged. */
export function setMonitorMeterBallistics(meters: MonitorMeters, integrationSec: number, monoLawGain: number): void {
  checkIntegrationSec(integrationSec);
  if (integrationSec === meters.integrationSec && monoLawGain === meters.monoLawGain) return;
  const config = { integration: { mode: 'exponential', timeSec: integrationSec }, monoLawGain } as const;
  meters.mix = {
    ...meters.mix,
    stereoField: createStereoFieldMeter(config, meters.sampleRateHz),
    multiband: createMultibandStereoMeter(config, meters.sampleRateHz),
  };
  meters.integrationSec = integrationSec;
  meters.monoLawGain = monoLawGain;
}

export function resetMonitorLoudness(meters: MonitorMeters): void {
  resetLoudnessMeter(meters.mix.loudness);
}

/** Measures one block of the monitored output. Allocation-free. */
export function feedMonitorMeters(meters: MonitorMeters, left: Float32Array, right: Float32Array, frames: number): void {
  processMixMeters(meters.mix, left, right, frames);
}

/** Writes every reading into the meter area (the caller bumps the sequence). Allocation-free. */
export function publishMonitorMeters(meters: MonitorMeters, area: Float64Array): void {
  const mix = meters.mix;
  readMixMeters(mix);
  const L = METER_LAYOUT;
  writeSlots(area, STEREO_FIELD_SLOT_NAMES, mix.stereoFieldReading);
  area[L.signalPresent] = mix.stereoFieldReading.signalPresent ? 1 : 0;
  writeSlots(area, LOUDNESS_SLOT_NAMES, mix.loudnessReading);
  area[L.integrationSec] = meters.integrationSec;
  const multiband = mix.multiband;
  const bands = multiband === null ? 0 : Math.min(multiband.bands.length, METER_BAND_SLOTS);
  area[L.bandCount] = bands;
  if (multiband === null) return;
  for (let b = 0; b < bands; b++) {
    area[L.bandCentreHz + b] = multiband.bands[b]!.centreHz;
    area[L.bandCorrelation + b] = multiband.correlation[b]!;
    area[L.bandMonoVsStereoDb + b] = multiband.monoVsStereoDb[b]!;
    area[L.bandMidDb + b] = multiband.midDb[b]!;
    area[L.bandSideDb + b] = multiband.sideDb[b]!;
  }
}

/** area[METER_LAYOUT[name]] = reading[name] for each name. Allocation-free. */
function writeSlots<Name extends keyof typeof METER_LAYOUT>(area: Float64Array, names: readonly Name[], reading: Readonly<Record<Name, number>>): void {
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    area[METER_LAYOUT[name]] = reading[name];
  }
}
