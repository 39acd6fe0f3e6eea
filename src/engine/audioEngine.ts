import type { HeadOrientation } from '../core/orientation';
import type { Scene } from '../core/scene';

/** What the studio monitors: the binaural render, or a fold-down. */
export type MonitorFormat = 'binaural' | 'stereo' | 'mono';
export type MonitorMonoLaw = '-3dB' | '-6dB';

export interface MonitorSettings {
  readonly format: MonitorFormat;
  readonly monoLaw: MonitorMonoLaw;
}

/** Parameters of one source that change while playing (reach the renderer at block boundaries, smoothed). */
export interface SourceParamsUpdate {
  readonly gainDb: number;
  readonly mute: boolean;
  readonly solo: boolean;
  readonly azimuthDeg: number;
  readonly elevationDeg: number;
  readonly distanceM: number;
  readonly spreadDeg: number;
}

/** Decoded stems by source id, planar channels at the scene's sample rate. */
export type StemBuffers = ReadonlyMap<string, readonly Float32Array[]>;

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
export interface AudioEngine {
  readonly status: EngineStatus;
  /** Creates or resumes the AudioContext; call from a user gesture. */
  start(): Promise<void>;
  /** Replaces the scene and its stems (stems decoded and resampled off the audio thread). */
  loadScene(scene: Scene, stems: StemBuffers): Promise<void>;
  play(): void;
  pause(): void;
  /** Pauses and returns to the start (or the loop start). */
  stop(): void;
  seek(positionSec: number): void;
  /** Loops [startSec, endSec) while playing; null turns looping off. */
  setLoop(region: { readonly startSec: number; readonly endSec: number } | null): void;
  updateSource(sourceId: string, params: SourceParamsUpdate): void;
  setListener(orientation: HeadOrientation): void;
  setMonitor(settings: MonitorSettings): void;
  /** Subscriptions return an unsubscribe function. */
  onPlayhead(listener: (frame: PlayheadFrame) => void): () => void;
  onMeters(listener: (frame: MeterFrame) => void): () => void;
  onStatus(listener: (status: EngineStatus, message?: string) => void): () => void;
  dispose(): Promise<void>;
}
