import { describe, expect, it } from 'vitest';
import { createStudioStore } from '../../../src/state/studioStore';
import { exportWithSettings } from '../../../src/ui/export/exportSettings';
import type { SoloChoice } from '../../../src/ui/export/exportSettings';
import { createFakeEngine, testScene } from './fakeEngine';

/**
 * The Export dialog's solo choice reaches the engine's exportMix as the ignoreSolos option
 * (through exportWithSettings, the call the dialog makes), and never as an edit of the
 * user's scene: the scene, its solos and the undo history stay as they were.
 */
function setup() {
  const engine = createFakeEngine();
  const store = createStudioStore({ engine, scene: testScene(), sceneName: 'song' });
  store.getState().toggleSolo('b');
  engine.calls.length = 0;
  return { engine, store };
}

async function exportWith(solos: SoloChoice) {
  const { engine, store } = setup();
  const scene = store.getState().scene;
  const pastSteps = store.getState().history.past.length;
  const settings = { outputIds: ['stereo', 'mono'] as const, sampleFormat: 'pcm24' as const, solos, admMaster: true };
  await exportWithSettings(store, settings, { onProgress: () => {}, signal: new AbortController().signal });
  return { engine, store, scene, pastSteps };
}

describe("the Export dialog's solo choice", () => {
  it.each([
    ['full-mix', true],
    ['as-soloed', false],
  ] as const)('%s reaches exportMix as ignoreSolos %s, with the request as asked', async (solos, ignoreSolos) => {
    const { engine, store } = await exportWith(solos);
    expect(engine.exports).toHaveLength(1);
    const [{ scene, request, options }] = engine.exports as [(typeof engine.exports)[number]];
    // The store's own scene, solos and all: the engine clears them for the render when asked.
    expect(scene).toBe(store.getState().scene);
    expect(request).toEqual({ outputIds: ['stereo', 'mono'], sampleFormat: 'pcm24', baseName: 'song' });
    expect(options?.ignoreSolos).toBe(ignoreSolos);
    // The ADM master asked for too: the same scene, named after the session, the same solo choice.
    expect(engine.admExports.map((e) => [e.scene === store.getState().scene, e.baseName, e.options?.ignoreSolos])).toEqual([[true, 'song', ignoreSolos]]);
  });

  it('the full mix leaves the scene alone: the same scene object, b still soloed, no undo step, nothing sent to the engine', async () => {
    const { engine, store, scene, pastSteps } = await exportWith('full-mix');
    expect(store.getState().scene).toBe(scene);
    expect(store.getState().scene.sources.map((s) => s.solo)).toEqual([false, true, false]);
    expect(store.getState().history.past).toHaveLength(pastSteps);
    expect(engine.calls).toEqual([]);
  });
});
