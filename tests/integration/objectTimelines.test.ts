import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ObjectBlock } from '../../src/core/scene/objectTimeline';
import { createRealtimeHost, handleHostMessage, processHost } from '../../src/render/realtime/realtimeHost';
import { RENDER_BLOCK_FRAMES } from '../../src/render/renderBlock';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { Scene } from '../../src/core/scene/scene';
import { sourceParamsOf } from '../../src/core/scene/sourceParams';
import { createSceneRenderer, renderFrames, updateSource } from '../../src/render/sceneRenderer';
import { renderById, studioTestOutputs, testScene } from '../support/renderHelpers';

/** EAR's 0+2+0 gains at the positions expected below (tests/fixtures/ear/README.md). */
const EAR = JSON.parse(readFileSync(new URL('../fixtures/ear/timelineStereoGains.json', import.meta.url), 'utf8')) as {
  gains: { azimuthDeg: number; elevationDeg: number; left: number; right: number }[];
};
const earGains = (azimuthDeg: number, elevationDeg: number): [number, number] => {
  const row = EAR.gains.find((g) => g.azimuthDeg === azimuthDeg && g.elevationDeg === elevationDeg);
  if (row === undefined) throw new Error(`no EAR gains at ${azimuthDeg}, ${elevationDeg}`);
  return [row.left, row.right];
};

const RATE = 48000;
/**
 * At 1 m the distance model adds no gain and no air absorption, so with a stem of ones
 * the stereo output's samples are the panning gains themselves. Within a 128-frame block
 * the renderer ramps the gains linearly between the positions of the blocks' last frames
 * (exact there); the largest move here is 0.23 degrees per block, so a frame's gains are
 * those of its position to within 1e-4 (measured: see the log), far inside the 0.02 the
 * BS.2127 gain calculators are held to.
 */
const TOLERANCE = 1e-4;

function movingScene(timeline: ObjectBlock[], seconds: number): { scene: Scene; stem: Float32Array } {
  const base = testScene([{ azimuthDeg: 0, elevationDeg: 0, distanceM: 1 }], RATE);
  return { scene: { ...base, sources: [{ ...base.sources[0]!, timeline }] }, stem: new Float32Array(seconds * RATE).fill(1) };
}

function stereoAt(timeline: ObjectBlock[], seconds: number): [Float32Array, Float32Array] {
  const { scene, stem } = movingScene(timeline, seconds);
  return renderById(createSceneRenderer(scene, [[stem]], { outputs: studioTestOutputs(['stereo']) })).stereo!;
}

/** From 90 degrees (left) at 1 s to -80 degrees, 30 up at 3 s, through the front (the shorter arc). */
const SWEEP: ObjectBlock[] = [
  { rtimeSec: 0, durationSec: 1, position: { azimuthDeg: 90, elevationDeg: 0, distanceM: 1 } },
  { rtimeSec: 1, durationSec: 2, position: { azimuthDeg: -80, elevationDeg: 30, distanceM: 1 } },
];

const polar = (azimuthDeg: number, elevationDeg = 0) => ({ azimuthDeg, elevationDeg, distanceM: 1 });

function expectGains([left, right]: [Float32Array, Float32Array], frame: number, expected: [number, number], tolerance: number): number {
  const error = Math.max(Math.abs(left[frame]! - expected[0]), Math.abs(right[frame]! - expected[1]));
  expect(error, `frame ${frame}: (${left[frame]}, ${right[frame]}) against (${expected[0]}, ${expected[1]})`).toBeLessThan(tolerance);
  return error;
}

describe('object timelines in the renderer (stereo, against the EBU ADM Renderer 0+2+0 gains)', () => {
  it('an object that jumps (jumpPosition, interpolationLength 0) has the new gains from the block that starts at its rtime', () => {
    const stereo = stereoAt(
      [
        { rtimeSec: 0, durationSec: 1, position: polar(30) },
        { rtimeSec: 1, durationSec: 1, jumpPosition: { flag: true, interpolationLengthSec: 0 }, position: polar(-60, 20) },
      ],
      2,
    );
    let largest = 0;
    for (const seconds of [0, 0.5, 0.99]) largest = Math.max(largest, expectGains(stereo, seconds * RATE, earGains(30, 0), 1e-6));
    // The jump at frame 48,000 (a block start) is done by the block's last frame: a 128-frame (2.7 ms) ramp.
    largest = Math.max(largest, expectGains(stereo, RATE - 1, earGains(30, 0), 1e-6));
    largest = Math.max(largest, expectGains(stereo, RATE + 127, earGains(-60, 20), 1e-6));
    for (const seconds of [1.01, 1.5, 1.99]) largest = Math.max(largest, expectGains(stereo, seconds * RATE, earGains(-60, 20), 1e-6));
    console.log(`jumping object: largest gain difference from EAR ${largest.toExponential(2)}`);
  });

  it('an object that interpolates over its block duration has the gains of its interpolated positions', () => {
    // SWEEP at 1.5 s is at (47.5, 7.5), 2 s (5, 15), 2.5 s (-37.5, 22.5); frames 72,000 and 120,000 are mid-block.
    const stereo = stereoAt(SWEEP, 4);
    const checks: [number, number, number][] = [
      [0.5, 90, 0],
      [1.5, 47.5, 7.5],
      [2, 5, 15],
      [2.5, -37.5, 22.5],
      [3.5, -80, 30],
    ];
    let largest = 0;
    for (const [seconds, azimuthDeg, elevationDeg] of checks) {
      largest = Math.max(largest, expectGains(stereo, seconds * RATE, earGains(azimuthDeg, elevationDeg), TOLERANCE));
    }
    console.log(`interpolating object: largest gain difference from EAR ${largest.toExponential(2)}`);
  });

  it('the real-time host evaluates the timeline at its transport time (after a seek to mid-block frame 72,000)', async () => {
    const grid = await loadHrtfGrid(undefined, RATE);
    const { scene, stem } = movingScene(SWEEP, 4);
    const host = createRealtimeHost(RATE);
    const outputs = studioTestOutputs(['stereo']);
    handleHostMessage(host, { type: 'load', scene, stems: [[stem]], grid, meters: null, outputs, wire: 'monitor', startPlaying: false });
    handleHostMessage(host, { type: 'monitor', output: outputs[0]!, monoLaw: '-3dB' });
    const seekFrame = 72000;
    handleHostMessage(host, { type: 'seek', frame: seekFrame });
    handleHostMessage(host, { type: 'play' });
    const blocks = 400;
    const left = new Float32Array(blocks * RENDER_BLOCK_FRAMES);
    const right = new Float32Array(blocks * RENDER_BLOCK_FRAMES);
    const block = [new Float32Array(RENDER_BLOCK_FRAMES), new Float32Array(RENDER_BLOCK_FRAMES)];
    for (let b = 0; b < blocks; b++) {
      processHost(host, block);
      left.set(block[0]!, b * RENDER_BLOCK_FRAMES);
      right.set(block[1]!, b * RENDER_BLOCK_FRAMES);
    }
    // Output frame i is transport frame 72,000 + i.
    expectGains([left, right], 2 * RATE - seekFrame, earGains(5, 15), TOLERANCE);
    expectGains([left, right], 2.5 * RATE - seekFrame, earGains(-37.5, 22.5), TOLERANCE);
  });

  it('takes a timeline given, and then taken away, by a source update (the studio\'s source message)', () => {
    const { scene, stem } = movingScene([], 2);
    const object = { ...scene.sources[0]!, position: polar(30) };
    delete (object as { timeline?: unknown }).timeline;
    const renderer = createSceneRenderer({ ...scene, sources: [object] }, [[stem]], { outputs: studioTestOutputs(['stereo']) });
    const timeline: ObjectBlock[] = [
      { rtimeSec: 0, durationSec: 0.5 },
      { rtimeSec: 0.5, durationSec: 1, jumpPosition: { flag: true, interpolationLengthSec: 0 }, position: polar(-60, 20) },
    ];
    updateSource(renderer, object.id, sourceParamsOf({ ...object, timeline }));
    const frames = RATE;
    const left = new Float32Array(frames);
    const right = new Float32Array(frames);
    renderFrames(renderer, { outputs: [[left, right]] }, frames);
    expectGains([left, right], 0.25 * RATE, earGains(30, 0), 1e-6);
    expectGains([left, right], 0.75 * RATE, earGains(-60, 20), 1e-6);
    updateSource(renderer, object.id, sourceParamsOf(object));
    renderFrames(renderer, { outputs: [[left, right]] }, frames);
    expectGains([left, right], 0.5 * RATE, earGains(30, 0), 1e-6);
  });
});
