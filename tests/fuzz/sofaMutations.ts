/**
 * Data-level mutations of a SOFA file, for the SOFA fuzz target: a byte mutation mostly
 * breaks the HDF5 structure and stops in the HDF5 layer, so these write a well-formed file
 * whose SOFA content is extreme instead (rates, delays, counts and lengths at and past the
 * reader's bounds, non-finite and float32-overflowing IRs, silent ears, missing variables
 * and attributes, odd positions and listeners), so that the reader's own checks are reached.
 */
import { TEST_IR_LENGTH, validSofaParts, writeSofaNow } from '../unit/io/sofaWriter';
import type { SofaParts, SofaVariable } from '../unit/io/sofaWriter';

type Random = () => number;

const pick = <T>(random: Random, choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;

const EXTREME_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, 1, 1e39, -1e39, 1e300, 2 ** 32, 0.5];

function withVariable(parts: SofaParts, name: string, variable: SofaVariable | undefined): SofaParts {
  return { ...parts, variables: { ...parts.variables, [name]: variable } };
}

/** Data.IR of M x R x N with sample values from `sample`, and M spherical positions spread over the sphere. */
function withShape(parts: SofaParts, directions: number, receivers: number, length: number, sample: (index: number) => number): SofaParts {
  const ir = Float64Array.from({ length: directions * receivers * length }, (_, i) => sample(i));
  const positions = new Float64Array(directions * 3);
  for (let m = 0; m < directions; m++) positions.set([(137.5 * m) % 360, -80 + (160 * m) / Math.max(1, directions - 1), 1.5], 3 * m);
  const withIr = withVariable(parts, 'Data.IR', { values: ir, shape: [directions, receivers, length] });
  return withVariable(withIr, 'SourcePosition', { ...parts.variables.SourcePosition!, values: positions, shape: [directions, 3] });
}

const impulse = (length: number) => (i: number): number => (i % length === 0 ? 1 : 0.01);

const MUTATIONS: readonly ((parts: SofaParts, random: Random) => SofaParts)[] = [
  (parts, random) =>
    withVariable(parts, 'Data.SamplingRate', {
      values: Float64Array.of(pick(random, [...EXTREME_NUMBERS, 7999, 8000, 44100.5, 384000, 384001, 1e9, -48000])),
      shape: [1],
      attributes: { Units: pick(random, ['hertz', 'Hertz', 'kilohertz', '']) },
    }),
  (parts, random) => {
    const delay = pick(random, [...EXTREME_NUMBERS, 480, 481, 48000, 32768, 1e12]);
    return random() < 0.5
      ? withVariable(parts, 'Data.Delay', { values: Float64Array.of(0, delay), shape: [1, 2] })
      : withVariable(parts, 'Data.Delay', { values: Float64Array.of(delay, 0, 0, delay, 1, 1, 2, 2), shape: pick(random, [[4, 2], [2, 4], [8, 1], [1, 8]]) });
  },
  (parts, random) => {
    const directions = pick(random, [1, 2, 3, 4, 12_000, 12_001]);
    const length = pick(random, [1, 2, TEST_IR_LENGTH]);
    return withShape(parts, directions, 2, length, impulse(length));
  },
  (parts, random) => {
    const length = pick(random, [32_768, 32_769]);
    return withShape(parts, 3, 2, length, impulse(length));
  },
  (parts, random) => withShape(parts, 4, pick(random, [1, 3]), TEST_IR_LENGTH, impulse(TEST_IR_LENGTH)),
  (parts, random) => {
    const at = Math.floor(random() * 4 * 2 * TEST_IR_LENGTH);
    const value = pick(random, EXTREME_NUMBERS);
    return withShape(parts, 4, 2, TEST_IR_LENGTH, (i) => (i === at ? value : impulse(TEST_IR_LENGTH)(i)));
  },
  (parts, random) => {
    const silent = Math.floor(random() * 8);
    return withShape(parts, 4, 2, TEST_IR_LENGTH, (i) => (random() < 0.5 ? 0 : Math.floor(i / TEST_IR_LENGTH) === silent ? 0 : impulse(TEST_IR_LENGTH)(i)));
  },
  (parts, random) => {
    const values = parts.variables.SourcePosition!.values.slice();
    values[Math.floor(random() * values.length)] = pick(random, [...EXTREME_NUMBERS, 91, -91, 720]);
    const attributes = pick(random, [
      { Type: 'spherical', Units: 'degree, degree, metre' },
      { Type: 'cartesian', Units: 'metre' },
      { Type: 'spherical', Units: 'radian, radian, metre' },
      { Type: 'polar', Units: 'degree' },
    ]);
    return withVariable(parts, 'SourcePosition', { values, shape: pick(random, [[4, 3], [12], [3, 4]]), attributes });
  },
  (parts, random) => withVariable(parts, pick(random, ['Data.IR', 'Data.SamplingRate', 'Data.Delay', 'SourcePosition', 'ListenerView']), undefined),
  (parts, random) => {
    const name = pick(random, ['Conventions', 'SOFAConventions', 'DataType', 'Title']);
    return { ...parts, globals: { ...parts.globals, [name]: pick(random, ['', 'SOFA', 'GeneralFIR', 'TF', ' '.repeat(1000)]) } };
  },
  (parts, random) =>
    withVariable(parts, pick(random, ['ListenerView', 'ListenerUp', 'ListenerPosition']), {
      values: Float64Array.of(pick(random, EXTREME_NUMBERS), 0, pick(random, EXTREME_NUMBERS)),
      shape: [1, 3],
      attributes: { Type: pick(random, ['cartesian', 'spherical']), Units: 'metre' },
    }),
];

/** A small valid SOFA file with one data-level mutation (sometimes two). */
export function mutateSofaData(random: Random): Uint8Array {
  let parts = pick(random, MUTATIONS)(validSofaParts(), random);
  if (random() < 0.25) parts = pick(random, MUTATIONS)(parts, random);
  return writeSofaNow(parts);
}
