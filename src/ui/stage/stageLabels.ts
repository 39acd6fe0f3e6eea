import { Vector3 } from 'three';
import type { Camera } from 'three';
import type { Vec3 } from '../../core/threeAxes';

/** Where a label is anchored, in three.js coordinates, read at every frame; null hides it. */
export type LabelAnchor = () => Vec3 | null;

/**
 * DOM labels over the stage (names, ring distances, azimuths), positioned by projecting
 * their 3D anchors once per rendered frame. Cheaper and simpler than one React root per
 * label: the labels are ordinary elements of the page, and only their transform changes.
 */
export interface StageLabelRegistry {
  /** Adds a label element with its anchor; returns the removal function. */
  register(element: HTMLElement, anchor: LabelAnchor): () => void;
  /** Positions every label for `camera` on a canvas of `width` x `height` CSS pixels. */
  project(camera: Camera, width: number, height: number): void;
}

interface Entry {
  readonly anchor: LabelAnchor;
  x: number;
  y: number;
  visible: boolean;
}

export function createStageLabelRegistry(): StageLabelRegistry {
  const entries = new Map<HTMLElement, Entry>();
  const v = new Vector3();
  return {
    register(element, anchor) {
      entries.set(element, { anchor, x: Number.NaN, y: Number.NaN, visible: true });
      element.style.visibility = 'hidden';
      return () => {
        entries.delete(element);
      };
    },
    project(camera, width, height) {
      camera.updateMatrixWorld();
      for (const [element, entry] of entries) {
        const at = entry.anchor();
        let visible = at !== null;
        if (at !== null) {
          v.set(at.x, at.y, at.z).project(camera);
          visible = v.z > -1 && v.z < 1;
          const x = Math.round(((v.x + 1) / 2) * width * 2) / 2;
          const y = Math.round(((1 - v.y) / 2) * height * 2) / 2;
          if (visible && (x !== entry.x || y !== entry.y)) {
            element.style.transform = `translate(${x}px, ${y}px)`;
            entry.x = x;
            entry.y = y;
          }
        }
        if (visible !== entry.visible || element.style.visibility === 'hidden') {
          element.style.visibility = visible ? 'visible' : 'hidden';
          entry.visible = visible;
        }
      }
    },
  };
}
