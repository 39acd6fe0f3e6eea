import { describe, expect, it } from 'vitest';
import { createLoudnessReading } from '../../../../src/dsp/loudness/loudnessMeter';
import { createMixMeters } from '../../../../src/dsp/meters/mixMeters';
import { createStereoFieldReading } from '../../../../src/dsp/meters/stereoFieldMeter';
import { createLiveMeterReader } from '../../../../src/render/realtime/liveMeterReader';
import type { LiveMeters } from '../../../../src/render/realtime/liveMeterReader';
import { meterSlots } from '../../../../src/render/realtime/meterLayout';
import { publishMonitorMeters } from '../../../../src/render/realtime/monitorMeters';
import type { MonitorMeters } from '../../../../src/render/realtime/monitorMeters';

/**
 * The writer (publishMonitorMeters) and the reader (createLiveMeterReader) copy the
 * stereo-field and loudness readings through the shared meter area by the name tables of
 * meterLayout.ts. Every field of both reading objects gets its own value; the reader must
 * return each in the field of the same name. A name missing from a table leaves the
 * reader's field at its initial value, and two names sharing a slot or swapped in a copy
 * return another field's value, so either fails. Values pass through Float64 slots
 * without arithmetic: the comparison is exact (tolerance 0).
 */

const RATE = 48000;

/**
 * `fields` as a reading whose values stay put: publishMonitorMeters refreshes the readings
 * from the meters (readMixMeters) before writing them, so each field ignores writes.
 */
function pinnedReading<T extends object>(fields: T): T {
  const reading = {} as T;
  for (const [name, value] of Object.entries(fields)) {
    Object.defineProperty(reading, name, { get: () => value, set: () => {}, enumerable: true });
  }
  return reading;
}

/** Distinct values, none of them a reader's initial 0 or false, or the meters' -150 floor. */
function distinctValues<T extends object>(template: T, first: number): Record<keyof T, number> {
  const values = {} as Record<keyof T, number>;
  Object.keys(template).forEach((name, i) => {
    values[name as keyof T] = first + 1.25 * i;
  });
  return values;
}

function published(): { readonly sent: Record<string, number | boolean>; readonly read: LiveMeters } {
  const { signalPresent: _boolean, ...stereoFieldNumbers } = createStereoFieldReading();
  const stereoField = { ...distinctValues(stereoFieldNumbers, -17.5), signalPresent: true };
  const loudness = distinctValues(createLoudnessReading(), 3.75);
  const integrationSec = 2.625;
  const meters: MonitorMeters = {
    sampleRateHz: RATE,
    mix: {
      ...createMixMeters({ withoutMultiband: true }, RATE),
      stereoFieldReading: pinnedReading(stereoField),
      loudnessReading: pinnedReading(loudness),
    },
    integrationSec,
    monoLawGain: Math.SQRT1_2,
  };
  const area = new SharedArrayBuffer(meterSlots(0) * Float64Array.BYTES_PER_ELEMENT);
  publishMonitorMeters(meters, new Float64Array(area));
  const read = createLiveMeterReader(area, RATE).read();
  return { sent: { ...stereoField, ...loudness, integrationSec }, read };
}

describe('meter slots: what publishMonitorMeters writes, the live meter reader returns (exact)', () => {
  const { sent, read } = published();

  it('every published reading has a field of its name in LiveMeters, and the values are distinct', () => {
    const numbers = Object.values(sent).filter((value) => typeof value === 'number');
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).not.toContain(0);
    expect(Object.keys(sent).filter((name) => !(name in read))).toEqual([]);
  });

  it.each(Object.keys(sent))('%s comes back in its own field', (name) => {
    expect(read[name as keyof LiveMeters]).toBe(sent[name]);
  });
});
