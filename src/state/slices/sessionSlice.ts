import { parseSceneJson } from '../../core/scene/sceneParse';
import type { ParsedScene } from '../../core/scene/sceneParse';
import { sceneNameFromFile } from '../sceneName';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';

/** The session as a whole: its name, opening a scene file, starting over. */
export interface SessionSlice {
  /** The scene's name: saved as `<sceneName>.json`, exported as `<sceneName>.<format>.wav`. */
  readonly sceneName: string;
  /** Bumped by newSession(): the autosave then forgets the old session instead of saving. */
  readonly sessionEpoch: number;
  /**
   * Opens scene JSON text (read from the file `fileName`). A bad scene changes nothing and
   * shows the parser's message (it names the file and the field) as the error notice;
   * returns false. A good one replaces the scene (undo history cleared), takes its name
   * from the file, and reloads the engine; stems it names that the session lacks are
   * listed in missingStems.
   */
  openScene(text: string, fileName: string): boolean;
  /** Forgets the session (scene, stem files, undo history) and starts again from the demo scene. */
  newSession(): void;
}

export const DEMO_SCENE_NAME = 'demo';

export function createSessionSlice(set: SetStudioState, get: GetStudioState, context: StudioContext, sceneName: string): SessionSlice {
  return {
    sceneName,
    sessionEpoch: 0,
    openScene(text, fileName) {
      let parsed: ParsedScene;
      try {
        parsed = parseSceneJson(text, fileName);
      } catch (error) {
        get().showError(error instanceof Error ? error.message : String(error));
        return false;
      }
      for (const warning of parsed.warnings) console.warn(warning);
      get().replaceScene(parsed.scene, {});
      set({ sceneName: sceneNameFromFile(fileName), failedStems: [], errorNotice: null });
      void get().reloadEngine();
      return true;
    },
    newSession() {
      context.stemFiles.clear();
      get().replaceScene(context.demoScene, {});
      const state = get();
      set({
        sceneName: DEMO_SCENE_NAME,
        sessionEpoch: state.sessionEpoch + 1,
        stemFilesVersion: state.stemFilesVersion + 1,
        failedStems: [],
        errorNotice: null,
      });
      void state.reloadEngine();
    },
  };
}
