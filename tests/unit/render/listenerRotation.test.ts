import { describe, expect, it } from 'vitest';
import { writePolarToCartesian } from '../../../src/core/coordinates';
import { headRotationMatrix, worldToHead } from '../../../src/core/orientation';
import type { HeadOrientation } from '../../../src/core/orientation';
import { createSceneRenderer, objectHeadDirection, setListenerOrientation, setMonitorHead } from '../../../src/render/sceneRenderer';
import { testScene } from '../../support/renderHelpers';

/**
 * The renderer hears a direction through the scene rotation first, then the monitor head
 * (render/listenerRotation.ts). Oracle: the two rotations applied one after the other with
 * core/orientation.ts (H^T (S^T w)), never the composed matrix. Over a grid of
 * orientations and source directions, the renderer's head-relative direction matches it
 * within 1e-12 (double rounding of a few products).
 */
const TOLERANCE = 1e-12;
const ANGLES_DEG = [-135, -30, 0, 45, 170];
const PITCHES_DEG = [-60, 0, 25];
const SOURCES = [
  { azimuthDeg: 0, elevationDeg: 0, distanceM: 2 },
  { azimuthDeg: 110, elevationDeg: 30, distanceM: 1 },
  { azimuthDeg: -75, elevationDeg: -20, distanceM: 5 },
];

function heardThroughBoth(scene: HeadOrientation, head: HeadOrientation, azimuthDeg: number, elevationDeg: number): number[] {
  const world = new Float64Array(3);
  writePolarToCartesian(azimuthDeg, elevationDeg, 1, world);
  const s = new Float64Array(9);
  const h = new Float64Array(9);
  headRotationMatrix(scene, s);
  headRotationMatrix(head, h);
  const inScene = new Float64Array(3);
  const inHead = new Float64Array(3);
  worldToHead(s, world[0]!, world[1]!, world[2]!, inScene);
  worldToHead(h, inScene[0]!, inScene[1]!, inScene[2]!, inHead);
  return [...inHead];
}

describe('scene rotation then monitor head', () => {
  it('places every object where the two rotations, applied in turn, put it (grid of yaw, pitch and roll)', () => {
    const renderer = createSceneRenderer(testScene(SOURCES), SOURCES.map(() => [new Float32Array(128)]), { outputs: [] });
    const direction = new Float64Array(3);
    let largestError = 0;
    let cases = 0;
    for (const sceneYawDeg of ANGLES_DEG) {
      for (const pitchDeg of PITCHES_DEG) {
        for (const headYawDeg of ANGLES_DEG) {
          const scene = { yawDeg: sceneYawDeg, pitchDeg, rollDeg: sceneYawDeg / 3 };
          const head = { yawDeg: headYawDeg, pitchDeg: -pitchDeg / 2, rollDeg: headYawDeg / 5 };
          setListenerOrientation(renderer, scene);
          setMonitorHead(renderer, head);
          SOURCES.forEach((source, o) => {
            objectHeadDirection(renderer, o, direction);
            const expected = heardThroughBoth(scene, head, source.azimuthDeg, source.elevationDeg);
            for (let k = 0; k < 3; k++) largestError = Math.max(largestError, Math.abs(direction[k]! - expected[k]!));
            cases++;
          });
        }
      }
    }
    expect(cases).toBe(ANGLES_DEG.length * PITCHES_DEG.length * ANGLES_DEG.length * SOURCES.length);
    expect(largestError).toBeLessThan(TOLERANCE);
  });

  it('yaws add up: a listener yaw of 30 in the scene and a head yaw of 60 hear a source at +90 straight ahead (1e-12)', () => {
    const source = { azimuthDeg: 90, elevationDeg: 0, distanceM: 1 };
    const renderer = createSceneRenderer(testScene([source]), [[new Float32Array(128)]], { outputs: [] });
    setListenerOrientation(renderer, { yawDeg: 30, pitchDeg: 0, rollDeg: 0 });
    setMonitorHead(renderer, { yawDeg: 60, pitchDeg: 0, rollDeg: 0 });
    const direction = new Float64Array(3);
    objectHeadDirection(renderer, 0, direction);
    expect(Math.abs(direction[0]!)).toBeLessThan(TOLERANCE);
    expect(Math.abs(direction[1]! - 1)).toBeLessThan(TOLERANCE);
    expect(Math.abs(direction[2]!)).toBeLessThan(TOLERANCE);
  });
});
