import { parseSceneJson } from '../../core/scene/sceneParse';
import type { ParsedScene } from '../../core/scene/sceneParse';
import { errorLines } from '../errorLines';
import { sceneNameFromFile } from '../sceneName';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';
import { commitSceneReplacement } from './historySlice';

/** The session as a whole: its name, opening a scene file, starting over. */
export interface SessionSlice {
  /** The scene's name: saved as `<sceneName>.json`, exported as `<sceneName>.<format>.wav`. */
  readonly sceneName: string;
  /** Bumped by newSession(): the autosave then forgets the old session instead of saving. */
  readonly sessionEpoch: number;
  /**
   * Opens scene JSON text (read from the file `fileName`). A bad scene changes nothing and
   * shows every error the parser gives (each names the file and the field) in the error
   * banner; returns false. A good one replaces the scene as one undo step (undo brings the
   * previous scene back; the history before it is kept), takes its name from the file, and
   * reloads the engine; its unknown fields are listed in a warning notice, and stems it
   * names that the session lacks in missingStems.
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
        get().showError(errorLines(error).join('\n'));
        return false;
      }
      commitSceneReplacement(set, get, context, parsed.scene);
      set({ sceneName: sceneNameFromFile(fileName), failedStems: [], errorNotice: null });
      if (parsed.warnings.length > 0) {
        get().showNotice({ tone: 'warning', title: `${fileName}: fields the studio does not know (kept, and saved back)`, lines: parsed.warnings });
      }
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
