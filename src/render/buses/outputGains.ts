import type { LoudspeakerLayout } from '../../core/layouts';
import type { OutputDefinition } from '../../core/outputs/outputDefinition';
import { speakerOutputOf } from '../../core/outputs/monitoredSpeakers';
import type { ObjectValues } from '../../core/scene/objectValues';
import { createLayoutObjectGains } from '../../dsp/panners/objectGains/layoutObjectGains';
import type { ObjectBlock } from '../../dsp/panners/objectGains/objectBlock';
import { DEFAULT_OBJECT_BLOCK } from '../../dsp/panners/objectGains/objectBlock';
import { computeObjectGains, createObjectGains, prepareObjectBlock } from '../../dsp/panners/objectGains/objectGainCalculator';
import type { ObjectGainCalculator, ObjectGains } from '../../dsp/panners/objectGains/objectGainCalculator';
import { azimuthOf, elevationOf } from '../../dsp/panners/objectGains/vector3';

/** The object parameters the stage's gains depend on besides the direction (core/scene/objectValues.ts). */
export type SpeakerGainValues = Pick<
  ObjectValues,
  'cartesian' | 'X' | 'Y' | 'Z' | 'width' | 'height' | 'depth' | 'diffuse' | 'channelLock' | 'objectDivergence' | 'zoneExclusion'
>;

/** A point source: no extent, not diffuse, no lock, divergence or exclusion. */
const POINT: SpeakerGainValues = {
  cartesian: false,
  X: 0,
  Y: 1,
  Z: 0,
  width: 0,
  height: 0,
  depth: 0,
  diffuse: 0,
  channelLock: undefined,
  objectDivergence: undefined,
  zoneExclusion: undefined,
};

/**
 * The gain of an object in each channel of an output's loudspeakers
 * (core/outputs/monitoredSpeakers.ts), for the stage (which loudspeakers play the selected
 * source, and how loud), off the audio thread. A layout's gains are BS.2127's object gain
 * calculator's (dsp/panners/objectGains/) for the object's values, direct and diffuse
 * summed by power, sqrt(direct^2 + diffuse^2), at gain 1: a polar object heard from
 * head-relative unit direction (x, y, z) at ADM distance 1 (the stage's loudspeakers'
 * sphere; the studio's metres are the distance model's), a Cartesian one at its X, Y, Z
 * in the room (allocentric: the scene rotation and monitor head do not move it). A
 * downmix applies its matrix to its source's gains, the direct parts adding as amplitudes,
 * the decorrelated diffuse parts as powers, the 90-degree path of a matrix encoding in
 * quadrature (|a + jb|); a layout on headphones has its layout's. Null for binaural.
 * Calculators are made once per layout and kept.
 */
export function speakerGainsOf(output: OutputDefinition, x: number, y: number, z: number, values: SpeakerGainValues = POINT): Float64Array | null {
  const carrier = speakerOutputOf(output);
  if (carrier === null) return null;
  const gains = gainsOf(carrier, objectBlockOf(x, y, z, values));
  return Float64Array.from(gains.direct, (direct, c) => Math.hypot(direct, gains.diffuse[c]!));
}

const calculators = new WeakMap<LoudspeakerLayout, ObjectGainCalculator>();

function gainsOf(output: OutputDefinition, block: ObjectBlock): ObjectGains {
  switch (output.kind) {
    case 'binaural':
      throw new RangeError(`"${output.id}" has no loudspeakers`);
    case 'layoutBinaural':
      return gainsOf(output.from, block);
    case 'loudspeakers': {
      let calculator = calculators.get(output.layout);
      if (calculator === undefined) {
        calculator = createLayoutObjectGains(output.layout);
        calculators.set(output.layout, calculator);
      }
      const gains = createObjectGains(calculator);
      prepareObjectBlock(calculator, block);
      computeObjectGains(calculator, block, gains);
      return gains;
    }
    case 'downmix': {
      const source = gainsOf(output.from, block);
      const dot = (row: readonly number[], g: Float64Array): number => row.reduce((sum, m, k) => sum + m * g[k]!, 0);
      const powerDot = (row: readonly number[], g: Float64Array): number => row.reduce((sum, m, k) => sum + (m * g[k]!) ** 2, 0);
      const shiftedDirect = output.quadrature === undefined ? 0 : dot(output.quadrature.sumGains, source.direct);
      const shiftedDiffusePower = output.quadrature === undefined ? 0 : powerDot(output.quadrature.sumGains, source.diffuse);
      const direct = Float64Array.from(output.matrix, (row, c) => Math.hypot(dot(row, source.direct), (output.quadrature?.outputGains[c] ?? 0) * shiftedDirect));
      const diffuse = Float64Array.from(output.matrix, (row, c) => Math.sqrt(powerDot(row, source.diffuse) + (output.quadrature?.outputGains[c] ?? 0) ** 2 * shiftedDiffusePower));
      return { direct, diffuse };
    }
  }
}

/** The calculator's metadata block for the object (BS.2076-2 defaults where the scene has none). */
function objectBlockOf(x: number, y: number, z: number, values: SpeakerGainValues): ObjectBlock {
  const { channelLock, objectDivergence } = values;
  return {
    ...DEFAULT_OBJECT_BLOCK,
    position: values.cartesian ? { X: values.X, Y: values.Y, Z: values.Z } : { azimuth: azimuthOf(x, y), elevation: elevationOf(x, y, z), distance: 1 },
    cartesian: values.cartesian,
    width: values.width,
    height: values.height,
    depth: values.depth,
    diffuse: values.diffuse,
    channelLock: channelLock === undefined ? DEFAULT_OBJECT_BLOCK.channelLock : { flag: true, maxDistance: channelLock.maxDistance ?? null },
    objectDivergence:
      objectDivergence === undefined
        ? DEFAULT_OBJECT_BLOCK.objectDivergence
        : { value: objectDivergence.value, azimuthRange: objectDivergence.azimuthRange ?? 0, positionRange: objectDivergence.positionRange ?? 0 },
    zoneExclusion: values.zoneExclusion ?? [],
  };
}
