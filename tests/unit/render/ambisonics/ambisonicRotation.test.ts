import { describe, expect, it } from 'vitest';
import { getLayout } from '../../../../src/core/layouts';
import { rotationBlockOffset } from '../../../../src/dsp/ambisonics/shRotation';
import { ambisonicChannelsOf } from '../../../../src/render/ambisonics/ambisonicChannels';
import { createLayoutDecoders } from '../../../../src/render/ambisonics/ambisonicDecoders';
import { createAmbisonicRotator, restartAmbisonicRotator, turnAmbisonicBlock } from '../../../../src/render/ambisonics/ambisonicRotation';
import type { AmbisonicRotator } from '../../../../src/render/ambisonics/ambisonicRotation';
import { createLayoutPanner } from '../../../../src/render/buses/layoutPanners';
import { createListenerRotation, setHeadRotation } from '../../../../src/render/listenerRotation';
import { RENDER_BLOCK_FRAMES } from '../../../../src/render/renderBlock';
import type { AmbisonicChannelOrder, AmbisonicNormalization, SceneAmbisonics } from '../../../../src/core/scene/ambisonicStem';
import { encodeStem, planeWaveGains } from '../../../support/hoaEncode';

const B = RENDER_BLOCK_FRAMES;

function stemOf(order: number, normalization: AmbisonicNormalization, channelOrder: AmbisonicChannelOrder): SceneAmbisonics {
  return { id: 'hoa', name: 'Field', stem: { kind: 'file', file: 'field.wav' }, order, normalization, channelOrder, gainDb: 0, mute: false, solo: false };
}

/** The rotator's channel matrix (in double; its turned blocks are float32) applied to per-stem-channel gains. */
function turnGains(rotator: AmbisonicRotator, gains: Float64Array): Float64Array {
  const out = new Float64Array(gains.length);
  const cOf = rotator.channelOf;
  for (let n = 0; n <= rotator.order; n++) {
    const size = 2 * n + 1;
    const offset = rotationBlockOffset(n);
    for (let r = 0; r < size; r++) {
      let sum = 0;
      for (let k = 0; k < size; k++) sum += rotator.gains[offset + r * size + k]! * gains[cOf[n * n + k]!]!;
      out[cOf[n * n + r]!] = sum;
    }
  }
  return out;
}

describe('the HOA rotator (the scene rotation and the monitor head turn an HOA stem)', () => {
  it.each([
    ['SN3D', 'ACN', 3],
    ['N3D', 'ACN', 5],
    ['FuMa', 'FuMa', 3],
    ['SN3D', 'ACN', 7],
  ] as const)('%s/%s order %i: a wave from azimuth 30 with the scene turned +60 degrees decodes on 7.1.4 as a wave from azimuth 90 (gains within 1e-9)', (normalization, channelOrder, order) => {
    const hoa = stemOf(order, normalization, channelOrder);
    const channels = ambisonicChannelsOf(hoa);
    const silent = channels.map(() => new Float32Array(B));
    const rotator = createAmbisonicRotator(channels, silent);
    // The scene turned +60 degrees to the left is the listener's yaw -60 (core/scene/sceneRotation.ts).
    const rotation = createListenerRotation({ yawDeg: -60, pitchDeg: 0, rollDeg: 0 });
    restartAmbisonicRotator(rotator, 0);
    expect(turnAmbisonicBlock(rotator, 0, rotation.composed, 0.1)).toBe(true);
    const turned = turnGains(rotator, planeWaveGains(order, 30, 0, normalization, channelOrder));
    const expected = planeWaveGains(order, 90, 0, normalization, channelOrder);
    turned.forEach((g, c) => expect(Math.abs(g - expected[c]!)).toBeLessThan(1e-12));
    const decoder = createLayoutDecoders(createLayoutPanner(getLayout('4+7+0')));
    const columns = channels.map((channel) => decoder(channel));
    const speakers = columns[0]!.length;
    for (let s = 0; s < speakers; s++) {
      let fromTurned = 0;
      let fromNinety = 0;
      columns.forEach((column, c) => {
        fromTurned += column[s]! * turned[c]!;
        fromNinety += column[s]! * expected[c]!;
      });
      expect(Math.abs(fromTurned - fromNinety)).toBeLessThan(1e-9);
    }
  });

  it('a pitch and a roll of the monitor head turn the field as they turn a direction: a wave from straight ahead, head pitched up 30 degrees, arrives from elevation -30 (order 4, 1e-12)', () => {
    const hoa = stemOf(4, 'SN3D', 'ACN');
    const channels = ambisonicChannelsOf(hoa);
    const rotator = createAmbisonicRotator(channels, channels.map(() => new Float32Array(B)));
    const rotation = createListenerRotation({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 });
    setHeadRotation(rotation, { yawDeg: 0, pitchDeg: 30, rollDeg: 0 });
    restartAmbisonicRotator(rotator, 0);
    turnAmbisonicBlock(rotator, 0, rotation.composed, 0.1);
    const turned = turnGains(rotator, planeWaveGains(4, 0, 0));
    const expected = planeWaveGains(4, 0, -30);
    turned.forEach((g, c) => expect(Math.abs(g - expected[c]!)).toBeLessThan(1e-12));
  });

  it('with no rotation the stem is used as it is (not turned); a turn ramps linearly across a block from the last block\'s matrix, then glides block by block towards the target', () => {
    const hoa = stemOf(1, 'SN3D', 'ACN');
    const channels = ambisonicChannelsOf(hoa);
    const gains = planeWaveGains(1, 0, 0);
    const stem = encodeStem(gains, new Float32Array(8 * B).fill(1));
    const rotator = createAmbisonicRotator(channels, stem);
    const rotation = createListenerRotation({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 });
    restartAmbisonicRotator(rotator, 0);
    expect(turnAmbisonicBlock(rotator, 0, rotation.composed, 0.2)).toBe(false);
    // The head turns 90 degrees to the left: a wave from the front glides towards the right (azimuth -90).
    setHeadRotation(rotation, { yawDeg: 90, pitchDeg: 0, rollDeg: 0 });
    expect(turnAmbisonicBlock(rotator, B, rotation.composed, 0.2)).toBe(true);
    const front = rotator.output[3]!;
    const left = rotator.output[1]!;
    // Sample i is (i + 1) / B of the way from the identity to the block's end matrix.
    const endFront = front[B - 1]!;
    const endLeft = left[B - 1]!;
    expect(endLeft).toBeLessThan(0);
    for (let i = 0; i < B; i++) {
      const r = (i + 1) / B;
      expect(Math.abs(front[i]! - (1 + r * (endFront - 1)))).toBeLessThan(1e-6);
      expect(Math.abs(left[i]! - r * endLeft)).toBeLessThan(1e-6);
    }
    // Not there at once: the first block reaches a part of the way (the one-pole's 0.2 of the matrix, orthonormalised).
    expect(endFront).toBeGreaterThan(0.5);
    let frame = 2 * B;
    for (; frame < 8 * B; frame += B) turnAmbisonicBlock(rotator, frame, rotation.composed, 0.2);
    expect(rotator.output[3]![B - 1]!).toBeLessThan(endFront);
  });

  it('a half turn at once (yaw 0 to 180, where the glide passes a singular matrix) stays finite and settles on the half turn: a frontal wave ends from behind (order 2, within 1e-6)', () => {
    const hoa = stemOf(2, 'SN3D', 'ACN');
    const channels = ambisonicChannelsOf(hoa);
    const stem = encodeStem(planeWaveGains(2, 0, 0), new Float32Array(200 * B).fill(1));
    const rotator = createAmbisonicRotator(channels, stem);
    const rotation = createListenerRotation({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 });
    restartAmbisonicRotator(rotator, 0);
    turnAmbisonicBlock(rotator, 0, rotation.composed, 0.125);
    setHeadRotation(rotation, { yawDeg: 180, pitchDeg: 0, rollDeg: 0 });
    for (let k = 1; k < 200; k++) {
      turnAmbisonicBlock(rotator, k * B, rotation.composed, 0.125);
      for (const channel of rotator.output) expect(channel.every(Number.isFinite)).toBe(true);
    }
    const behind = planeWaveGains(2, 180, 0);
    rotator.output.forEach((channel, c) => expect(Math.abs(channel[B - 1]! - behind[c]!)).toBeLessThan(1e-6));
  });
});
