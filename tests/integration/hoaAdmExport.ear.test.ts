import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { admMasterFile } from '../../src/adm/admMasterFile';
import { admToScene } from '../../src/adm/admToScene';
import { DEFAULT_DOWNMIX_LEVELS } from '../../src/core/outputs/downmixOutputs';
import { outputById } from '../../src/core/outputs/outputCatalog';
import type { Scene } from '../../src/core/scene/scene';
import { readAdmBwf } from '../../src/io/adm/admBwfRead';
import { renderWholeScene } from '../../src/render/offlineRender';
import { createSceneRenderer } from '../../src/render/sceneRenderer';
import { hoaExportScene } from '../support/hoaExportScene';

/**
 * The ADM export of HOA stems checked with the EBU ADM Renderer: EAR's file renderer
 * rendered the master the exporter writes of tests/support/hoaExportScene.ts (the EBU
 * suite's first-order AmbiX stem at -6 dB on AP_00040001, the same field as FuMa B-format
 * at +2 dB on AP_00040021; tests/fixtures/ear/hoaExport) to 7.1.4. Its per-loudspeaker
 * levels must be ours for the scene, and for the scene read back from our master: the
 * file carries the stems, their normalisation, channel order and gains as EAR reads them.
 * Bound 0.01 dB: the decoders agree within 9e-5 (hoa-decoders.json), which moves a level
 * by under 0.001 dB.
 */
interface EarLevels {
  readonly frames: number;
  readonly labels: readonly string[];
  readonly rmsDbfs: readonly (number | null)[];
}

const EAR = JSON.parse(readFileSync(new URL('../fixtures/ear/hoaExport/hoa-export-levels.json', import.meta.url), 'utf8')) as EarLevels;
const LEVEL_TOLERANCE_DB = 0.01;
const SETTINGS = { monoLaw: '-3dB', hrtfSet: 'none', loRo: DEFAULT_DOWNMIX_LEVELS, ltRt: DEFAULT_DOWNMIX_LEVELS } as const;

function levels714(scene: Scene, stems: readonly (readonly Float32Array[])[]): { labels: string[]; rmsDbfs: number[] } {
  const output = outputById('7.1.4', SETTINGS);
  const [rendered] = renderWholeScene(createSceneRenderer(scene, stems, { outputs: [output] }));
  return {
    labels: output.channels.map((c) => c.label),
    rmsDbfs: rendered!.channels.map((channel) => {
      let power = 0;
      for (let n = 0; n < EAR.frames; n++) power += (channel[n] ?? 0) ** 2;
      return 10 * Math.log10(power / EAR.frames);
    }),
  };
}

function expectEarLevels(ours: { labels: string[]; rmsDbfs: number[] }, what: string): void {
  expect(ours.labels).toEqual(EAR.labels);
  EAR.rmsDbfs.forEach((ear, c) => {
    const level = ours.rmsDbfs[c]!;
    if (ear === null) expect(level, `${what} ${EAR.labels[c]}`).toBe(-Infinity);
    else expect(Math.abs(level - ear), `${what} ${EAR.labels[c]}: ${level.toFixed(4)} against EAR's ${ear}`).toBeLessThan(LEVEL_TOLERANCE_DB);
  });
}

describe('the ADM export of HOA stems against the EBU ADM Renderer', () => {
  const { scene, stems } = hoaExportScene();

  it('renders the scene to 7.1.4 at the levels EAR renders its exported master at (0.01 dB per loudspeaker)', () => {
    expectEarLevels(levels714(scene, stems), 'scene');
  });

  it('reads its own master back as a scene that renders at EAR\'s levels too', () => {
    const bytes = Buffer.concat([...admMasterFile(scene, stems, 'hoa-export.scene.json', 'hoa-export').pieces]);
    const back = admToScene(readAdmBwf(new Uint8Array(bytes), 'hoa-export.adm.wav'), 'hoa-export.adm.wav', 'hoa-stems');
    expect(back.scene.ambisonics!.map((a) => [a.normalization, a.channelOrder, Math.round(a.gainDb * 1e6) / 1e6])).toEqual([
      ['SN3D', 'ACN', -6],
      ['FuMa', 'ACN', 2],
    ]);
    expectEarLevels(levels714(back.scene, back.stems.map((stem) => [...stem.channels])), 'read back');
  });
});
