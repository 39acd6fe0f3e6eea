import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getLayout, isLayoutName } from '../../../../../src/core/layouts';
import type { LayoutName } from '../../../../../src/core/layouts';
import { directSpeakersGains } from '../../../../../src/dsp/panners/directSpeakers/directSpeakersGains';
import { createLayoutPanner } from '../../../../../src/render/buses/layoutPanners';

/**
 * Bed channels rendered as BS.2127 renders DirectSpeakers, against the EBU ADM Renderer:
 * tests/fixtures/ear/direct-speakers-gains.json, every channel of every layout (the
 * BS.2051 ones and 2+7+0) into every layout (tests/fixtures/ear/README.md).
 */
interface EarOutput {
  readonly layout: string;
  readonly labels: readonly string[];
  readonly inputs: readonly { readonly layout: string; readonly gains: Readonly<Record<string, readonly number[]>> }[];
}

const EAR = JSON.parse(readFileSync(new URL('../../../../fixtures/ear/direct-speakers-gains.json', import.meta.url), 'utf8')) as { outputs: EarOutput[] };

/** Issue 13's bound on any gain's difference from EAR's; the data are rounded to 1e-10. */
const EAR_TOLERANCE = 0.02;
const MEASURED_TOLERANCE = 1e-9;

const layoutName = (name: string): LayoutName => {
  if (!isLayoutName(name)) throw new Error(`unknown layout ${name}`);
  return name;
};

describe('DirectSpeakers gains against the EBU ADM Renderer', () => {
  it.each(EAR.outputs.map((o) => [o.layout, o] as const))('every channel of every layout into %s: within 1e-9 of EAR (bound 0.02)', (_, o) => {
    const output = getLayout(layoutName(o.layout));
    expect(output.channels.map((c) => c.label)).toEqual(o.labels);
    const panner = createLayoutPanner(output);
    const out = new Float64Array(output.channels.length);
    let worst = 0;
    let channels = 0;
    for (const input of o.inputs) {
      const inputLayout = getLayout(layoutName(input.layout));
      for (const channel of inputLayout.channels) {
        const expected = input.gains[channel.label]!;
        directSpeakersGains(inputLayout.name, channel, output, panner, out);
        expected.forEach((g, k) => {
          const difference = Math.abs(out[k]! - g);
          if (difference > MEASURED_TOLERANCE) throw new Error(`${input.layout} ${channel.label} -> ${o.layout} ${o.labels[k]}: ${out[k]} but EAR ${g}`);
          worst = Math.max(worst, difference);
        });
        channels++;
      }
    }
    expect(channels).toBeGreaterThan(100);
    expect(worst).toBeLessThan(EAR_TOLERANCE);
    expect(worst).toBeLessThan(MEASURED_TOLERANCE);
  });
});
