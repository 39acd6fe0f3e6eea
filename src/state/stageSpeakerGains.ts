import { headRotationMatrix, worldToHead } from '../core/orientation';
import { createObjectValues, createObjectValuesScratch, writeObjectValuesAt } from '../core/scene/objectValues';
import { sourceParamsOf } from '../core/scene/sourceParams';
import { RADIANS_PER_DEGREE } from '../core/units';
import type { AudioEngine } from '../engine/audioEngine';
import type { StudioState } from './studioState';

/** The selected source's gain in each monitored loudspeaker (core/outputs/monitoredSpeakers.ts order), for the stage. */
export interface StageSpeakerGains {
  readonly sourceId: string;
  readonly outputId: string;
  /** Linear, per loudspeaker channel. */
  readonly gains: readonly number[];
}

/**
 * The gains the engine computes (BS.2127's object gains: render/buses/outputGains.ts) for
 * the selected source's values at the transport's time (its timeline's, or its static
 * ones: extent, diffuse, divergence, ...), its centre as heard: its direction turned by
 * the scene rotation, then the monitor head. Null with no selection, no engine, or the
 * binaural monitor (no loudspeakers).
 */
export function stageSpeakerGains(state: StudioState, engine: AudioEngine | null): StageSpeakerGains | null {
  const source = state.scene.sources.find((s) => s.id === state.selectedSourceId);
  if (engine === null || source === undefined || state.monitor.outputId === 'binaural') return null;
  const values = createObjectValues();
  writeObjectValuesAt(sourceParamsOf(source), state.transport.positionSec, createObjectValuesScratch(), values);
  const azimuth = values.azimuthDeg * RADIANS_PER_DEGREE;
  const elevation = values.elevationDeg * RADIANS_PER_DEGREE;
  const rotation = new Float64Array(9);
  const heard = new Float64Array(3);
  headRotationMatrix(state.scene.listener, rotation);
  worldToHead(rotation, -Math.sin(azimuth) * Math.cos(elevation), Math.cos(azimuth) * Math.cos(elevation), Math.sin(elevation), heard);
  headRotationMatrix(state.monitorHead, rotation);
  worldToHead(rotation, heard[0]!, heard[1]!, heard[2]!, heard);
  const gains = engine.speakerGains(state.monitor.outputId, { x: heard[0]!, y: heard[1]!, z: heard[2]! }, values);
  return gains === null ? null : { sourceId: source.id, outputId: state.monitor.outputId, gains };
}

/** Whether the stage gains depend on something that changed between `previous` and `state` (the playhead, for a selected source that moves). */
export function stageGainsInputsChanged(state: StudioState, previous: StudioState): boolean {
  return (
    state.monitor !== previous.monitor ||
    state.selectedSourceId !== previous.selectedSourceId ||
    state.scene !== previous.scene ||
    state.monitorHead !== previous.monitorHead ||
    (state.transport.positionSec !== previous.transport.positionSec && selectedSourceMoves(state))
  );
}

function selectedSourceMoves(state: StudioState): boolean {
  const timeline = state.scene.sources.find((s) => s.id === state.selectedSourceId)?.timeline;
  return timeline !== undefined && timeline.length > 1;
}
