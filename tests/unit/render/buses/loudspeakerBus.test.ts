import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getLayout, LAYOUT_NAMES } from '../../../../src/core/layouts';
import type { LoudspeakerLayout } from '../../../../src/core/layouts';
import { createObjectValues } from '../../../../src/core/scene/objectValues';
import type { LoudspeakerOutput } from '../../../../src/core/outputs/outputDefinition';
import { loudspeakerOutput } from '../../../../src/core/outputs/studioOutputs';
import { readUserLayout } from '../../../../src/core/userLayout';
import { DECORRELATION_DELAY_SAMPLES } from '../../../../src/dsp/filters/decorrelationFilters';
import { createLayoutObjectGains } from '../../../../src/dsp/panners/objectGains/layoutObjectGains';
import { createLayoutPanner } from '../../../../src/render/buses/layoutPanners';
import { createLoudspeakerBus } from '../../../../src/render/buses/loudspeakerBus';
import { RENDER_BLOCK_FRAMES } from '../../../../src/render/renderBlock';

const room = readUserLayout(
  JSON.parse(readFileSync(new URL('../../../fixtures/layouts/studio-b-7.1.4.json', import.meta.url), 'utf8')),
  'studio-b-7.1.4.json',
);

const OUTPUTS: [string, LoudspeakerOutput][] = [
  ...LAYOUT_NAMES.map((name) => [name, loudspeakerOutput(name, name, name)] as [string, LoudspeakerOutput]),
  ['user layout (Studio B, 4+7+0)', { ...loudspeakerOutput('room', 'Room', '4+7+0'), layout: room }],
];

/** A direction off every loudspeaker and every layer: up and to the back left. */
const DIRECTION = Float64Array.from([-Math.sin(1.9) * Math.cos(0.3), Math.cos(1.9) * Math.cos(0.3), Math.sin(0.3)]);

describe('the loudspeaker bus', () => {
  it.each(OUTPUTS)('renders an object to %s with its panner\'s gains, 255 frames late (float32 rounding, 1e-7)', (_, output) => {
    const bus = createLoudspeakerBus(output);
    expect(bus.latencyFrames).toBe(DECORRELATION_DELAY_SAMPLES);
    const panner = createLayoutPanner(output.layout);
    const expected = new Float64Array(panner.channelCount);
    panner.gains(DIRECTION[0]!, DIRECTION[1]!, DIRECTION[2]!, expected);
    const placement = { direction: DIRECTION, distanceM: 1 };
    const voice = bus.createVoice();
    // Three blocks of DC: the direct path's delay (255) ends in the second.
    const rendered = output.channels.map(() => new Float32Array(3 * RENDER_BLOCK_FRAMES));
    for (let b = 0; b < 3; b++) {
      bus.beginBlock();
      if (b === 0) bus.startVoice(voice, placement);
      bus.addObject(voice, new Float32Array(RENDER_BLOCK_FRAMES).fill(1), placement);
      bus.endBlock();
      bus.block.forEach((channel, c) => rendered[c]!.set(channel, b * RENDER_BLOCK_FRAMES));
    }
    expect(bus.block).toHaveLength(output.channels.length);
    let power = 0;
    rendered.forEach((channel, c) => {
      expect(channel[DECORRELATION_DELAY_SAMPLES - 1]).toBe(0);
      expect(Math.abs(channel[DECORRELATION_DELAY_SAMPLES]! - expected[c]!)).toBeLessThan(1e-7);
      expect(Math.abs(channel[channel.length - 1]! - expected[c]!)).toBeLessThan(1e-7);
      power += expected[c]! ** 2;
    });
    // 0+2+0 is the stereo fold-down: -3 dB behind, so its power is 1/2 to 1 (stereoFoldDown.ts)
    if (output.layout.name === '0+2+0') expect(power).toBeGreaterThanOrEqual(0.5 - 1e-12);
    else expect(Math.abs(power - 1)).toBeLessThan(1e-12);
  });

  it("makes BS.2127's gain calculator (its set-up) with the bus, not in the first blocks of moving objects with extent, diffuseness or divergence", () => {
    const made: string[] = [];
    const countingSetUp = (layout: LoudspeakerLayout) => {
      made.push(layout.name);
      return createLayoutObjectGains(layout);
    };
    const bus = createLoudspeakerBus(loudspeakerOutput('7.1.4', '7.1.4', '4+7+0'), { createCalculator: countingSetUp });
    expect(made).toEqual(['4+7+0']);
    const values = [
      { ...createObjectValues(), width: 30, height: 10, diffuse: 0.2 },
      { ...createObjectValues(), width: 360, depth: 0.5, objectDivergence: { value: 0.5, azimuthRange: 45 } },
    ];
    const voices = values.map(() => bus.createVoice());
    const input = new Float32Array(RENDER_BLOCK_FRAMES).fill(1);
    let power = 0;
    for (let b = 0; b < 4; b++) {
      bus.beginBlock();
      values.forEach((v, k) => {
        const direction = Float64Array.from([-Math.sin(0.1 * b + k), Math.cos(0.1 * b + k), 0]);
        const placement = { direction, distanceM: 1, values: v };
        if (b === 0) bus.startVoice(voices[k], placement);
        bus.addObject(voices[k], input, placement);
      });
      bus.endBlock();
      power = bus.block.reduce((sum, channel) => sum + channel[RENDER_BLOCK_FRAMES - 1]! ** 2, 0);
    }
    expect(made).toEqual(['4+7+0']);
    // and the objects were rendered: past the 255-frame delay the direct parts are heard
    expect(power).toBeGreaterThan(0.1);
  });
});
