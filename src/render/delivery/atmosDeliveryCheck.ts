import { checkAtmosMusicDelivery } from '../../core/delivery/atmosMusicDelivery';
import type { DeliveryFacts, DeliveryRenderMode, DeliveryRuleResult, RenderLoudness } from '../../core/delivery/atmosMusicDelivery';
import { DEFAULT_MONO_LAW } from '../../core/monoLaw';
import { DEFAULT_DOWNMIX_LEVELS } from '../../core/outputs/downmixOutputs';
import { outputById } from '../../core/outputs/outputCatalog';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import type { RenderedOutput } from '../../core/outputs/renderedOutput';
import { SHIPPED_HRTF_SET } from '../../core/outputs/studioOutputs';
import { DEFAULT_BINAURAL_RENDER_MODE } from '../../core/scene/objectMetadata';
import type { Scene } from '../../core/scene/scene';
import { measureLfeBandLimit, REQUIRED_MARGIN_DB } from '../../dsp/analysis/lfeBandLimit';
import { loudnessWeightsForOutput } from '../../dsp/loudness/channelWeights';
import { measureLoudness } from '../../dsp/loudness/measureLoudness';
import { renderWholeScene } from '../offlineRender';
import { createSceneRenderer } from '../sceneRenderer';
import { audibility } from './deliveryMaster';
import type { DeliveryMaster } from './deliveryMaster';

/** The layout an Atmos music master is monitored and measured on, and its 5.1 downmix (core/outputs/downmixOutputs.ts). */
export const DELIVERY_FULL_RENDER_ID = '7.1.4';
export const DELIVERY_DOWNMIX_ID = '7.1.4-to-5.1';

/**
 * A track at or below this is silent: every sample rounds to zero in 24-bit PCM (half of
 * one step of 2^-23 full scale).
 */
export const EMPTY_TRACK_PEAK = 2 ** -24;

export interface DeliveryCheck {
  readonly facts: DeliveryFacts;
  readonly rules: readonly DeliveryRuleResult[];
  /** The 7.1.4 render and its 5.1 downmix the loudness facts were measured on, for the caller's report. */
  readonly renders: readonly RenderedOutput[];
}

/**
 * The Atmos music delivery check of a mix (core/delivery/atmosMusicDelivery.ts judges;
 * this gathers the facts). `scene` and `stems` are the mix as the renderer takes them
 * (objects, then beds): a scene's own, or an ADM BWF file imported as one. Measured:
 * BS.1770 integrated loudness and true peak of its 7.1.4 render (beds included; channel
 * weights by label, LFE excluded) and of that render's 5.1 downmix; the band limit of the
 * 7.1.4 render's LFE (what the beds' LFE channels feed: objects never reach it); which
 * of `master`'s object tracks are empty; the binaural render mode of every audible object
 * (a stereo stem's two) and of every audible bed channel, which a scene cannot set and so
 * counts at its default, `mid`. The format facts come from `master`. Offline: renders the
 * whole scene into memory (two outputs, 18 channels).
 */
export function checkAtmosDelivery(scene: Scene, stems: readonly (readonly Float32Array[])[], master: DeliveryMaster, onProgress?: (fraction: number) => void): DeliveryCheck {
  const settings = { monoLaw: DEFAULT_MONO_LAW, hrtfSet: SHIPPED_HRTF_SET, loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS };
  const outputs = [outputById(DELIVERY_FULL_RENDER_ID, settings), outputById(DELIVERY_DOWNMIX_ID, settings)];
  const renderer = createSceneRenderer(scene, stems, { outputs });
  const renders = renderWholeScene(renderer, onProgress);
  const [full, downmix] = renders as [RenderedOutput, RenderedOutput];
  const facts: DeliveryFacts = {
    sampleRateHz: master.sampleRateHz,
    bitsPerSample: master.bitsPerSample,
    channelCount: master.channelCount,
    objectCount: master.objects.length,
    admProfileProblems: master.admProfileProblems,
    fullRender: renderLoudness(full, '7.1.4', scene.sampleRateHz),
    downmix51: renderLoudness(downmix, '5.1 downmix', scene.sampleRateHz),
    lfe: lfeFacts(full, scene.sampleRateHz),
    emptyObjects: master.objects.filter((track) => isSilent(track.samples)).map((track) => track.name),
    renderModes: renderModes(scene, stems),
  };
  return { facts, rules: checkAtmosMusicDelivery(facts), renders };
}

function renderLoudness({ output, channels }: RenderedOutput, name: string, sampleRateHz: number): RenderLoudness {
  const reading = measureLoudness(channels, sampleRateHz, loudnessWeightsForOutput(output));
  return { render: name, integratedLkfs: reading.integratedLufs, truePeakDbtp: reading.truePeakDbtp };
}

function lfeFacts({ output, channels }: RenderedOutput, sampleRateHz: number): DeliveryFacts['lfe'] {
  const index = lfeIndex(output);
  if (index < 0) return undefined;
  const limit = measureLfeBandLimit(channels[index]!, sampleRateHz);
  if (limit.silent) return undefined;
  return { marginDb: limit.marginDb, requiredMarginDb: REQUIRED_MARGIN_DB, loudestStopBandHz: limit.loudestStopBandHz ?? 0 };
}

function lfeIndex(output: OutputDefinition): number {
  return output.channels.findIndex((channel) => channel.isLfe);
}

function isSilent(samples: Float32Array): boolean {
  for (let i = 0; i < samples.length; i++) if (Math.abs(samples[i]!) > EMPTY_TRACK_PEAK) return false;
  return true;
}

function renderModes(scene: Scene, stems: readonly (readonly Float32Array[])[]): DeliveryRenderMode[] {
  const heard = audibility(scene);
  const modes: DeliveryRenderMode[] = [];
  scene.sources.forEach((source, i) => {
    if (!heard(source)) return;
    for (let c = 0; c < stems[i]!.length; c++) modes.push(source.binauralRenderMode ?? DEFAULT_BINAURAL_RENDER_MODE);
  });
  // The channels a bed routes (an imported file's DirectSpeakers channels), not its layout's silent rest.
  for (const bed of scene.beds ?? []) if (heard(bed)) modes.push(...bed.channels.map(() => DEFAULT_BINAURAL_RENDER_MODE));
  return modes;
}
