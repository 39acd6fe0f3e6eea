import { readFileSync } from 'node:fs';
import { admToScene } from '../../src/adm/admToScene';
import type { SceneAmbisonics } from '../../src/core/scene/ambisonicStem';
import type { Scene } from '../../src/core/scene/scene';
import { readAdmBwf } from '../../src/io/adm/admBwfRead';

/** The EBU production suite's first-order AmbiX file (tests/fixtures/adm). */
export const HOA_FIXTURE = 'tests/fixtures/adm/eps__hoa_4ch_1stOrderAmbix_commondef.wav';

/**
 * The scene whose ADM export EAR renders for tests/fixtures/ear/hoaExport: the fixture's
 * HOA stem at -6 dB (AmbiX), and the same sound field as first-order FuMa B-format at
 * +2 dB (W / sqrt 2, then X Y Z: FuMa's weights and order at first order), so the export
 * writes the common-definition packs AP_00040001 and AP_00040021 and two object gains.
 */
export function hoaExportScene(): { scene: Scene; stems: Float32Array[][] } {
  const imported = admToScene(readAdmBwf(new Uint8Array(readFileSync(HOA_FIXTURE)), HOA_FIXTURE), HOA_FIXTURE, 'hoa-stems');
  const ambix = imported.stems[0]!.channels;
  const [w, y, z, x] = ambix as [Float32Array, Float32Array, Float32Array, Float32Array];
  const fuMa = [w.map((v) => v * Math.SQRT1_2), x, y, z];
  const stem = (id: string, file: string, normalization: SceneAmbisonics['normalization'], channelOrder: SceneAmbisonics['channelOrder'], gainDb: number): SceneAmbisonics => ({
    id,
    name: id,
    stem: { kind: 'file', file },
    order: 1,
    normalization,
    channelOrder,
    gainDb,
    mute: false,
    solo: false,
  });
  const scene: Scene = {
    ...imported.scene,
    ambisonics: [stem('ambix', 'ambix.wav', 'SN3D', 'ACN', -6), stem('fuma', 'fuma.wav', 'FuMa', 'FuMa', 2)],
  };
  return { scene, stems: [[...ambix], fuMa] };
}
