import type { OutputFile } from '../../core/outputs/renderedOutput';
import type { AudioEngine, EngineStatus, ExportOptions, ExportRequest, ImportedMaster } from '../../engine/audioEngine';
import { errorLines } from '../errorLines';
import type { EngineReloader } from '../engineReloader';
import { midSideOrDefault } from '../../core/scene/midSideSettings';
import { sourceParamsOf } from '../../core/scene/sourceParams';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';

/** 'none': the studio runs without audio (no engine given: tests, or no Web Audio). */
export type StudioEngineStatus = EngineStatus | 'none';

export interface EngineSlice {
  /**
   * The engine, for the UI's fast-value subscriptions (onMeters to schedule a redraw) and
   * nothing else: every change of sound goes through the store's actions. Null without audio.
   */
  readonly engine: AudioEngine | null;
  readonly engineStatus: StudioEngineStatus;
  /** The engine's message with its last status (why it failed), if any. */
  readonly engineMessage: string | null;
  /** Starts the audio (creates or resumes the AudioContext); call from a user gesture. Never rejects. */
  startAudio(): Promise<void>;
  /**
   * Sends the engine every parameter the store controls (each source, the scene rotation,
   * the master's mid/side, the monitor, its solo, the monitor head, the meter settings, the
   * loop, and play if the transport is playing). The store does it when the engine becomes
   * ready; a loader calls it after engine.loadScene, so edits made while stems were loading
   * are not lost.
   */
  resyncEngine(): void;
  /**
   * Exports the session (AudioEngine.exportMix: renders the outputs asked for offline and
   * encodes their files) once stems still loading are in; options.ignoreSolos renders the
   * full mix and leaves the scene as it is. Rejects without an engine, and with an
   * AbortError when aborted.
   */
  exportMix(request: ExportRequest, options: ExportOptions): Promise<OutputFile[]>;
  /**
   * Exports the session as an ADM BWF master, `<sceneName>.adm.wav` (AudioEngine.exportAdmMaster:
   * the command line's `--format adm`), once stems still loading are in. Rejects without an
   * engine, for a scene the exporter refuses (another rate than 48 kHz, too many objects).
   */
  exportAdmMaster(options: ExportOptions): Promise<OutputFile>;
  /**
   * Imports an ADM BWF file (AudioEngine.importAdmMaster) for openMaster; a file the
   * importer refuses shows its message in the error banner and resolves null.
   */
  importMaster(file: Blob, fileName: string): Promise<ImportedMaster | null>;
  /** Whether `file` is an ADM BWF master (axml and chna chunks); false without an engine. */
  isAdmMaster(file: Blob): Promise<boolean>;
}

export function createEngineSlice(set: SetStudioState, get: GetStudioState, context: StudioContext, reloader: EngineReloader): EngineSlice {
  const { engine } = context;
  return {
    engine,
    engineStatus: engine === null ? 'none' : engine.status,
    engineMessage: null,
    async startAudio() {
      if (engine === null || engine.status === 'ready' || engine.status === 'starting') return;
      try {
        await engine.start();
        if (get().engineStatus !== engine.status) set({ engineStatus: engine.status });
      } catch (error) {
        set({ engineStatus: 'failed', engineMessage: error instanceof Error ? error.message : String(error) });
      }
    },
    resyncEngine() {
      if (engine === null) return;
      const state = get();
      for (const source of state.scene.sources) engine.updateSource(source.id, sourceParamsOf(source));
      const { yawDeg, pitchDeg, rollDeg } = state.scene.listener;
      engine.setListener({ yawDeg, pitchDeg, rollDeg });
      engine.setMasterMidSide(midSideOrDefault(state.scene.master?.midSide));
      engine.setMonitor(state.monitor);
      engine.setMonitorSolo(state.monitorSolo);
      engine.setSpeakerSolo(state.speakerSolo);
      engine.setMonitorHead(state.monitorHead);
      engine.setMeterSettings({ integrationSec: state.meterSettings.integrationSec });
      const { loop } = state.transport;
      engine.setLoop(loop.enabled && loop.endSec > loop.startSec ? { startSec: loop.startSec, endSec: loop.endSec } : null);
      if (state.transport.playing) {
        // Play was pressed before the engine could hear it (e.g. the press that started audio).
        context.transportCommand.atMs = context.nowMs();
        engine.play();
      }
    },
    async exportMix(request, options) {
      if (engine === null) throw new Error('exporting needs the audio engine, which this browser session does not have');
      await reloader.idle();
      return engine.exportMix(get().scene, request, options);
    },
    async exportAdmMaster(options) {
      if (engine === null) throw new Error('exporting needs the audio engine, which this browser session does not have');
      await reloader.idle();
      return engine.exportAdmMaster(get().scene, get().sceneName, options);
    },
    async importMaster(file, fileName) {
      if (engine === null) {
        get().showError(`${fileName}: opening an ADM BWF master needs the audio engine, which this browser session does not have`);
        return null;
      }
      try {
        return await engine.importAdmMaster(file, fileName);
      } catch (error) {
        const lines = errorLines(error);
        get().showError((lines[0]?.includes(fileName) === true ? lines : [`${fileName}: ${lines.join('\n')}`]).join('\n'));
        return null;
      }
    },
    async isAdmMaster(file) {
      return engine === null ? false : engine.isAdmMaster(file).catch(() => false);
    },
  };
}
