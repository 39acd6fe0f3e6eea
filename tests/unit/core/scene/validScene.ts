/** A small valid scene as parsed JSON (two sources: a file stem and a generator), fresh on every call. */
export function validScene(): Record<string, unknown> {
  return {
    format: 'spatial-mix-studio/scene',
    version: 1,
    sampleRateHz: 48000,
    listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
    sources: [
      {
        id: 'kick',
        name: 'Kick',
        stem: { file: 'stems/kick.wav' },
        gainDb: -3,
        mute: false,
        solo: false,
        position: { azimuthDeg: 0, elevationDeg: 0, distanceM: 2 },
      },
      {
        id: 'pad',
        name: 'Pad',
        stem: { generator: 'pad' },
        gainDb: 0,
        mute: true,
        solo: false,
        position: { azimuthDeg: 120, elevationDeg: 30, distanceM: 4 },
        spreadDeg: 90,
        color: '#22aaff',
      },
    ],
  };
}
