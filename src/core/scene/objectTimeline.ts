import type { Decibels, Seconds } from '../units';
import type { AdmCartesianPosition, ObjectAdmParameters } from './objectMetadata';
import type { ExtraFields, SourcePosition } from './scene';

/**
 * One block of an object's timeline, with ADM (BS.2076-2 audioBlockFormat) semantics:
 * it starts at `rtimeSec` (from the start of the programme) and lasts `durationSec`.
 * Its values are reached by interpolating from the previous block's values over the
 * block's duration or, with `jumpPosition`, over its interpolationLengthSec from the
 * block's start (0: a jump); then held until the next block starts. The first block
 * starts at its values. A parameter a block leaves out is the object's static value.
 */
export interface ObjectBlock extends ObjectAdmParameters {
  readonly rtimeSec: Seconds;
  readonly durationSec: Seconds;
  readonly jumpPosition?: JumpPosition;
  /** Polar objects only. */
  readonly position?: SourcePosition;
  /** Cartesian objects only. */
  readonly cartesianPosition?: AdmCartesianPosition;
  readonly gainDb?: Decibels;
  readonly extraFields?: ExtraFields;
}

/** ADM jumpPosition: with flag set, the values are reached over interpolationLengthSec (at most the block's duration). */
export interface JumpPosition {
  readonly flag: boolean;
  readonly interpolationLengthSec: Seconds;
  readonly extraFields?: ExtraFields;
}

/** An object's timeline moves it when it has more than one block (one block is a static object). */
export function timelineMoves(timeline: readonly ObjectBlock[] | undefined): boolean {
  return timeline !== undefined && timeline.length > 1;
}

/**
 * Where block `index` stands at time `timeSec`: the index of the block in force (the last
 * that started, the first before any started) and how far its values are reached from
 * the previous block's (0 to 1; 1 for the first block, after its interpolation and in a
 * gap after it). Allocation-free: writes into `out`.
 */
export interface TimelinePoint {
  index: number;
  fraction: number;
}

export function locateInTimeline(timeline: readonly ObjectBlock[], timeSec: Seconds, out: TimelinePoint): void {
  let index = 0;
  // Blocks are in time order (the parser checks): a binary search for the last started.
  let lo = 0;
  let hi = timeline.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (timeline[mid]!.rtimeSec <= timeSec) {
      index = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  out.index = index;
  const block = timeline[index]!;
  if (index === 0) {
    out.fraction = 1;
    return;
  }
  const lengthSec = block.jumpPosition?.flag === true ? block.jumpPosition.interpolationLengthSec : block.durationSec;
  const elapsedSec = timeSec - block.rtimeSec;
  out.fraction = lengthSec <= 0 ? 1 : Math.min(1, Math.max(0, elapsedSec / lengthSec));
}
