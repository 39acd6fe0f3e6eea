import { describe, expect, it } from 'vitest';
import { loudspeakerOutput } from '../../../../src/core/outputs/studioOutputs';
import { createObjectValues } from '../../../../src/core/scene/objectValues';
import type { ObjectValues } from '../../../../src/core/scene/objectValues';
import { DECORRELATION_DELAY_SAMPLES } from '../../../../src/dsp/filters/decorrelationFilters';
import { createLoudspeakerBus, KNOT_ANGLE_DEG } from '../../../../src/render/buses/loudspeakerBus';
import { RENDER_BLOCK_FRAMES } from '../../../../src/render/renderBlock';

const B = RENDER_BLOCK_FRAMES;
const STEP_DEG = 0.3;
const BLOCKS = 300;
/** A 20-degree jump (a drag) at this block. */
const JUMP_BLOCK = 200;

/** Azimuth of the path at block b: a sweep along the horizon (a great circle), with one jump. */
const azimuthAt = (b: number): number => STEP_DEG * b + (b >= JUMP_BLOCK ? 20 : 0);

/** The 7.1.4 bus's output for a DC object along the path with a jump, every channel, BLOCKS blocks. */
function render(values: ObjectValues, knotAngleDeg: number): Float32Array[] {
  return renderPath(values, knotAngleDeg, azimuthAt);
}

/** The same along any path of azimuths (degrees) per block. */
function renderPath(values: ObjectValues, knotAngleDeg: number, path: (b: number) => number): Float32Array[] {
  const output = loudspeakerOutput('7.1.4', '7.1.4', '4+7+0');
  const bus = createLoudspeakerBus(output, { knotAngleDeg });
  const voice = bus.createVoice();
  const input = new Float32Array(B).fill(1);
  const out = output.channels.map(() => new Float32Array(BLOCKS * B));
  for (let b = 0; b < BLOCKS; b++) {
    const az = (path(b) * Math.PI) / 180;
    const placement = { direction: Float64Array.from([-Math.sin(az), Math.cos(az), 0]), distanceM: 1, values };
    bus.beginBlock();
    if (b === 0) bus.startVoice(voice, placement);
    bus.addObject(voice, input, placement);
    bus.endBlock();
    bus.block.forEach((channel, c) => out[c]!.set(channel, b * B));
  }
  return out;
}

/** Output frame holding the gain at the end of input block b (the ramp's last frame, 255 frames late). */
const blockEnd = (b: number): number => b * B + B - 1 + DECORRELATION_DELAY_SAMPLES;

const CASES: [string, ObjectValues][] = [
  ['width 30, height 10', { ...createObjectValues(), width: 30, height: 10 }],
  ['a point with divergence 0.5 over 30 degrees', { ...createObjectValues(), objectDivergence: { value: 0.5, azimuthRange: 30 } }],
  ['width 360 with depth 0.5', { ...createObjectValues(), width: 360, height: 20, depth: 0.5 }],
];

describe('the loudspeaker bus recomputes calculator gains at knots', () => {
  it.each(CASES)('%s along the horizon: within L x the knot angle of the per-block gains, L the largest gain change per degree along the path; exact again at the block of a 20-degree jump', (_, values) => {
    const perBlock = render(values, 0);
    const knots = render(values, KNOT_ANGLE_DEG);
    // L: per-block gains at block ends, largest change per degree between neighbours (the jump left out)
    let slope = 0;
    for (let b = 1; b < BLOCKS - 2; b++) {
      if (b === JUMP_BLOCK) continue;
      for (const channel of perBlock) slope = Math.max(slope, Math.abs(channel[blockEnd(b)]! - channel[blockEnd(b - 1)]!) / STEP_DEG);
    }
    // Gains at knots are those of a direction on the same great circle at most the knot
    // angle away, and every sample is a ramp between two block ends: |error| <= L x angle.
    const bound = slope * KNOT_ANGLE_DEG + 1e-6;
    let largest = 0;
    for (let c = 0; c < perBlock.length; c++) {
      for (let n = DECORRELATION_DELAY_SAMPLES; n < BLOCKS * B; n++) largest = Math.max(largest, Math.abs(knots[c]![n]! - perBlock[c]![n]!));
      expect(Math.abs(knots[c]![blockEnd(JUMP_BLOCK)]! - perBlock[c]![blockEnd(JUMP_BLOCK)]!)).toBeLessThan(1e-7);
    }
    expect(largest).toBeLessThanOrEqual(bound);
    // the knots are real (fewer recomputations than blocks) and the bound says something
    expect(largest).toBeGreaterThan(1e-4);
    expect(bound).toBeLessThan(0.05);
  });
});

describe('an object that stops between two knots', () => {
  it('rests at the gains of where it stopped, not of its last knot: after the block it stops in, every channel equals the per-block render within 1e-7', () => {
    const STOP_BLOCK = 101; // 30.3 degrees: 0.3 past the knot at 30 (knots every 1.2 degrees here)
    const path = (b: number): number => STEP_DEG * Math.min(b, STOP_BLOCK);
    const values = { ...createObjectValues(), width: 30, height: 10 };
    const perBlock = renderPath(values, 0, path);
    const knots = renderPath(values, KNOT_ANGLE_DEG, path);
    let beforeStop = 0;
    for (let c = 0; c < perBlock.length; c++) {
      beforeStop = Math.max(beforeStop, Math.abs(knots[c]![blockEnd(STOP_BLOCK)]! - perBlock[c]![blockEnd(STOP_BLOCK)]!));
      for (let n = blockEnd(STOP_BLOCK + 1); n < BLOCKS * B; n++) expect(Math.abs(knots[c]![n]! - perBlock[c]![n]!)).toBeLessThan(1e-7);
    }
    // the stop is between knots: at the block it stops in, the gains are still the knot's
    expect(beforeStop).toBeGreaterThan(1e-4);
  });
});
