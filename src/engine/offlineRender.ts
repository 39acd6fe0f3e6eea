import type { Scene } from '../core/scene';
import type { HrtfGrid } from '../dsp/hrtf/hrtfGrid';
import type { MonoLaw } from '../core/monoLaw';
import { RENDERER_PROCESSOR_NAME } from '../render/realtime/processorName';
import type { HostMessage } from '../render/realtime/protocol';
import { OUTPUT_FORMATS, RENDER_BLOCK_FRAMES } from '../render/renderBlock';
import { renderLengthFrames } from '../render/sceneRenderer';
import type { ExportOptions, RenderedMix } from './audioEngine';

/** Progress is reported this many times over a render (OfflineAudioContext suspensions). */
const PROGRESS_STEPS = 20;

/**
 * Renders a scene with the studio's AudioWorklet in an OfflineAudioContext: five output
 * channels (binaural L R, stereo L R, mono), the same renderer and samples as playback
 * and as the command line.
 */
export async function renderSceneOffline(
  scene: Scene,
  stems: readonly (readonly Float32Array[])[],
  grid: HrtfGrid,
  monoLaw: MonoLaw,
  workletUrl: string,
  options: ExportOptions,
): Promise<RenderedMix> {
  const length = renderLengthFrames(stems, OUTPUT_FORMATS, grid);
  const context = new OfflineAudioContext({ numberOfChannels: 5, length, sampleRate: scene.sampleRateHz });
  await context.audioWorklet.addModule(workletUrl);
  const node = new AudioWorkletNode(context, RENDERER_PROCESSOR_NAME, {
    numberOfInputs: 0,
    numberOfOutputs: 1,
    outputChannelCount: [5],
    channelCount: 5,
    channelCountMode: 'explicit',
    channelInterpretation: 'discrete',
  });
  context.destination.channelCount = 5;
  context.destination.channelInterpretation = 'discrete';
  node.connect(context.destination);
  await new Promise<void>((resolve, reject) => {
    node.port.onmessage = (event: MessageEvent<{ type: string; message?: string }>) => {
      if (event.data.type === 'loaded') resolve();
      else if (event.data.type === 'error') reject(new Error(event.data.message));
    };
    const load: HostMessage = { type: 'load', scene, stems, grid, meters: null, exportAll: true, monoLaw, startPlaying: true };
    node.port.postMessage(load);
  });

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
    binaural: [buffer.getChannelData(0), buffer.getChannelData(1)],
    stereo: [buffer.getChannelData(2), buffer.getChannelData(3)],
    mono: buffer.getChannelData(4),
  };
}
