import type { FuzzTarget } from './fuzzCampaign';
import { admBwfTarget, admSceneTarget, wavChunkIdsTarget } from './targets/admFiles';
import { compressedAudioTarget, wavTarget } from './targets/audioFiles';
import { hrtfFileTarget, sofaTarget } from './targets/hrtfFiles';
import { sceneJsonTarget } from './targets/sceneJson';
import { userLayoutJsonTarget } from './targets/userLayoutJson';

/** Every reader of untrusted files under fuzzing, with the inputs a test run gives each. */
export interface RegisteredTarget {
  readonly target: FuzzTarget;
  /** Inputs in the test suite's bounded run (seconds); `npm run fuzz` multiplies them. */
  readonly testInputs: number;
}

export const FUZZ_TARGETS: readonly RegisteredTarget[] = [
  { target: wavTarget, testInputs: 5000 },
  { target: compressedAudioTarget, testInputs: 500 },
  { target: sceneJsonTarget, testInputs: 3000 },
  // A fresh worker thread per SOFA input, as the command line reads them: about 2 s each (loading h5wasm is most of it).
  { target: sofaTarget, testInputs: 16 },
  { target: hrtfFileTarget, testInputs: 2000 },
  { target: userLayoutJsonTarget, testInputs: 500 },
  { target: admBwfTarget, testInputs: 1500 },
  { target: admSceneTarget, testInputs: 1000 },
  { target: wavChunkIdsTarget, testInputs: 500 },
];
