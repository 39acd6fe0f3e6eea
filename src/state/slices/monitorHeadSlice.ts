import type { HeadOrientation } from '../../core/orientation';
import { wrapAzimuthDeg } from '../../core/units';
import { clamp, isFiniteNumber } from '../sceneEdits';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';

/** Pitch limits, degrees: straight down to straight up, as the scene's listener pitch. */
const PITCH_LIMITS_DEG = { min: -90, max: 90 } as const;

/**
 * The monitor head: where the engineer's own head points while listening (the top bar's
 * yaw control and the stage's head drag today, head tracking later), heard on top of the
 * scene rotation. Monitoring, not mixing: it is not in the scene (so not in the scene
 * file or the autosave), has no undo, and never reaches an export, whose direction is the
 * scene rotation's alone (core/scene/sceneRotation.ts). Each change goes to the engine at once.
 */
export interface MonitorHeadSlice {
  readonly monitorHead: HeadOrientation;
  /**
   * Sets the given fields (finite ones; others are ignored): yaw and roll wrapped into
   * (-180, 180], pitch clamped to [-90, 90].
   */
  setMonitorHead(patch: Partial<HeadOrientation>): void;
}

const FACING_FRONT: HeadOrientation = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

export function createMonitorHeadSlice(set: SetStudioState, get: GetStudioState, context: StudioContext): MonitorHeadSlice {
  return {
    monitorHead: FACING_FRONT,
    setMonitorHead(patch) {
      const current = get().monitorHead;
      const next: HeadOrientation = {
        yawDeg: isFiniteNumber(patch.yawDeg) ? wrapAzimuthDeg(patch.yawDeg) : current.yawDeg,
        pitchDeg: isFiniteNumber(patch.pitchDeg) ? clamp(patch.pitchDeg, PITCH_LIMITS_DEG.min, PITCH_LIMITS_DEG.max) : current.pitchDeg,
        rollDeg: isFiniteNumber(patch.rollDeg) ? wrapAzimuthDeg(patch.rollDeg) : current.rollDeg,
      };
      if (next.yawDeg === current.yawDeg && next.pitchDeg === current.pitchDeg && next.rollDeg === current.rollDeg) return;
      set({ monitorHead: next });
      context.engine?.setMonitorHead(next);
    },
  };
}

