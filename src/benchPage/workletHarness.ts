/// <reference lib="dom" />
/// <reference types="vite/client" />
/**
 * Page-side pieces for the benchmark page (benchPage/) and the browser tests' pages
 * (tests/e2e/pages/), served by the studio's Vite dev server, that drive the studio's
 * own AudioWorklet renderer (src/engine/rendererNode.ts) by hand in an OfflineAudioContext:
 * the shipped HRTF set prepared by the preparation worker, and a scene of mono objects.
 *
 * This file runs in the browser; the DOM reference above gives it the Web Audio types
 * where the Node-side compile reaches it (through the browser tests' pages).
 */
import type { Scene, SceneSource } from '../core/scene/scene';
import { SCENE_FORMAT_VERSION } from '../core/scene/scene';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { createPreparationClient } from '../engine/preparationClient';
import hrtfUrl from '../../hrtf/mit-kemar-normal-pinna.hrtf?url';

/** The shipped MIT KEMAR set at `sampleRateHz`, prepared by the studio's preparation worker. */
export async function loadShippedHrtfGrid(sampleRateHz: number): Promise<HrtfGrid> {
  const response = await fetch(hrtfUrl);
  if (!response.ok) throw new Error(`cannot load the HRTF set (${response.status})`);
  const preparation = createPreparationClient();
  try {
    return await preparation.hrtf(await response.arrayBuffer(), 'mit-kemar-normal-pinna.hrtf', sampleRateHz);
  } finally {
    preparation.dispose();
  }
}

/** A scene of mono objects (their stems travel in the load message; the generator name is never used), listener facing front. */
export function sceneOf(sampleRateHz: number, sources: readonly Pick<SceneSource, 'position' | 'gainDb'>[]): Scene {
  return {
    version: SCENE_FORMAT_VERSION,
    sampleRateHz,
    listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    sources: sources.map((s, i) => ({
      id: `object-${i}`,
      name: `Object ${i}`,
      stem: { kind: 'generator', generator: 'test' },
      gainDb: s.gainDb,
      mute: false,
      solo: false,
      position: s.position,
      spreadDeg: 0,
    })),
  };
}
