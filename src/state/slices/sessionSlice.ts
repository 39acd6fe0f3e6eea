import { DEFAULT_DOWNMIX_LEVEL_SETTINGS } from '../../core/outputs/downmixLevelSettings';
import { parseSceneJson } from '../../core/scene/sceneParse';
import type { ParsedScene } from '../../core/scene/sceneParse';
import type { ImportedMaster } from '../../engine/audioEngine';
import type { SessionView, StudioSession } from '../autosave/autosaveRecord';
import { newSessionId } from '../autosave/sessionIds';
import { errorLines } from '../errorLines';
import { safeSceneName, sceneNameFromFile } from '../sceneName';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';
import { commitSceneReplacement } from './historySlice';

/** The open session as a whole: its id and name, its side panel, opening a scene file, starting over. */
export interface SessionSlice {
  /** The open session's id in the session storage (the autosave saves under it). */
  readonly sessionId: string;
  /** The session's name: saved as `<sceneName>.json`, exported as `<sceneName>.<format>.wav`, listed under Sessions. */
  readonly sceneName: string;
  /** The side column's tab ('source', 'meters', 'mono', 'delivery'): saved with the session. */
  readonly sidePanel: string;
  setSidePanel(panel: string): void;
  /** Renames the open session (made safe for file names, see safeSceneName); an empty name is ignored. */
  setSceneName(name: string): void;
  /**
   * Opens scene JSON text (read from the file `fileName`). A bad scene changes nothing and
   * shows every error the parser gives (each names the file and the field) in the error
   * banner; returns false. A good one replaces the scene as one undo step (undo brings the
   * previous scene back; the history before it is kept), takes its name from the file, and
   * reloads the engine; its unknown fields are listed in a warning notice, and stems it
   * names that the session lacks in missingStems.
   */
  openScene(text: string, fileName: string): boolean;
  /**
   * Makes `session` the open one, as `sessionId`: its scene (a fresh undo history), name,
   * stem files and view; reloads the engine. Save the session open before first (the
   * session library's actions do): the autosave then saves the new one.
   */
  loadSession(sessionId: string, session: StudioSession): void;
  /** Restores a saved view: the monitor, the selection (if the source exists) and the side panel. */
  loadView(view: SessionView): void;
  /** Starts a new session from the demo scene, under a new id (loadSession). */
  newSession(): void;
  /**
   * Opens an imported ADM BWF master (EngineSlice.importMaster) as a new session, under a new
   * id, named after the file: its scene (objects with their timelines, beds) and its tracks
   * as the stem files; the importer's warnings in a notice. Save the session open before
   * (replaceOpenSession). Returns false, changing nothing, when the scene text does not parse.
   */
  openMaster(master: ImportedMaster): boolean;
}

export const DEMO_SCENE_NAME = 'demo';
export const DEFAULT_SIDE_PANEL = 'source';

export function createSessionSlice(
  set: SetStudioState,
  get: GetStudioState,
  context: StudioContext,
  initial: { sessionId: string; sceneName: string },
): SessionSlice {
  return {
    sessionId: initial.sessionId,
    sceneName: initial.sceneName,
    sidePanel: DEFAULT_SIDE_PANEL,
    setSidePanel(panel) {
      if (get().sidePanel !== panel) set({ sidePanel: panel });
    },
    setSceneName(name) {
      const trimmed = name.trim();
      if (trimmed === '') return;
      const safe = safeSceneName(trimmed);
      if (safe !== get().sceneName) set({ sceneName: safe });
    },
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
    loadSession(sessionId, session) {
      context.stemFiles.clear();
      for (const [name, blob] of session.stemFiles) context.stemFiles.set(name, blob);
      get().replaceScene(session.scene, {});
      const state = get();
      set({
        sessionId,
        sceneName: session.sceneName,
        stemFilesVersion: state.stemFilesVersion + 1,
        failedStems: [],
        errorNotice: null,
        sidePanel: DEFAULT_SIDE_PANEL,
      });
      if (session.view !== undefined) get().loadView(session.view);
      void state.reloadEngine();
    },
    loadView(view) {
      const state = get();
      state.setMonitorRoom(view.monitor.room ?? null);
      state.setMonitorOutput(view.monitor.outputId);
      state.setMonoLaw(view.monitor.monoLaw);
      state.setDownmixLevels(view.monitor.downmixLevels ?? DEFAULT_DOWNMIX_LEVEL_SETTINGS);
      state.selectSource(view.selectedSourceId);
      state.setSidePanel(view.sidePanel);
      if (view.defaulted !== undefined) state.showNotice({ tone: 'warning', title: 'Session view: settings set to their defaults', lines: [...view.defaulted] });
    },
    openMaster(master) {
      let parsed: ParsedScene;
      try {
        parsed = parseSceneJson(master.sceneText, `${master.name}.scene.json`);
      } catch (error) {
        get().showError(errorLines(error).join('\n'));
        return false;
      }
      get().loadSession(newSessionId(), { scene: parsed.scene, sceneName: safeSceneName(master.name), stemFiles: master.stemFiles });
      if (master.warnings.length > 0) get().showNotice({ tone: 'warning', title: `${master.name}: imported with notes`, lines: [...master.warnings] });
      return true;
    },
    newSession() {
      get().loadSession(newSessionId(), { scene: context.demoScene, sceneName: DEMO_SCENE_NAME, stemFiles: new Map() });
    },
  };
}
