/// <reference lib="dom" />
/**
 * Test page for tests/e2e/monitorSwitch.test.ts: renders a sine source with the studio's
 * AudioWorklet in an OfflineAudioContext twice, (1) live, as playback runs (two output
 * channels, starting on binaural, the monitor switched by 'monitor' messages at scheduled blocks through
 * OfflineAudioContext.suspend), and (2) as an export (five channels: binaural L R,
 * stereo L R, mono at -3 dB), the oracle the live output is compared with.
 */
import type { MonitorChoice } from '../../../src/render/realtime/protocol';
import type { MonoLaw } from '../../../src/core/monoLaw';
import { RENDER_BLOCK_FRAMES } from '../../../src/render/renderBlock';
import { createRendererNode, loadRenderer, loadShippedHrtfGrid, sceneOf } from '../../../src/cli/browser/workletHarness';
import { exposeArrays } from './exposeArrays';

export interface MonitorSwitch {
  /** The block (of 128 frames) before which the message is posted. */
  readonly block: number;
  readonly format: MonitorChoice;
  readonly monoLaw: MonoLaw;
}

export interface MonitorSwitchRequest {
  readonly sampleRateHz: number;
  readonly frequencyHz: number;
  readonly amplitude: number;
  readonly blocks: number;
  readonly position: { readonly azimuthDeg: number; readonly elevationDeg: number; readonly distanceM: number };
  readonly switches: readonly MonitorSwitch[];
}

/**
 * Renders both and exposes [live L, live R, binaural L, binaural R, stereo L, stereo R,
 * mono -3 dB] to the test (pageArrays.ts). Returns their lengths.
 */
async function run(request: MonitorSwitchRequest): Promise<number[]> {
  const { sampleRateHz, frequencyHz, amplitude, blocks } = request;
  const frames = blocks * RENDER_BLOCK_FRAMES;
  const sine = new Float32Array(frames);
  for (let n = 0; n < frames; n++) sine[n] = amplitude * Math.sin((2 * Math.PI * frequencyHz * n) / sampleRateHz);
  const grid = await loadShippedHrtfGrid(sampleRateHz);
  const scene = sceneOf(sampleRateHz, [{ position: request.position, gainDb: 0 }]);

  const live = new OfflineAudioContext({ numberOfChannels: 2, length: frames, sampleRate: sampleRateHz });
  const liveNode = await createRendererNode(live, 2);
  await loadRenderer(liveNode, { type: 'load', scene, stems: [[sine]], grid, meters: null, exportAll: false, monoLaw: '-3dB', startPlaying: true });
  for (const change of request.switches) {
    // Suspensions fall on render-quantum boundaries: the message is in before block `change.block` renders.
    void live.suspend((change.block * RENDER_BLOCK_FRAMES) / sampleRateHz).then(() => {
      liveNode.port.postMessage({ type: 'monitor', format: change.format, monoLaw: change.monoLaw });
      void live.resume();
    });
  }
  const liveBuffer = await live.startRendering();

  const reference = new OfflineAudioContext({ numberOfChannels: 5, length: frames, sampleRate: sampleRateHz });
  const referenceNode = await createRendererNode(reference, 5);
  await loadRenderer(referenceNode, { type: 'load', scene, stems: [[sine]], grid, meters: null, exportAll: true, monoLaw: '-3dB', startPlaying: true });
  const referenceBuffer = await reference.startRendering();

  return exposeArrays([
    liveBuffer.getChannelData(0),
    liveBuffer.getChannelData(1),
    ...[0, 1, 2, 3, 4].map((c) => referenceBuffer.getChannelData(c)),
  ]);
}

(globalThis as { __monitorSwitch?: { run: typeof run } }).__monitorSwitch = { run };
