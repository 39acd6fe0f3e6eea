import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRenderArgs } from '../../src/cli/render/renderArgs';
import { runRender } from '../../src/cli/render/renderCommand';
import type { AdmObjectsBlock } from '../../src/core/adm/admModel';
import { loudspeakerOutput } from '../../src/core/outputs/studioOutputs';
import { readAdmBwf } from '../../src/io/adm/admBwfRead';
import { decodeWav } from '../../src/io/wavDecode';

/**
 * Cartesian objects exported to ADM and rendered by the EBU ADM Renderer (the fixture,
 * tests/fixtures/ear/cartesianAdm: EAR's 4+5+0 render of this export of
 * cartesian.scene.json) against the command line's own 4+5+0 render of the scene. One
 * object sounds at a time, its stem 0.5, so output / 0.5 is its direct gain per channel.
 */

interface FixtureBlock {
  readonly cartesian: boolean;
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly diffuse: number;
  readonly rtime: number;
  readonly duration: number;
  readonly jumpPosition: { readonly flag: boolean; readonly interpolationLength: number | null };
}
interface Fixture {
  readonly layout: '4+5+0';
  readonly labels: readonly string[];
  readonly objects: readonly { readonly channel: string; readonly blocks: readonly FixtureBlock[] }[];
  readonly samples: readonly { readonly frame: number; readonly object: number; readonly gains: readonly number[] }[];
}

const FIXTURE_DIR = 'tests/fixtures/ear/cartesianAdm';
const fixture = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'cartesianAdmGains.json'), 'utf8')) as Fixture;
const STEM_LEVEL = 0.5;
/** Where a block's values hold: the same gain calculation; the fixture is rounded to 1e-7, EAR's file is 24-bit, ours float32. Issue 13 asks 0.02. */
const GAIN_TOLERANCE = 1e-5;
/**
 * The moving object interpolates from 0.1 s to 0.2 s (frames 4800-9600, and the renderer's
 * 128-frame block after). There EAR interpolates the gains linearly between the blocks'
 * (BS.2127), the renderer the position (DESIGN.md), so they differ by the gains' curvature
 * along the path: across the room, up to 0.48 here (logged, not asserted).
 */
const interpolating = (frame: number): boolean => frame >= 4800 && frame < 9600 + 128;

let dir: string;
let rendered: Float32Array[];
let exported: ReturnType<typeof readAdmBwf>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cartesian-adm-'));
  const args = parseRenderArgs([path.join(FIXTURE_DIR, 'cartesian.scene.json'), '--format', `adm,${fixture.layout}`, '--bits', '32f', '--out', dir]);
  if (args === 'help') throw new Error('unexpected help');
  const written = await runRender(args, () => {});
  const [adm, layoutRender] = written;
  expect(adm!.format).toBe('adm');
  exported = readAdmBwf(new Uint8Array(await readFile(adm!.file)), 'cartesian.adm.wav');
  const output = loudspeakerOutput(fixture.layout, fixture.layout, fixture.layout);
  const fileChannels = decodeWav(new Uint8Array(await readFile(layoutRender!.file)), 'render').channels as Float32Array[];
  // EAR's order is the layout's: put the file's channels (WAVE order) back into it.
  rendered = output.channels.map((_, c) => fileChannels[output.fileOrder.indexOf(c)]!);
  expect(output.channels.map((c) => c.label)).toEqual(fixture.labels);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ADM export of Cartesian objects, rendered by EAR (tests/fixtures/ear/cartesianAdm)', () => {
  it('exports what EAR read: every block Cartesian at the scene\'s X, Y, Z and extent, with its timing (1e-6)', () => {
    const channels = exported.document.channelFormats;
    expect(channels.map((c) => c.name)).toEqual(fixture.objects.map((o) => o.channel));
    channels.forEach((channel, k) => {
      const expected = fixture.objects[k]!.blocks;
      expect(channel.blocks).toHaveLength(expected.length);
      channel.blocks.forEach((raw, b) => {
        const block = raw as AdmObjectsBlock;
        const want = expected[b]!;
        expect(want.cartesian).toBe(true);
        expect(block.position.coordinates).toBe('cartesian');
        if (block.position.coordinates !== 'cartesian') return;
        const got = [block.position.x, block.position.y, block.position.z ?? 0, block.width ?? 0, block.height ?? 0, block.depth ?? 0, block.rtime ?? 0, block.duration ?? 0];
        const wanted = [want.X, want.Y, want.Z, want.width, want.height, want.depth, want.rtime, want.duration];
        got.forEach((value, i) => expect(Math.abs(value - wanted[i]!)).toBeLessThan(1e-6));
        expect(block.jumpPosition?.flag ?? false).toBe(want.jumpPosition.flag);
      });
    });
  });

  it(`renders the static objects, and the moving one where its blocks' values hold (before, between and after its moves), with EAR's gains within ${GAIN_TOLERANCE}`, () => {
    let worstHeld = 0;
    let worstInterpolating = 0;
    let held = 0;
    for (const { frame, object, gains } of fixture.samples) {
      const ours = rendered.map((channel) => channel[frame]! / STEM_LEVEL);
      const error = Math.max(...ours.map((g, c) => Math.abs(g - gains[c]!)));
      if (object === 2 && interpolating(frame)) {
        worstInterpolating = Math.max(worstInterpolating, error);
      } else {
        worstHeld = Math.max(worstHeld, error);
        held++;
      }
    }
    console.info(`Cartesian ADM export vs EAR on ${fixture.layout}: ${held} frames where values hold within ${worstHeld.toExponential(2)}; while interpolating within ${worstInterpolating.toFixed(3)}`);
    expect(held).toBe(26);
    expect(worstHeld).toBeLessThan(GAIN_TOLERANCE);
  });
});
