/// <reference lib="dom" />
/**
 * Test page for tests/e2e/monitorSwitch.test.ts: renders a sine source with the studio's
 * AudioWorklet in an OfflineAudioContext twice, (1) live, as playback runs (two output
 * channels, starting on binaural, the monitor switched by 'monitor' messages at scheduled blocks through
 * OfflineAudioContext.suspend), and (2) as an export (the wire of binaural, stereo and mono: binaural L R,
 * stereo L R, mono at -3 dB), the oracle the live output is compared with.
 */
import { studioOutput, studioOutputs } from '../../../src/core/outputs/studioOutputs';
import type { StudioOutputId } from '../../../src/core/outputs/studioOutputs';
import type { MonoLaw } from '../../../src/core/monoLaw';
import type { HostMessage } from '../../../src/render/realtime/protocol';
import { RENDER_BLOCK_FRAMES } from '../../../src/render/renderBlock';
import { createRendererNode, loadRenderer } from '../../../src/engine/rendererNode';
import { loadShippedHrtfGrid, sceneOf } from '../../../src/benchPage/workletHarness';
import { exposeArrays } from './exposeArrays';

export interface MonitorSwitch {
  /** The block (of 128 frames) before which the message is posted. */
  readonly block: number;
  readonly format: StudioOutputId;
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
  const outputSettings = (monoLaw: MonoLaw) => ({ monoLaw, hrtfSet: 'MIT KEMAR' });
  const liveOutputs = studioOutputs(['binaural', 'stereo'], outputSettings('-3dB'));
  await loadRenderer(liveNode, { type: 'load', scene, stems: [[sine]], grid, meters: null, outputs: liveOutputs, wire: 'monitor', startPlaying: true });
  for (const change of request.switches) {
    // Suspensions fall on render-quantum boundaries: the message is in before block `change.block` renders.
    void live.suspend((change.block * RENDER_BLOCK_FRAMES) / sampleRateHz).then(() => {
      const message: HostMessage = { type: 'monitor', output: studioOutput(change.format, outputSettings(change.monoLaw)), monoLaw: change.monoLaw };
      liveNode.port.postMessage(message);
      void live.resume();
    });
  }
  const liveBuffer = await live.startRendering();

  const reference = new OfflineAudioContext({ numberOfChannels: 5, length: frames, sampleRate: sampleRateHz });
  const referenceNode = await createRendererNode(reference, 5);
  const referenceOutputs = studioOutputs(['binaural', 'stereo', 'mono'], outputSettings('-3dB'));
  await loadRenderer(referenceNode, { type: 'load', scene, stems: [[sine]], grid, meters: null, outputs: referenceOutputs, wire: 'export', startPlaying: true });
  const referenceBuffer = await reference.startRendering();

  return exposeArrays([
    liveBuffer.getChannelData(0),
    liveBuffer.getChannelData(1),
    ...[0, 1, 2, 3, 4].map((c) => referenceBuffer.getChannelData(c)),
  ]);
}

(globalThis as { __monitorSwitch?: { run: typeof run } }).__monitorSwitch = { run };
