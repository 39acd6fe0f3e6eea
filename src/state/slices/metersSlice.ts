import { LOUDNESS_TARGETS } from '../../core/loudnessTargets';
import { INTEGRATION_TIME_PRESETS_SEC } from '../../core/meterPresets';
import { checkMonitorSoloBand } from '../../core/monitorSoloBand';
import type { MonitorSoloBand } from '../../core/monitorSoloBand';
import type { LoudnessTargetId } from '../../core/loudnessTargets';
import type { MonitorSolo } from '../../engine/audioEngine';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';

export type MidSideSolo = MonitorSolo['midSide'];

export interface MeterPanelSettings {
  /** Integration time of the correlation and multiband meters, seconds: one of INTEGRATION_TIME_PRESETS_SEC. */
  readonly integrationSec: number;
  /** The delivery target the loudness read-outs are compared with. */
  readonly loudnessTarget: LoudnessTargetId;
}

/**
 * The studio meters' settings and the monitor solo (mid/side and band): what the engineer
 * looks at and listens to, never part of the scene, the undo history or an export.
 * Each change goes to the engine at once; the engine keeps it across scene reloads.
 */
export interface MetersSlice {
  readonly meterSettings: MeterPanelSettings;
  readonly monitorSolo: MonitorSolo;
  /** Throws a RangeError unless `integrationSec` is one of INTEGRATION_TIME_PRESETS_SEC. */
  setIntegrationTime(integrationSec: number): void;
  /** Throws a RangeError for an unknown target id. */
  setLoudnessTarget(target: LoudnessTargetId): void;
  setMidSideSolo(mode: MidSideSolo): void;
  /** Solos a frequency band of the monitor (null ends it). Throws a RangeError unless 0 < lowerHz < upperHz. */
  soloMonitorBand(band: MonitorSoloBand | null): void;
  /** Restarts the loudness measurement (integrated, LRA, maxima, true-peak hold). */
  resetLoudness(): void;
}

const DEFAULT_METER_SETTINGS: MeterPanelSettings = { integrationSec: 0.3, loudnessTarget: 'streaming' };
const NO_MONITOR_SOLO: MonitorSolo = { midSide: 'stereo', band: null };

export function createMetersSlice(set: SetStudioState, get: GetStudioState, context: StudioContext): MetersSlice {
  const applySolo = (monitorSolo: MonitorSolo): void => {
    set({ monitorSolo });
    context.engine?.setMonitorSolo(monitorSolo);
  };
  return {
    meterSettings: DEFAULT_METER_SETTINGS,
    monitorSolo: NO_MONITOR_SOLO,
    setIntegrationTime(integrationSec) {
      if (!(INTEGRATION_TIME_PRESETS_SEC as readonly number[]).includes(integrationSec)) {
        throw new RangeError(`meter integration time: expected one of ${INTEGRATION_TIME_PRESETS_SEC.join(', ')} s, got ${integrationSec}`);
      }
      if (get().meterSettings.integrationSec === integrationSec) return;
      set({ meterSettings: { ...get().meterSettings, integrationSec } });
      context.engine?.setMeterSettings({ integrationSec });
    },
    setLoudnessTarget(loudnessTarget) {
      if (!LOUDNESS_TARGETS.some((t) => t.id === loudnessTarget)) {
        throw new RangeError(`loudness target: expected one of ${LOUDNESS_TARGETS.map((t) => t.id).join(', ')}, got ${String(loudnessTarget)}`);
      }
      set({ meterSettings: { ...get().meterSettings, loudnessTarget } });
    },
    setMidSideSolo(midSide) {
      if (!['stereo', 'mid', 'side'].includes(midSide)) throw new RangeError(`mid/side solo: expected 'stereo', 'mid' or 'side', got ${String(midSide)}`);
      if (get().monitorSolo.midSide === midSide) return;
      applySolo({ ...get().monitorSolo, midSide });
    },
    soloMonitorBand(band) {
      if (band !== null) checkMonitorSoloBand(band);
      const current = get().monitorSolo.band;
      if (band === current || (band !== null && current !== null && band.lowerHz === current.lowerHz && band.upperHz === current.upperHz)) return;
      applySolo({ ...get().monitorSolo, band: band === null ? null : { lowerHz: band.lowerHz, upperHz: band.upperHz } });
    },
    resetLoudness() {
      context.engine?.resetLoudness();
    },
  };
}
