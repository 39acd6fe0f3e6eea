import type { MidSideSettings } from '../../core/scene/midSideSettings';
import {
  createMidSideProcessor,
  isMidSidePassThrough,
  resetMidSideProcessor,
  setMidSideParams,
} from '../../dsp/midside/midSideControl';
import type { MidSideProcessor } from '../../dsp/midside/midSideControl';
import { processMidSide } from '../../dsp/midside/midSideProcessor';
import { RENDER_BLOCK_FRAMES } from '../renderBlock';

/**
 * A source's mid/side stage: the stem's channels go through a MidSideProcessor, block by
 * block, before they become objects. A stereo stem's left and right are processed as a
 * pair; a mono stem is fed to both inputs, so its side is zero and only the mid gain and
 * mid shelves act (L = R = x gives M = sqrt2 x, S = 0, and the decoder returns the
 * processed x on both channels).
 *
 * While the processor is a pass-through (neutral settings, every glide settled), the
 * stage is skipped and the objects read the stem itself: a neutral source costs nothing
 * and renders the same samples as a scene without mid/side settings.
 */
export interface SourceMidSideStage {
  readonly processor: MidSideProcessor;
  /** The stem's channels (right is left for a mono stem). */
  readonly stemLeft: Float32Array;
  readonly stemRight: Float32Array;
  /** The processed block (right unused for a mono stem). */
  readonly left: Float32Array;
  readonly right: Float32Array;
  /** Stem frame of the block in left/right, or -1 when none is there. */
  blockFrame: number;
}

export function createSourceMidSideStage(
  channels: readonly Float32Array[],
  settings: MidSideSettings,
  sampleRateHz: number,
): SourceMidSideStage {
  const stemLeft = channels[0];
  if (stemLeft === undefined) throw new Error('a mid/side stage needs a mono or stereo stem');
  return {
    processor: createMidSideProcessor({ params: settings }, sampleRateHz),
    stemLeft,
    stemRight: channels[1] ?? stemLeft,
    left: new Float32Array(RENDER_BLOCK_FRAMES),
    right: new Float32Array(RENDER_BLOCK_FRAMES),
    blockFrame: -1,
  };
}

/** New settings; the processor glides to them. Allocation-free. */
export function setSourceMidSide(stage: SourceMidSideStage, settings: MidSideSettings): void {
  setMidSideParams(stage.processor, settings);
}

/** Clears the filters and jumps to the settings (the source restarts: start, seek, unmute). */
export function resetSourceMidSide(stage: SourceMidSideStage): void {
  resetMidSideProcessor(stage.processor);
  stage.blockFrame = -1;
}

/**
 * Whether the stage must run: its processor is not a pass-through (the settings are not
 * neutral, or a glide to or from neutral has not finished yet).
 */
export function sourceMidSideActive(stage: SourceMidSideStage): boolean {
  return !isMidSidePassThrough(stage.processor);
}

/**
 * Processes the block of the stem starting at `frame` into stage.left and stage.right
 * (silence past the stem's end), once per block however many objects read it.
 * Allocation-free.
 */
export function processSourceMidSide(stage: SourceMidSideStage, frame: number): void {
  if (stage.blockFrame === frame) return;
  stage.blockFrame = frame;
  const { stemLeft, stemRight, left, right } = stage;
  const mono = stemLeft === stemRight;
  const availableLeft = Math.max(0, Math.min(RENDER_BLOCK_FRAMES, stemLeft.length - frame));
  const availableRight = Math.max(0, Math.min(RENDER_BLOCK_FRAMES, stemRight.length - frame));
  for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) left[i] = i < availableLeft ? stemLeft[frame + i]! : 0;
  if (!mono) for (let i = 0; i < RENDER_BLOCK_FRAMES; i++) right[i] = i < availableRight ? stemRight[frame + i]! : 0;
  processMidSide(stage.processor, left, mono ? left : right, left, right, RENDER_BLOCK_FRAMES);
}
