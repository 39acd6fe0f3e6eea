import { FieldError } from '../../src/core/fieldError';
import { createPrng } from '../support/prng';

/** One reader under fuzzing: its seed inputs, how they are mutated and how one is read. */
export interface FuzzTarget {
  /** The reader's name in reports: "WAV/RF64", "scene JSON". */
  readonly parser: string;
  /** Valid inputs that read, each with the file name it is read under. */
  seeds(): Promise<readonly FuzzSeed[]>;
  mutate(bytes: Uint8Array, random: () => number): Uint8Array;
  /**
   * Reads one input as the studio would, and checks that what was read is usable (finite
   * samples, a sane rate...), throwing a plain Error when it is not. Refusals are thrown.
   */
  read(bytes: Uint8Array, fileName: string): Promise<void>;
}

export interface FuzzSeed {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface FuzzFailure {
  readonly input: number;
  readonly fileName: string;
  readonly message: string;
}

export interface CampaignResult {
  readonly parser: string;
  readonly inputs: number;
  readonly read: number;
  readonly refused: number;
  /** Inputs that threw anything but the project's FieldError naming the file. */
  readonly failures: readonly FuzzFailure[];
  readonly slowestMs: number;
  readonly totalMs: number;
}

export interface CampaignOptions {
  readonly seed: number;
  readonly inputs: number;
}

/** The project's refusal: a FieldError whose message starts with the file's name. */
export function isRefusalNaming(error: unknown, fileName: string): boolean {
  return error instanceof FieldError && error.message.startsWith(`${fileName}: `);
}

/**
 * Reads `inputs` mutations of the target's seeds, in a sequence fixed by `seed`, and
 * counts what was read, what was refused and what failed any other way.
 */
export async function runCampaign(target: FuzzTarget, options: CampaignOptions): Promise<CampaignResult> {
  const random = createPrng(options.seed);
  const seeds = await target.seeds();
  if (seeds.length === 0) throw new Error(`${target.parser}: the fuzz target has no seed inputs`);
  const failures: FuzzFailure[] = [];
  let read = 0;
  let refused = 0;
  let slowestMs = 0;
  const started = performance.now();
  for (let input = 0; input < options.inputs; input++) {
    const { fileName, bytes } = seeds[input % seeds.length]!;
    const mutated = target.mutate(bytes, random);
    const inputStarted = performance.now();
    try {
      await target.read(mutated, fileName);
      read++;
    } catch (error) {
      if (isRefusalNaming(error, fileName)) refused++;
      else failures.push({ input, fileName, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
    slowestMs = Math.max(slowestMs, performance.now() - inputStarted);
  }
  return { parser: target.parser, inputs: options.inputs, read, refused, failures, slowestMs, totalMs: performance.now() - started };
}
