import type { MeterFrame, PlayheadFrame } from '../../engine/audioEngine';
import type { Seconds } from '../../core/units';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';

export interface LoopState {
  readonly enabled: boolean;
  readonly startSec: Seconds;
  readonly endSec: Seconds;
}

export interface TransportState {
  readonly playing: boolean;
  /** The playhead, mirrored from the engine at a low rate (see PLAYHEAD_MIRROR_STEP_SEC); read `live` for the exact value. */
  readonly positionSec: Seconds;
  /** Length of the session (the longest stem); 0 until stems are loaded. */
  readonly durationSec: Seconds;
  readonly loop: LoopState;
}

/**
 * Values that change faster than React should re-render: mutated in place by the engine
 * subscriptions, never replaced, and never notifying subscribers. Read them with
 * `store.getState().live` inside requestAnimationFrame or useFrame loops.
 */
export interface LiveValues {
  /** The engine's latest playhead. */
  positionSec: Seconds;
  /** The engine's latest meter frame, or null before the first. */
  meters: MeterFrame | null;
}

export interface TransportSlice {
  readonly transport: TransportState;
  readonly live: LiveValues;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Pauses and returns to the start, or to the loop start when looping. */
  stop(): void;
  /** Moves the playhead, clamped to [0, durationSec] (to >= 0 while the duration is unknown). */
  seek(positionSec: Seconds): void;
  /** Turns looping of the loop region on or off. */
  toggleLoop(): void;
  /** Sets the loop region; ignored unless 0 <= start < end. */
  setLoopRegion(startSec: Seconds, endSec: Seconds): void;
  /** Records the session length (the stem loader calls this); an unset loop region becomes the whole session. */
  setDurationSec(durationSec: Seconds): void;
}

/** The store's playhead follows the engine in steps of at least this much (the exact value is in `live`). */
const PLAYHEAD_MIRROR_STEP_SEC = 0.25;

/**
 * For this long after the store tells the engine to play, pause or stop, playhead frames
 * that still show the previous state (sent before the engine acted) do not flip the
 * transport back. After it, the engine's word wins (e.g. it stops at the end).
 */
export const TRANSPORT_SETTLE_MS = 500;

const INITIAL_TRANSPORT: TransportState = {
  playing: false,
  positionSec: 0,
  durationSec: 0,
  loop: { enabled: false, startSec: 0, endSec: 0 },
};

export function createTransportSlice(set: SetStudioState, get: GetStudioState, context: StudioContext): TransportSlice {
  const { engine } = context;
  const commanded = (): void => {
    context.transportCommand.atMs = context.nowMs();
  };
  const setTransport = (patch: Partial<TransportState>): void => set({ transport: { ...get().transport, ...patch } });
  const sendLoop = (loop: LoopState): void => {
    engine?.setLoop(loop.enabled && loop.endSec > loop.startSec ? { startSec: loop.startSec, endSec: loop.endSec } : null);
  };
  return {
    transport: INITIAL_TRANSPORT,
    live: { positionSec: 0, meters: null },
    play() {
      if (get().transport.playing) return;
      setTransport({ playing: true });
      commanded();
      engine?.play();
    },
    pause() {
      if (!get().transport.playing) return;
      setTransport({ playing: false, positionSec: get().live.positionSec });
      commanded();
      engine?.pause();
    },
    togglePlay() {
      if (get().transport.playing) get().pause();
      else get().play();
    },
    stop() {
      const { loop } = get().transport;
      const positionSec = loop.enabled && loop.endSec > loop.startSec ? loop.startSec : 0;
      get().live.positionSec = positionSec;
      setTransport({ playing: false, positionSec });
      commanded();
      engine?.stop();
    },
    seek(positionSec) {
      if (!Number.isFinite(positionSec)) return;
      const { durationSec } = get().transport;
      const clamped = Math.max(0, durationSec > 0 ? Math.min(durationSec, positionSec) : positionSec);
      get().live.positionSec = clamped;
      setTransport({ positionSec: clamped });
      engine?.seek(clamped);
    },
    toggleLoop() {
      const { loop, durationSec } = get().transport;
      const region = loop.endSec > loop.startSec ? loop : { ...loop, startSec: 0, endSec: durationSec };
      const next = { ...region, enabled: !loop.enabled };
      setTransport({ loop: next });
      sendLoop(next);
    },
    setLoopRegion(startSec, endSec) {
      if (!Number.isFinite(startSec) || !Number.isFinite(endSec) || startSec < 0 || endSec <= startSec) return;
      const next = { ...get().transport.loop, startSec, endSec };
      setTransport({ loop: next });
      if (next.enabled) sendLoop(next);
    },
    setDurationSec(durationSec) {
      if (!Number.isFinite(durationSec) || durationSec < 0) return;
      const { loop } = get().transport;
      const unsetLoop = loop.endSec <= loop.startSec;
      setTransport({ durationSec, ...(unsetLoop ? { loop: { ...loop, startSec: 0, endSec: durationSec } } : {}) });
    },
  };
}

/**
 * Engine playhead frame -> live value always; store state only on a play/pause change or
 * a step of PLAYHEAD_MIRROR_STEP_SEC. A play/pause change within TRANSPORT_SETTLE_MS of
 * the store's own command is the engine not having caught up yet, and is ignored.
 */
export function receivePlayhead(set: SetStudioState, get: GetStudioState, context: StudioContext, frame: PlayheadFrame): void {
  const state = get();
  state.live.positionSec = frame.positionSec;
  const { transport } = state;
  const settling = context.nowMs() - context.transportCommand.atMs < TRANSPORT_SETTLE_MS;
  const playing = settling ? transport.playing : frame.playing;
  const moved = Math.abs(frame.positionSec - transport.positionSec) >= PLAYHEAD_MIRROR_STEP_SEC;
  if (playing !== transport.playing || moved) {
    set({ transport: { ...transport, playing, positionSec: frame.positionSec } });
  }
}

export function receiveMeters(get: GetStudioState, frame: MeterFrame): void {
  get().live.meters = frame;
}
