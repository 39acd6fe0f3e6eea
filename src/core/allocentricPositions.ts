import positionData from './data/allocentric-positions.json';

/**
 * The allocentric (Cartesian) panner's loudspeaker positions of ITU-R BS.2127, from
 * `data/allocentric-positions.json` (provenance in `data/README.md`): per layout and
 * label, [X, Y, Z] on the cube [-1, 1]^3 (X right, Y front, Z up). LFE channels and the
 * screen loudspeakers M+SC and M-SC (whose position follows their azimuth) have none.
 */

export const ALLOCENTRIC_POSITIONS_FILE = 'src/core/data/allocentric-positions.json';
const POSITIONS: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = positionData;

/** [X, Y, Z] of `label` in `layoutName`, or undefined when the data have none. */
export function allocentricPosition(layoutName: string, label: string): readonly number[] | undefined {
  return POSITIONS[layoutName]?.[label];
}
