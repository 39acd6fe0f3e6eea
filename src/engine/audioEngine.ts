import type { SourceParams } from '../core/scene/sourceParams';
import type { HeadOrientation } from '../core/orientation';
import type { MonitorSoloBand } from '../core/monitorSoloBand';
import type { MonoLaw } from '../core/monoLaw';
import type { Scene, SceneSource } from '../core/scene/scene';
import type { MidSideSettings } from '../core/scene/midSideSettings';
import type { MonitorRoom } from '../core/outputs/monitorOutputs';
import type { DownmixLevelSettings } from '../core/outputs/downmixLevelSettings';
import type { StudioOutputId } from '../core/outputs/studioOutputs';
import type { OutputFile } from '../core/outputs/renderedOutput';
import type { PcmSampleFormat } from '../core/pcm';
import type { SpeakerGainValues } from '../render/buses/outputGains';
import type { LiveGoniometer, LiveMeters } from '../render/realtime/liveMeterReader';
import type { AnalysedFormat, MonoAnalysis } from '../core/monoAnalysis/monoAnalysisTypes';
import type { DeliveryCheckResult } from './deliveryProtocol';

export type { DeliveryCheckResult };

export type { LiveGoniometer, LiveMeters };

/**
 * What the studio monitors: one of the monitor's choices (core/outputs/monitorOutputs.ts:
 * binaural, stereo, mono, a layout, a layout on headphones, a layout's downmix), and the
 * mono law of the mono downmixes and of the meters' mono readings.
 */
export interface MonitorSettings {
  readonly outputId: string;
  readonly monoLaw: MonoLaw;
  /** The room layout loaded in the monitor selector (its outputs' ids: ROOM_OUTPUT_ID, ROOM_HEADPHONES_ID); absent: none. */
  readonly room?: MonitorRoom;
  /**
   * The session's Lo/Ro and Lt/Rt centre and surround levels, heard in the monitored
   * downmixes and written in the exported ones (as render's --loro-centre ...); absent: -3 dB each.
   */
  readonly downmixLevels?: DownmixLevelSettings;
}

/**
 * What is heard (and metered live) after the monitor selection; never part of an export.
 * midSide: both channels play the mid (M/sqrt2) or the side (S/sqrt2), or stereo as is.
 * band: both channels band-passed between lowerHz and upperHz (0 < lowerHz < upperHz), or null.
 */
export interface MonitorSolo {
  readonly midSide: 'stereo' | 'mid' | 'side';
  readonly band: MonitorSoloBand | null;
}

export interface MeterSettings {
  /** Integration time of the correlation and multiband meters, seconds (0.3, 1 or 3 in the studio). */
  readonly integrationSec: number;
}

/** Parameters of one source that change while playing (reach the renderer at block boundaries, smoothed). */
export type SourceParamsUpdate = Readonly<SourceParams>;

/**
 * Audio files the user gave for file stems, by file name (the last part of a scene's
 * `stem.file`): dropped or picked files, or relinked ones.
 */
export type StemFiles = ReadonlyMap<string, Blob>;

/** What loading a scene, or adding sources, found. */
export interface SceneLoadReport {
  /** Sources whose stem file was not among the files given (they play silence until relinked). */
  readonly missing: readonly { readonly sourceId: string; readonly file: string }[];
  /** Sources whose stem could not be read, with the reason. */
  readonly failed: readonly { readonly sourceId: string; readonly message: string }[];
  /** Channel count of each source's stem (1 or 2) and each bed's, by id. */
  readonly stemChannels: Readonly<Record<string, number>>;
  /** Length of a full render of every source the engine has, in seconds (longest stem plus the filter tail). */
  readonly lengthSec: number;
}

/** What an export writes: which outputs, in which sample format, and the files' base name (`<baseName>.<output id>.wav`). */
export interface ExportRequest {
  /** The studio's outputs (binaural, stereo, mono), and any other output the monitor offers (a layout, a layout on headphones, a downmix: core/outputs/monitorOutputs.ts). */
  readonly outputIds: readonly (StudioOutputId | string)[];
  readonly sampleFormat: PcmSampleFormat;
  readonly baseName: string;
}

export interface ExportOptions {
  /**
   * Render the full mix, as if no source were soloed, without changing the scene (solo is
   * a scene field, and a soloed source silences the others in an export too). Default
   * false: the export is as soloed. Mutes always count: they are part of the mix.
   */
  readonly ignoreSolos?: boolean;
  /** Called with the fraction done (0..1) while rendering. */
  readonly onProgress?: (fraction: number) => void;
  /** Aborting rejects the export with an AbortError and stops rendering. */
  readonly signal?: AbortSignal;
}

export interface MonoAnalysisOptions {
  readonly format: AnalysedFormat;
  /** The scene to analyse (the store's, as edited), with the stems the engine has loaded for its sources. */
  readonly scene: Scene;
  /** Called with the fraction done (0..1) while analysing. */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

export interface DeliveryCheckOptions {
  /** The scene to check (the store's, as edited), with the stems the engine has loaded for its sources and beds. */
  readonly scene: Scene;
  /** Called with the fraction done (0..1) while rendering. */
  readonly onProgress?: (fraction: number) => void;
  /** Aborting rejects with an AbortError and stops the check. */
  readonly signal?: AbortSignal;
}

/** An ADM BWF file imported as a scene (AudioEngine.importAdmMaster). */
export interface ImportedMaster {
  /** The scene's name: the file's, without its extension. */
  readonly name: string;
  /** The scene file's text (format version 2), as `npm run scene:from-adm` writes it. */
  readonly sceneText: string;
  /** Its stems: 32-bit float WAV files of the master's tracks, by the file name the scene refers to. */
  readonly stemFiles: ReadonlyMap<string, Blob>;
  /** What the importer noted (a second programme not imported, speakers of no layout made objects), each naming the file. */
  readonly warnings: readonly string[];
}

/** Levels reported by the renderer at a throttled rate (about 30 per second). */
export interface MeterFrame {
  /** Output peak per channel of the monitored format, linear (1 = 0 dBFS). */
  readonly outputPeak: readonly number[];
  /** Per source id: the source's peak level before panning, linear. */
  readonly sourcePeak: ReadonlyMap<string, number>;
}

export interface PlayheadFrame {
  readonly positionSec: number;
  readonly playing: boolean;
}

export type EngineStatus = 'needs-gesture' | 'starting' | 'ready' | 'failed';

/**
 * The one interface the UI and the store use to make sound. The Web Audio implementation
 * runs the object renderer in an AudioWorklet; the UI never touches an AudioNode.
 */
/** A stem file decoded before a source is made of it (AudioEngine.prepareStemFile). */
export interface PreparedStemFile {
  /** 1 or 2: a source's stem; more: a bed's. */
  readonly channelCount: number;
  /** WAVE_FORMAT_EXTENSIBLE dwChannelMask, when the file has one: which loudspeaker each channel feeds. */
  readonly channelMask?: number;
  /** Each names the file: what was read despite a fault in the file. */
  readonly warnings: readonly string[];
}

export interface AudioEngine {
  readonly status: EngineStatus;
  /** Creates or resumes the AudioContext; call from a user gesture. */
  start(): Promise<void>;
  /**
   * Replaces every source (opening a scene, a new session, relinked stems, and once audio
   * has started). Generator stems are synthesised and file stems decoded and resampled off
   * the audio thread (files already loaded are reused); the playhead and the transport
   * state are kept. The engine keeps the stems by source id, not the scene: the store's
   * scene is the only one, and what changes in it reaches the engine as the calls below.
   */
  loadScene(scene: Scene, stemFiles: StemFiles): Promise<SceneLoadReport>;
  /**
   * Adds sources to what is playing, their stems prepared off the audio thread: they fade
   * in, nothing else restarts. Parameters changed while a stem loads are sent after it
   * (updateSource before the source is in is not heard; the store re-sends them).
   */
  addSources(sources: readonly SceneSource[], stemFiles: StemFiles): Promise<SceneLoadReport>;
  /**
   * Decodes a stem file (off the audio thread, at the session's rate) before a source is
   * made of it, and keeps the result for the addSources that follows under `fileName`.
   * Resolves with its channel count (1 or 2 for a source, more for a bed), its channel mask
   * and what its reader found wrong but read anyway (a WAV cut short); rejects, naming the
   * file and what was wrong, for a file that cannot be decoded or is empty.
   */
  prepareStemFile(file: Blob, fileName: string): Promise<PreparedStemFile>;
  /** Removes a source: it fades out over one block, nothing else restarts. Unknown ids are ignored. */
  removeSource(sourceId: string): void;
  /**
   * Renders `scene` (the store's, as edited: what is heard) with the loaded stems,
   * offline with the same AudioWorklet renderer (OfflineAudioContext), so the export
   * equals what was heard (the monitor settings are not part of it), and encodes one WAV
   * file per output (io/outputFiles.ts). Rejects naming a source whose stem is not loaded.
   */
  exportMix(scene: Scene, request: ExportRequest, options?: ExportOptions): Promise<OutputFile[]>;
  /**
   * Renders `scene` (with the loaded stems; beds on their BS.2094 packs) as an ADM BWF
   * master, `<baseName>.adm.wav`, with the command line's exporter (`--format adm`:
   * adm/admMasterFile.ts) off the page's thread. Rejects naming the scene for a rate other
   * than 48 kHz and naming the counts beyond 118 objects or 128 channels.
   */
  exportAdmMaster(scene: Scene, baseName: string, options?: ExportOptions): Promise<OutputFile>;
  /**
   * Imports an ADM BWF file with the command line's importer (adm/admToScene.ts) off the
   * page's thread. Rejects with the importer's message (naming the file and what is wrong)
   * for a file it refuses.
   */
  importAdmMaster(file: Blob, fileName: string): Promise<ImportedMaster>;
  /** Whether a WAV file is an ADM BWF file (it has `axml` and `chna` chunks); reads only its chunk headers. */
  isAdmMaster(file: Blob): Promise<boolean>;
  /**
   * Analyses the mono compatibility of `options.scene` (with the loaded stems of its
   * sources, the HRTF set at the scene's rate, the monitor's mono law) off the page's
   * thread, naming the sources that cause mono loss. Aborting rejects with an AbortError
   * and stops the analysis; progress comes at least every 5 %.
   */
  analyzeMono(options: MonoAnalysisOptions): Promise<MonoAnalysis>;
  /**
   * The Atmos music delivery check (core/delivery/atmosMusicDelivery.ts) of `options.scene`
   * as its ADM export (exportAdmMaster) would write it: the facts `npm run analyze --
   * scene.json --delivery atmos-music` gathers (render/delivery: 7.1.4 and its 5.1 downmix
   * with the beds, their loudness and true peak, the LFE's band limit, empty objects,
   * render modes, counts, the rate), in a worker of its own off the page's thread.
   * Rejects naming a source whose stem is not loaded.
   */
  checkDelivery(options: DeliveryCheckOptions): Promise<DeliveryCheckResult>;
  /** Starts the analysis workers ahead of a check so the first one does not wait for them to load; cheap to call again. */
  prepareMonoAnalysis(): void;
  play(): void;
  pause(): void;
  /** Pauses and returns to the start (or the loop start). */
  stop(): void;
  seek(positionSec: number): void;
  /** Loops [startSec, endSec) while playing; null turns looping off. */
  setLoop(region: { readonly startSec: number; readonly endSec: number } | null): void;
  updateSource(sourceId: string, params: SourceParamsUpdate): void;
  /** The scene rotation (the scene's `listener`, core/scene/sceneRotation.ts): a mix parameter, heard at once (gliding) and part of exports. */
  setListener(orientation: HeadOrientation): void;
  /**
   * Where the engineer's head points while monitoring (the yaw control now, head tracking
   * later), heard after the scene rotation; live only, never part of an export.
   */
  setMonitorHead(orientation: HeadOrientation): void;
  /** The master's mid/side (stereo fold-down and binaural), heard at once (gliding) and part of exports. */
  setMasterMidSide(settings: MidSideSettings): void;
  /**
   * Returns true when the caller must reload the scene (loadScene) for the monitored output
   * to be heard; false when it is heard at once. The Web Audio engine always answers false:
   * a layout, its headphone rendering or downmix that needs buses the worklet does not run
   * yet is added to the running renderer between blocks ('outputs' message).
   */
  setMonitor(settings: MonitorSettings): boolean;
  /** Channels the audio device plays (its destination's maxChannelCount, at most 24); null before the AudioContext exists (the device is not known yet). */
  outputChannelCount(): number | null;
  /** Live monitoring only: one monitored loudspeaker (by label) heard alone, or null for all. */
  setSpeakerSolo(label: string | null): void;
  /**
   * The gain of an object heard from head-relative unit direction (x right, y front, z up),
   * with its ADM values (extent, diffuse, channel lock, divergence, zone exclusion; a
   * Cartesian one's X, Y, Z), in each loudspeaker of the monitor choice `outputId`
   * (core/outputs/monitoredSpeakers.ts order): BS.2127's object gains, direct and diffuse
   * by power (render/buses/outputGains.ts), or null for binaural.
   */
  speakerGains(outputId: string, direction: { readonly x: number; readonly y: number; readonly z: number }, values: SpeakerGainValues): readonly number[] | null;
  /** Throws a RangeError naming the field when the band's edges are not 0 < lowerHz < upperHz. */
  setMonitorSolo(solo: MonitorSolo): void;
  /** Throws a RangeError when integrationSec is not a positive number of seconds (at most 60). */
  setMeterSettings(settings: MeterSettings): void;
  /** Restarts the loudness measurement (integrated, LRA, maxima, true-peak hold). */
  resetLoudness(): void;
  /**
   * The studio meters of the monitored output, for a per-animation-frame loop: the same
   * object every call, refreshed from shared memory (see LiveMeters: its band arrays are
   * live views that change under the reader). Null before audio has started.
   */
  readMeters(): LiveMeters | null;
  /** The goniometer's point ring in shared memory (live views), or null before audio has started. */
  readGoniometer(): LiveGoniometer | null;
  /** Subscriptions return an unsubscribe function. */
  onPlayhead(listener: (frame: PlayheadFrame) => void): () => void;
  onMeters(listener: (frame: MeterFrame) => void): () => void;
  onStatus(listener: (status: EngineStatus, message?: string) => void): () => void;
  dispose(): Promise<void>;
}
