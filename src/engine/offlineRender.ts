import type { OutputDefinition } from '../core/outputs/outputDefinition';
import type { RenderedMix } from '../core/outputs/renderedOutput';
import type { Scene } from '../core/scene/scene';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import { renderLengthFrames } from '../render/outputPlan';
import { exportWire, exportWireChannels } from '../render/realtime/exportWire';
import { RENDER_BLOCK_FRAMES } from '../render/renderBlock';
import type { ExportOptions } from './audioEngine';
import { createRendererNode, loadRenderer } from './rendererNode';

/** Progress is reported this many times over a render (OfflineAudioContext suspensions). */
const PROGRESS_STEPS = 20;

/**
 * Renders a scene's `outputs` with the studio's AudioWorklet in an OfflineAudioContext,
 * every output's channels on the wire as exportWire.ts lays them out: the same renderer
 * and samples as playback and as the command line.
 */
export async function renderSceneOffline(
  scene: Scene,
  stems: readonly (readonly Float32Array[])[],
  grid: HrtfGrid,
  outputs: readonly OutputDefinition[],
  options: ExportOptions,
): Promise<RenderedMix> {
  const length = renderLengthFrames(stems, outputs, grid);
  const channels = exportWireChannels(outputs);
  const context = new OfflineAudioContext({ numberOfChannels: channels, length, sampleRate: scene.sampleRateHz });
  const node = await createRendererNode(context, channels);
  await loadRenderer(node, { type: 'load', scene, stems, grid, meters: null, outputs, wire: 'export', startPlaying: true });

  const signal = options.signal;
  const aborted = (): DOMException => new DOMException('the export was cancelled', 'AbortError');
  if (signal?.aborted === true) throw aborted();
  // Suspensions must fall on distinct render quanta.
  const blocks = Math.floor(length / RENDER_BLOCK_FRAMES);
  const suspendBlocks = new Set<number>();
  for (let step = 1; step < PROGRESS_STEPS; step++) suspendBlocks.add(Math.floor((blocks * step) / PROGRESS_STEPS));
  suspendBlocks.delete(0);
  for (const block of suspendBlocks) {
    void context.suspend((block * RENDER_BLOCK_FRAMES) / scene.sampleRateHz).then(() => {
      if (signal?.aborted === true) return;
      options.onProgress?.(block / blocks);
      void context.resume();
    });
  }
  const rendering = context.startRendering();
  const buffer = await (signal === undefined
    ? rendering
    : Promise.race([
        rendering,
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(aborted()), { once: true })),
      ]));
  options.onProgress?.(1);
  node.disconnect();
  return {
    sampleRateHz: scene.sampleRateHz,
    outputs: exportWire(outputs).map(({ output, offset }) => ({
      output,
      channels: output.channels.map((_, c) => buffer.getChannelData(offset + c)),
    })),
  };
}
