import { withCartesianPosition, withPolarPosition } from '../../core/scene/cartesianPosition';
import type { MidSideSettingsPatch } from '../../core/scene/midSideSettings';
import { SCENE_FORMAT_VERSION } from '../../core/scene/scene';
import type { Scene, SceneSource, SceneStrip } from '../../core/scene/scene';
import { AMBISONIC_LIMITS } from '../../core/scene/ambisonicStem';
import type { AmbisonicChannelOrder, AmbisonicNormalization } from '../../core/scene/ambisonicStem';
import { bedChannelsInFileOrder } from '../../core/scene/bedRouting';
import type { LayoutName } from '../../core/layouts';
import { listenerYawForSceneRotation } from '../../core/scene/sceneRotation';
import type { Decibels, Degrees } from '../../core/units';
import { EMPTY_HISTORY, commitSceneEdit } from './historySlice';
import {
  cartesianPositionWith,
  clampGainDb,
  clampSpreadDeg,
  findAmbisonics,
  findBed,
  isFiniteNumber,
  isSceneColor,
  isSelectable,
  midSideWith,
  cartesianPositionNudged,
  positionNudged,
  positionWith,
  sanitizeSource,
  sceneWithMasterMidSide,
  sourceWithExtent,
  sourceWithMidSide,
  withAmbisonics,
  withBed,
  withSource,
} from '../sceneEdits';
import type { CartesianPositionPatch, ExtentPatch, PositionPatch } from '../sceneEdits';
import type { GetStudioState, SetStudioState, StudioContext } from '../studioContext';

/**
 * The scene being mixed and its edits. Every edit is immutable (a new Scene, untouched
 * sources shared), validated (values wrapped or clamped into SCENE_LIMITS, non-finite
 * numbers and unknown ids ignored), recorded for undo, and forwarded to the engine.
 */
export interface SceneSlice {
  readonly scene: Scene;
  /**
   * Channel count of each source's decoded stem (1 mono, 2 stereo), set when stems are
   * loaded; a source missing here has no stem loaded yet. Spread applies to stereo only.
   */
  readonly stemChannels: Readonly<Record<string, number>>;
  /** Sets the given position fields (absolute): azimuth wraps into (-180, 180], elevation and distance clamp. */
  moveSource(id: string, position: PositionPatch): void;
  /** A Cartesian object's ADM X, Y, Z (the given fields, each clamped into [-1, 1]); it stays Cartesian. A polar source is left as it is. */
  moveCartesianSource(id: string, position: CartesianPositionPatch): void;
  /** A keyboard nudge: adds the given amounts to the position, then wraps and clamps; a Cartesian object stays Cartesian and steps along the room's axes instead (cartesianPositionNudged). */
  nudgeSource(id: string, delta: PositionPatch): void;
  /** Gain, mute and solo of a source, a bed or an HOA stem (by id). */
  setGain(id: string, gainDb: Decibels): void;
  toggleMute(id: string): void;
  toggleSolo(id: string): void;
  /** Routes a bed's channels to another layout of as many channels, in its file order (a file without a channel mask). */
  setBedLayout(id: string, layout: LayoutName): void;
  /** Reads an HOA stem's channels in another format (a file that does not say: AmbiX or FuMa); refused (nothing changes) where the format does not reach its order. */
  setAmbisonicFormat(id: string, normalization: AmbisonicNormalization, channelOrder: AmbisonicChannelOrder): void;
  setSpread(id: string, spreadDeg: Degrees): void;
  /** Sets the given extent fields (ADM width, height, depth), clamped into the source's extentLimits; non-finite numbers ignored. */
  setExtent(id: string, patch: ExtentPatch): void;
  /** Sets the given mid/side fields of a source (clamped into MID_SIDE_LIMITS; non-finite numbers ignored). */
  setSourceMidSide(id: string, patch: MidSideSettingsPatch): void;
  /** Puts a source's mid/side back to the defaults (neutral). */
  resetSourceMidSide(id: string): void;
  /** Sets the given fields of the master's mid/side (stereo fold-down and binaural), as setSourceMidSide. */
  setMasterMidSide(patch: MidSideSettingsPatch): void;
  resetMasterMidSide(): void;
  /** Sets the display colour; anything but "#rrggbb" is ignored. */
  setColor(id: string, color: string): void;
  /** Renames (trimmed); an empty name is ignored. */
  rename(id: string, name: string): void;
  /** Removes a source, a bed or an HOA stem. */
  removeSource(id: string): void;
  /**
   * Adds a source (brought into the limits); returns false, changing nothing, for a
   * duplicate or empty id. `channels` records its stem's channel count.
   */
  addSource(source: SceneSource, channels?: number): boolean;
  /**
   * Sets the scene rotation, a mix parameter (degrees, positive turns the scene to the
   * left, wrapped into (-180, 180]; stored as the listener's yaw, core/scene/sceneRotation.ts).
   * Not the monitor head, which only turns what is heard (MonitorHeadSlice).
   */
  setSceneRotation(rotationDeg: Degrees): void;
  /**
   * Replaces the whole scene (a file opened, a session restored): clears undo history and
   * a selection that no longer exists, and replaces stemChannels when given. It does not
   * call the engine: whoever holds the stems calls engine.loadScene(scene, stems).
   */
  replaceScene(scene: Scene, stemChannels?: Readonly<Record<string, number>>): void;
  /** Records stem channel counts (merged into stemChannels), e.g. when stems finish decoding. */
  setStemChannels(channels: Readonly<Record<string, number>>): void;
}

/** A scene with no sources, facing front, at 48 kHz. */
export const EMPTY_SCENE: Scene = {
  version: SCENE_FORMAT_VERSION,
  sampleRateHz: 48000,
  listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
  sources: [],
};

export function createSceneSlice(
  set: SetStudioState,
  get: GetStudioState,
  context: StudioContext,
  initial: { scene: Scene; stemChannels: Readonly<Record<string, number>> },
): SceneSlice {
  const edit = (next: Scene): void => commitSceneEdit(set, get, context, next);
  const editSource = (id: string, update: (source: SceneSource) => SceneSource): void =>
    edit(withSource(get().scene, id, update));
  /** Gain, mute and solo are the mixer's: they act on a source, a bed or an HOA stem, by id. */
  const editChannels = (id: string, update: <T extends SceneStrip>(item: T) => T): void => {
    const scene = get().scene;
    if (findBed(scene, id) !== undefined) edit(withBed(scene, id, update));
    else if (findAmbisonics(scene, id) !== undefined) edit(withAmbisonics(scene, id, update));
    else edit(withSource(scene, id, update));
  };

  return {
    scene: initial.scene,
    stemChannels: initial.stemChannels,
    moveSource(id, position) {
      editSource(id, (s) => {
        const next = positionWith(s.position, position);
        return next === s.position ? s : withPolarPosition(s, next);
      });
    },
    moveCartesianSource(id, position) {
      editSource(id, (s) => {
        if (s.cartesianPosition === undefined) return s;
        const next = cartesianPositionWith(s.cartesianPosition, position);
        return next === s.cartesianPosition ? s : withCartesianPosition(s, next);
      });
    },
    nudgeSource(id, delta) {
      editSource(id, (s) => {
        if (s.cartesianPosition !== undefined) {
          const moved = cartesianPositionNudged(s.cartesianPosition, delta);
          return moved === s.cartesianPosition ? s : withCartesianPosition(s, moved);
        }
        const next = positionNudged(s.position, delta);
        return next === s.position ? s : withPolarPosition(s, next);
      });
    },
    setGain(id, gainDb) {
      if (!isFiniteNumber(gainDb)) return;
      const value = clampGainDb(gainDb);
      editChannels(id, (s) => (s.gainDb === value ? s : { ...s, gainDb: value }));
    },
    toggleMute(id) {
      editChannels(id, (s) => ({ ...s, mute: !s.mute }));
    },
    toggleSolo(id) {
      editChannels(id, (s) => ({ ...s, solo: !s.solo }));
    },
    setBedLayout(id, layout) {
      const bed = findBed(get().scene, id);
      if (bed === undefined || bed.layout === layout) return;
      const channels = bedChannelsInFileOrder(layout);
      if (channels.length !== bed.channels.length) return;
      edit(withBed(get().scene, id, (b) => ({ ...b, layout, channels })));
    },
    setAmbisonicFormat(id, normalization, channelOrder) {
      const hoa = findAmbisonics(get().scene, id);
      if (hoa === undefined || (hoa.normalization === normalization && hoa.channelOrder === channelOrder)) return;
      const fuMa = normalization === 'FuMa' || channelOrder === 'FuMa';
      if (fuMa && hoa.order > AMBISONIC_LIMITS.fuMaMaxOrder) return;
      edit(withAmbisonics(get().scene, id, (a) => ({ ...a, normalization, channelOrder })));
    },
    setSpread(id, spreadDeg) {
      if (!isFiniteNumber(spreadDeg)) return;
      const value = clampSpreadDeg(spreadDeg);
      editSource(id, (s) => (s.spreadDeg === value ? s : { ...s, spreadDeg: value }));
    },
    setExtent(id, patch) {
      editSource(id, (s) => sourceWithExtent(s, patch));
    },
    setSourceMidSide(id, patch) {
      editSource(id, (s) => sourceWithMidSide(s, midSideWith(s.midSide, patch)));
    },
    resetSourceMidSide(id) {
      editSource(id, (s) => sourceWithMidSide(s, undefined));
    },
    setMasterMidSide(patch) {
      const { scene } = get();
      edit(sceneWithMasterMidSide(scene, midSideWith(scene.master?.midSide, patch)));
    },
    resetMasterMidSide() {
      edit(sceneWithMasterMidSide(get().scene, undefined));
    },
    setColor(id, color) {
      if (!isSceneColor(color)) return;
      const value = color.toLowerCase();
      editSource(id, (s) => (s.color === value ? s : { ...s, color: value }));
    },
    rename(id, name) {
      const value = name.trim();
      if (value === '') return;
      editSource(id, (s) => (s.name === value ? s : { ...s, name: value }));
    },
    removeSource(id) {
      const { scene } = get();
      if (findBed(scene, id) !== undefined) {
        const beds = scene.beds!.filter((b) => b.id !== id);
        const { beds: _removed, ...rest } = scene;
        edit(beds.length === 0 ? rest : { ...rest, beds });
        return;
      }
      if (findAmbisonics(scene, id) !== undefined) {
        const ambisonics = scene.ambisonics!.filter((a) => a.id !== id);
        const { ambisonics: _removed, ...rest } = scene;
        edit(ambisonics.length === 0 ? rest : { ...rest, ambisonics });
        return;
      }
      if (!scene.sources.some((s) => s.id === id)) return;
      edit({ ...scene, sources: scene.sources.filter((s) => s.id !== id) });
    },
    addSource(source, channels) {
      const clean = sanitizeSource(source);
      const { scene, stemChannels } = get();
      if (clean === null || scene.sources.some((s) => s.id === clean.id)) return false;
      if (channels !== undefined && Number.isInteger(channels) && channels > 0) {
        set({ stemChannels: { ...stemChannels, [clean.id]: channels } });
      }
      edit({ ...scene, sources: [...scene.sources, clean] });
      return true;
    },
    setSceneRotation(rotationDeg) {
      if (!isFiniteNumber(rotationDeg)) return;
      const value = listenerYawForSceneRotation(rotationDeg);
      const { scene } = get();
      if (scene.listener.yawDeg === value) return;
      edit({ ...scene, listener: { ...scene.listener, yawDeg: value } });
    },
    replaceScene(scene, stemChannels) {
      const { selectedSourceId } = get();
      const keepSelection = selectedSourceId !== null && isSelectable(scene, selectedSourceId);
      set({
        scene,
        history: EMPTY_HISTORY,
        selectedSourceId: keepSelection ? selectedSourceId : null,
        ...(stemChannels === undefined ? {} : { stemChannels }),
      });
    },
    setStemChannels(channels) {
      set({ stemChannels: { ...get().stemChannels, ...channels } });
    },
  };
}
