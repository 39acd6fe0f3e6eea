import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const cli = path.join(repoRoot, 'src/cli/admScene/sceneFromAdm.ts');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scene-from-adm-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sceneFromAdm(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: repoRoot });
    return { stdout, stderr, exitCode: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, exitCode: failed.code };
  }
}

describe('npm run scene:from-adm', () => {
  it('writes the scene and its stems (exit 0), then refuses to write them again (exit 2), and refuses an invalid file with the reader\'s message (exit 1)', async () => {
    const first = await sceneFromAdm(['tests/fixtures/adm/ear__test_bwf.wav', '--out', dir]);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain(`wrote ${path.join(dir, 'ear__test_bwf.scene.json')}: 3 objects, 2 beds (2+5+0, 0+5+0), 5 stems`);
    expect((await readdir(path.join(dir, 'ear__test_bwf-stems'))).length).toBe(5);
    const again = await sceneFromAdm(['tests/fixtures/adm/ear__test_bwf.wav', '--out', dir]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/exist already/);
    const invalid = await sceneFromAdm(['tests/fixtures/adm/invalid/eps__ds-all-tfs-not-in-pf.wav', '--out', dir]);
    expect(invalid.exitCode).toBe(1);
    expect(invalid.stderr).toMatch(/^scene:from-adm: tests\/fixtures\/adm\/invalid\/eps__ds-all-tfs-not-in-pf\.wav: audioObject AO_1001: audioPackFormat AP_00010001 does not reference audioChannelFormat AC_0001000d/);
  }, 60_000);
});
