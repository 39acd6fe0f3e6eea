import { describe, expect, it } from 'vitest';
import type { Scene } from '../../../src/core/scene/scene';
import { threeToScene } from '../../../src/core/threeAxes';
import type { RenderObject } from '../../../src/render/objects/renderObject';
import { createSceneRenderer, renderFrames } from '../../../src/render/sceneRenderer';
import { RENDER_BLOCK_FRAMES } from '../../../src/render/renderBlock';
import { showsChannelPair, sourceThreePosition, spreadObjectThreePosition } from '../../../src/ui/stage/stageMath';
import { studioTestOutputs, testScene } from '../../support/renderHelpers';

/** The stage must draw a stereo stem's objects where the renderer pans them: to 1e-9 m. */
const TOLERANCE_M = 1e-9;

/** Positions and spreads: front, left and up, behind across +/-180, below, straight up, the widest spread. */
const CASES = [
  { position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 3 }, spreadDeg: 100 },
  { position: { azimuthDeg: 110, elevationDeg: 20, distanceM: 3 }, spreadDeg: 30 },
  { position: { azimuthDeg: 180, elevationDeg: 30, distanceM: 4 }, spreadDeg: 120 },
  { position: { azimuthDeg: -150, elevationDeg: -40, distanceM: 0.7 }, spreadDeg: 75.5 },
  { position: { azimuthDeg: 0, elevationDeg: 60, distanceM: 6 }, spreadDeg: 160 },
  { position: { azimuthDeg: -20, elevationDeg: 0, distanceM: 12 }, spreadDeg: 180 },
] as const;

/**
 * The renderer's objects after one block: with the listener facing front, the head-relative
 * position it pans from is its scene position (the first block jumps there, unsmoothed).
 * The objects are internal state, read here only to compare.
 */
function renderedObjects(scene: Scene): readonly { readonly object: RenderObject; readonly source: { readonly id: string } }[] {
  const stereoStem = [new Float32Array(RENDER_BLOCK_FRAMES).fill(0.5), new Float32Array(RENDER_BLOCK_FRAMES).fill(0.25)];
  const renderer = createSceneRenderer(scene, scene.sources.map(() => stereoStem), { outputs: studioTestOutputs(['stereo']) });
  renderFrames(renderer, { outputs: [[new Float32Array(RENDER_BLOCK_FRAMES), new Float32Array(RENDER_BLOCK_FRAMES)]] }, RENDER_BLOCK_FRAMES);
  return (renderer as unknown as { set: { objects: readonly { object: RenderObject; source: { id: string } }[] } }).set.objects;
}

describe('the stage draws a stereo stem where the renderer pans its two objects', () => {
  const base = testScene(CASES.map((c) => c.position));
  const scene: Scene = { ...base, sources: base.sources.map((source, i) => ({ ...source, spreadDeg: CASES[i]!.spreadDeg })) };
  const objects = renderedObjects(scene);

  it.each(CASES.map((c, i) => [i, c.position.azimuthDeg, c.position.elevationDeg, c.position.distanceM, c.spreadDeg] as const))(
    'source %d (az %d, el %d, %d m, spread %d): L and R on the stage equal the rendered objects (to 1e-9 m)',
    (index) => {
      const source = scene.sources[index]!;
      for (const { object } of objects.filter((o) => o.source.id === source.id)) {
        // The renderer's left channel is channel 0 at spreadSide +1, on the listener's left (positive azimuth).
        const drawn = threeToScene(spreadObjectThreePosition(source, object.spreadSide));
        const rendered = [object.worldTarget, object.position];
        for (const at of rendered) {
          expect(Math.abs(drawn.x - at[0]!)).toBeLessThan(TOLERANCE_M);
          expect(Math.abs(drawn.y - at[1]!)).toBeLessThan(TOLERANCE_M);
          expect(Math.abs(drawn.z - at[2]!)).toBeLessThan(TOLERANCE_M);
        }
      }
      expect(objects.filter((o) => o.source.id === source.id).map((o) => o.object.spreadSide)).toEqual([1, -1]);
    },
  );

  it('the left channel is on the listener\'s left of the source (more azimuth: for the front source, at x < 0)', () => {
    const front = threeToScene(spreadObjectThreePosition(scene.sources[0]!, 1));
    expect(front.x).toBeLessThan(0);
    expect(objects.find((o) => o.source.id === scene.sources[0]!.id && o.object.spreadSide === 1)!.object.worldTarget[0]).toBeLessThan(0);
  });

  it('the arc between them passes through the source (side 0 is the source, to 1e-9 m)', () => {
    for (const source of scene.sources) {
      const mid = spreadObjectThreePosition(source, 0);
      const centre = sourceThreePosition(source.position);
      expect(Math.hypot(mid.x - centre.x, mid.y - centre.y, mid.z - centre.z)).toBeLessThan(TOLERANCE_M);
    }
  });
});

describe('showsChannelPair', () => {
  it('draws the pair only for a two-channel stem spread wider than 0', () => {
    expect(showsChannelPair(2, 100)).toBe(true);
    expect(showsChannelPair(2, 0)).toBe(false);
    expect(showsChannelPair(1, 100)).toBe(false);
    expect(showsChannelPair(undefined, 100)).toBe(false);
  });
});
