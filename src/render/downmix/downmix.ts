/**
 * A downmix: out_c[i] = sum_k matrix[c][k] in_k[i], for every channel c of the output
 * (core/outputs: a downmix output's matrix on its source output's channels). A row whose
 * gains are all equal is computed as (sum_k in_k[i]) g, one multiplication a sample (the
 * mono fold-down: (L + R) g). Allocation-free.
 */
export function applyDownmix(
  matrix: readonly (readonly number[])[],
  input: readonly Float32Array[],
  output: readonly Float32Array[],
  frames: number,
): void {
  for (let c = 0; c < matrix.length; c++) {
    const row = matrix[c]!;
    const out = output[c]!;
    const g = row[0] ?? 0;
    if (allEqual(row, g)) {
      sumScaled(input, g, out, frames);
      continue;
    }
    out.fill(0, 0, frames);
    for (let k = 0; k < row.length; k++) {
      const gain = row[k]!;
      if (gain === 0) continue;
      const channel = input[k]!;
      for (let i = 0; i < frames; i++) out[i] = out[i]! + channel[i]! * gain;
    }
  }
}

function allEqual(row: readonly number[], g: number): boolean {
  for (let k = 1; k < row.length; k++) if (row[k] !== g) return false;
  return true;
}

function sumScaled(input: readonly Float32Array[], gain: number, out: Float32Array, frames: number): void {
  if (input.length === 2) {
    const a = input[0]!;
    const b = input[1]!;
    for (let i = 0; i < frames; i++) out[i] = (a[i]! + b[i]!) * gain;
    return;
  }
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let k = 0; k < input.length; k++) sum += input[k]![i]!;
    out[i] = sum * gain;
  }
}

/** Checks that `matrix` maps `inputChannels` channels: one row per output channel, finite gains. */
export function checkDownmixMatrix(id: string, matrix: readonly (readonly number[])[], inputChannels: number): void {
  matrix.forEach((row, c) => {
    if (row.length !== inputChannels) {
      throw new RangeError(`downmix "${id}": row ${c} has ${row.length} gains, expected one per source channel (${inputChannels})`);
    }
    if (!row.every(Number.isFinite)) throw new RangeError(`downmix "${id}": row ${c} has a gain that is not a finite number`);
  });
}
