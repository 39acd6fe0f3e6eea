/**
 * Loudspeakers on the allocentric cube (ITU-R BS.2127's Cartesian panner) grouped as it
 * pans: horizontal planes of equal Z, rows of equal Y in each plane, columns of equal X
 * in each row.
 *
 * The point panner is separable: along Z the two planes around the source share it by a
 * sine/cosine law, a = (z - z_lo)/(z_hi - z_lo), g_lo = cos(a pi/2), g_hi = sin(a pi/2);
 * in each of those planes the two rows around y share it likewise, and in each row the
 * two columns around x. A loudspeaker's gain is the product of its plane's, row's and
 * column's shares. Beyond the outermost plane (row, column) that one takes it all.
 */
export interface AllocentricSpeakers {
  readonly count: number;
  /** [X, Y, Z] per loudspeaker. */
  readonly positions: Float64Array;
  /** Distinct Z, increasing. */
  readonly planeZ: Float64Array;
  /** Per loudspeaker, the Y of the rows of its plane, increasing: rowValues[rowStart[i]..rowEnd[i]). */
  readonly rowValues: Float64Array;
  readonly rowStart: Int32Array;
  readonly rowEnd: Int32Array;
  /** Per loudspeaker, the X of the loudspeakers of its row, increasing. */
  readonly columnValues: Float64Array;
  readonly columnStart: Int32Array;
  readonly columnEnd: Int32Array;
}

/** Groups `positions` (3 numbers a loudspeaker); throws if two share a position. */
export function createAllocentricSpeakers(positions: Float64Array): AllocentricSpeakers {
  const count = positions.length / 3;
  const x = (i: number): number => positions[3 * i]!;
  const y = (i: number): number => positions[3 * i + 1]!;
  const z = (i: number): number => positions[3 * i + 2]!;
  const sortedUnique = (values: number[]): number[] => [...new Set(values)].sort((a, b) => a - b);
  const rowParts: number[][] = [];
  const columnParts: number[][] = [];
  for (let i = 0; i < count; i++) {
    const plane = [...Array(count).keys()].filter((j) => z(j) === z(i));
    rowParts.push(sortedUnique(plane.map(y)));
    const row = plane.filter((j) => y(j) === y(i));
    if (row.filter((j) => x(j) === x(i)).length > 1) throw new Error(`allocentric panner: two loudspeakers at (${x(i)}, ${y(i)}, ${z(i)})`);
    columnParts.push(sortedUnique(row.map(x)));
  }
  const flatten = (parts: number[][]): { values: Float64Array; start: Int32Array; end: Int32Array } => {
    const start = new Int32Array(count);
    const end = new Int32Array(count);
    let offset = 0;
    for (const [i, part] of parts.entries()) {
      start[i] = offset;
      offset += part.length;
      end[i] = offset;
    }
    return { values: Float64Array.from(parts.flat()), start, end };
  };
  const rows = flatten(rowParts);
  const columns = flatten(columnParts);
  return {
    count,
    positions,
    planeZ: Float64Array.from(sortedUnique([...Array(count).keys()].map(z))),
    rowValues: rows.values,
    rowStart: rows.start,
    rowEnd: rows.end,
    columnValues: columns.values,
    columnStart: columns.start,
    columnEnd: columns.end,
  };
}

/**
 * The share, at coordinate t, of the loudspeaker whose coordinate is `own` among the
 * sorted distinct coordinates values[start..end) of its group (the sine/cosine law above).
 */
export function axisShare(values: Float64Array, start: number, end: number, own: number, t: number): number {
  const first = values[start]!;
  const last = values[end - 1]!;
  if (t <= first) return own === first ? 1 : 0;
  if (t >= last) return own === last ? 1 : 0;
  let hi = start + 1;
  while (values[hi]! < t) hi++;
  const high = values[hi]!;
  if (high === t) return own === t ? 1 : 0;
  const low = values[hi - 1]!;
  const angle = ((t - low) / (high - low)) * (Math.PI / 2);
  if (own === low) return Math.cos(angle);
  if (own === high) return Math.sin(angle);
  return 0;
}

/** The share of loudspeaker i along Z at z. */
export function planeShare(speakers: AllocentricSpeakers, i: number, z: number): number {
  return axisShare(speakers.planeZ, 0, speakers.planeZ.length, speakers.positions[3 * i + 2]!, z);
}

/** The share of loudspeaker i along Y at y, among the rows of its plane. */
export function rowShare(speakers: AllocentricSpeakers, i: number, y: number): number {
  return axisShare(speakers.rowValues, speakers.rowStart[i]!, speakers.rowEnd[i]!, speakers.positions[3 * i + 1]!, y);
}

/** The share of loudspeaker i along X at x, among the loudspeakers of its row. */
export function columnShare(speakers: AllocentricSpeakers, i: number, x: number): number {
  return axisShare(speakers.columnValues, speakers.columnStart[i]!, speakers.columnEnd[i]!, speakers.positions[3 * i]!, x);
}

/** Point-source gains of the allocentric panner at (x, y, z) into out[0..count-1]. Allocation-free. */
export function allocentricPointGains(speakers: AllocentricSpeakers, x: number, y: number, z: number, out: Float64Array): void {
  for (let i = 0; i < speakers.count; i++) {
    const g = planeShare(speakers, i, z);
    out[i] = g === 0 ? 0 : g * rowShare(speakers, i, y) * columnShare(speakers, i, x);
  }
}
