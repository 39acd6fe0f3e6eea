/**
 * The band a monitor solo plays (the studio's Solo band: a finding's worst band), and the
 * rule its edges keep. In core so that the store checks a band the way the real-time host
 * that plays it does (render/realtime/monitorSolo.ts).
 */
export interface MonitorSoloBand {
  readonly lowerHz: number;
  readonly upperHz: number;
}

/**
 * Throws a RangeError naming what is wrong unless `band` has finite edges with
 * 0 < lowerHz < upperHz.
 */
export function checkMonitorSoloBand(band: MonitorSoloBand): void {
  const { lowerHz, upperHz } = band;
  if (!(Number.isFinite(lowerHz) && Number.isFinite(upperHz) && lowerHz > 0 && upperHz > lowerHz)) {
    throw new RangeError(`monitor solo band: expected finite edges with 0 < lowerHz < upperHz (Hz), got lowerHz ${lowerHz}, upperHz ${upperHz}`);
  }
}
