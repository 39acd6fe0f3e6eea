import { SCENE_FORMAT_VERSION } from '../core/scene/scene';
import type { Scene, SceneSource } from '../core/scene/scene';

/**
 * PLACEHOLDER until scenes/demo.json exists: a small scene over the built-in demo
 * generators (scenes/generators), so the studio has something to show. main.tsx uses
 * scenes/demo.json instead as soon as that file is there.
 */
export const PLACEHOLDER_SCENE: Scene = {
  version: SCENE_FORMAT_VERSION,
  sampleRateHz: 48000,
  listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
  sources: [
    source('drums', 'Drums', 0, 0, 2.5, -3, '#ff6b6b'),
    source('bass', 'Bass', 0, -10, 2, -4, '#ffa94d'),
    source('lead', 'Lead', 20, 10, 2.2, -2, '#4dabf7'),
    source('guitar', 'Guitar', -60, 0, 2.8, -5, '#8ce99a', 'distortedGuitar'),
    source('pad', 'Pad', 120, 25, 4, -8, '#b197fc'),
    source('ambience', 'Ambience', 180, 35, 6, -10, '#38d9a9'),
    source('arp', 'Arp', -120, 15, 3.5, -7, '#ffd43b'),
  ],
};

/** Channel counts of the demo generators' stems (pad, ambience and guitar are stereo). */
export const PLACEHOLDER_STEM_CHANNELS: Readonly<Record<string, number>> = {
  drums: 1,
  bass: 1,
  lead: 1,
  guitar: 2,
  pad: 2,
  ambience: 2,
  arp: 1,
};

function source(
  id: string,
  name: string,
  azimuthDeg: number,
  elevationDeg: number,
  distanceM: number,
  gainDb: number,
  color: string,
  generator: string = id,
): SceneSource {
  return {
    id,
    name,
    stem: { kind: 'generator', generator },
    gainDb,
    mute: false,
    solo: false,
    position: { azimuthDeg, elevationDeg, distanceM },
    spreadDeg: 60,
    color,
  };
}
