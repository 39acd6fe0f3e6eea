/**
 * Writes small SOFA files with h5wasm into its in-memory file system, for tests of the
 * reader: a valid SimpleFreeFieldHRIR file by default, with any part replaced or left out.
 */
import h5wasm from 'h5wasm';

export interface SofaVariable {
  readonly values: Float64Array;
  readonly shape: readonly number[];
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface SofaParts {
  readonly globals: Readonly<Record<string, string>>;
  /** Variables by name; undefined leaves a variable out. */
  readonly variables: Readonly<Record<string, SofaVariable | undefined>>;
}

export const TEST_IR_LENGTH = 16;

/**
 * Four directions on the horizontal plane (front, left, back, right), spherical
 * positions, 48 kHz, IRs of 16 taps: direction d has a unit impulse in the left ear at
 * sample d and 0.5 in the right ear at sample d + 1.
 */
export function validSofaParts(): SofaParts {
  const directions = 4;
  const ir = new Float64Array(directions * 2 * TEST_IR_LENGTH);
  for (let d = 0; d < directions; d++) {
    ir[(2 * d) * TEST_IR_LENGTH + d] = 1;
    ir[(2 * d + 1) * TEST_IR_LENGTH + d + 1] = 0.5;
  }
  return {
    globals: { Conventions: 'SOFA', SOFAConventions: 'SimpleFreeFieldHRIR', DataType: 'FIR', Title: 'test set' },
    variables: {
      'Data.IR': { values: ir, shape: [directions, 2, TEST_IR_LENGTH] },
      'Data.SamplingRate': { values: Float64Array.of(48000), shape: [1], attributes: { Units: 'hertz' } },
      'Data.Delay': { values: new Float64Array(2), shape: [1, 2] },
      SourcePosition: {
        values: Float64Array.of(0, 0, 1.5, 90, 0, 1.5, 180, 0, 1.5, 270, 0, 1.5),
        shape: [directions, 3],
        attributes: { Type: 'spherical', Units: 'degree, degree, metre' },
      },
      ListenerView: { values: Float64Array.of(1, 0, 0), shape: [1, 3], attributes: { Type: 'cartesian', Units: 'metre' } },
    },
  };
}

let fileCount = 0;

let readyModule: Awaited<typeof h5wasm.ready> | undefined;

export async function writeSofa(parts: SofaParts): Promise<Uint8Array> {
  readyModule = await h5wasm.ready;
  return writeSofaNow(parts);
}

/** writeSofa, synchronously, once a call of writeSofa has loaded h5wasm. */
export function writeSofaNow(parts: SofaParts): Uint8Array {
  if (readyModule === undefined) throw new Error('writeSofaNow: h5wasm is not loaded yet; await writeSofa once first');
  const { FS } = readyModule;
  const path = `/sofaWriter-${fileCount++}.sofa`;
  const file = new h5wasm.File(path, 'w');
  for (const [name, value] of Object.entries(parts.globals)) file.create_attribute(name, value);
  for (const [name, variable] of Object.entries(parts.variables)) {
    if (variable === undefined) continue;
    const dataset = file.create_dataset({ name, data: variable.values, shape: [...variable.shape] });
    for (const [attribute, value] of Object.entries(variable.attributes ?? {})) dataset.create_attribute(attribute, value);
  }
  file.close();
  const bytes = FS.readFile(path);
  FS.unlink(path);
  return bytes;
}
