/**
 * A growable record of a loudness meter's 100 ms sub-block powers z (loudnessMeter.ts), in
 * the order they complete. Everything the meter reports except the peaks follows from this
 * sequence, so spans of a programme measured apart merge exactly by concatenating their logs
 * (addSubBlockPowers). Backed by one Float64Array: appending allocates only when the
 * capacity is exhausted (the array doubles); a log created with the capacity of the whole
 * programme never allocates while it is filled.
 */
export interface SubBlockPowerLog {
  values: Float64Array;
  length: number;
}

/** 10 minutes of 100 ms sub-blocks. */
const DEFAULT_CAPACITY = 6000;

export function createSubBlockPowerLog(capacity = DEFAULT_CAPACITY): SubBlockPowerLog {
  if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`sub-block power log: capacity must be a whole number >= 0, got ${capacity}`);
  return { values: new Float64Array(Math.max(1, capacity)), length: 0 };
}

export function appendSubBlockPower(log: SubBlockPowerLog, power: number): void {
  if (log.length === log.values.length) {
    const grown = new Float64Array(2 * log.values.length);
    grown.set(log.values);
    log.values = grown;
  }
  log.values[log.length++] = power;
}

/** The powers recorded so far (a view: it changes with the log until the log grows). */
export function subBlockPowers(log: SubBlockPowerLog): Float64Array {
  return log.values.subarray(0, log.length);
}

export function clearSubBlockPowerLog(log: SubBlockPowerLog): void {
  log.length = 0;
}
