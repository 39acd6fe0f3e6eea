import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const cli = path.join(repoRoot, 'src/cli/admInfo/admInfo.ts');

async function admInfo(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: repoRoot });
    return { stdout, stderr, exitCode: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, exitCode: failed.code };
  }
}

describe('npm run adm:info', () => {
  it('prints the programme, the objects with block counts and spans, DirectSpeakers labels (URNs shortened) and HOA orders', async () => {
    const objects = await admInfo(['tests/fixtures/adm/ear__test_bwf.wav']);
    expect(objects.exitCode).toBe(0);
    expect(objects.stdout.split('\n').slice(0, 4)).toEqual([
      'tests/fixtures/adm/ear__test_bwf.wav: ADM BWF, 4 channels at 48000 Hz, 0.250 s',
      '  programme APR_1001 "front centre + top left": AO_1001, AO_1002, AO_1003, AO_1004, AO_1005',
      '  object AO_1001 "unnamed" (AP_00031001), 1 channel',
      '    channel 1: Objects AC_00031001 "unnamed", 2 blocks, 0.000 s to 0.250 s',
    ]);
    expect(objects.stdout).toContain('    channel 4: DirectSpeakers AC_00011005 "unnamed", speaker LFE1\n');
    const stereo = await admInfo(['tests/fixtures/adm/bmx__adm_1.wav']);
    expect(stereo.stdout).toContain('    channel 2: DirectSpeakers AC_00010002 "FrontRight", speaker M-030\n');
    const hoa = await admInfo(['tests/fixtures/adm/eps__hoa_4ch_1stOrderAmbix_commondef.wav']);
    expect(hoa.stdout).toContain('  object AO_1001 "Track 2" (AP_00040001), 4 channels, HOA order 1\n');
    expect(hoa.stdout).toContain('    channel 2: HOA AC_00040002 "SN3D_ACN_1", order 1, degree -1 (SN3D)\n');
  });

  it('refuses an invalid file with exit status 1, naming the conflicting references, and a missing file with 2', async () => {
    const invalid = await admInfo(['tests/fixtures/adm/invalid/eps__ds-all-tfs-not-in-pf.wav']);
    expect(invalid.exitCode).toBe(1);
    expect(invalid.stderr).toMatch(/^adm:info: tests\/fixtures\/adm\/invalid\/eps__ds-all-tfs-not-in-pf\.wav: audioObject AO_1001: audioPackFormat AP_00010001 does not reference audioChannelFormat AC_0001000d/);
    const missing = await admInfo(['tests/fixtures/adm/none.wav']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('cannot read the ADM BWF file (ENOENT)');
  });
});
