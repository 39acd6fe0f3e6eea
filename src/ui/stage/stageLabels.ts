import { Vector3 } from 'three';
import type { Camera } from 'three';
import type { Vec3 } from '../../core/threeAxes';
import { declutterLabels } from './labelDeclutter';
import type { LabelBox } from './labelDeclutter';

/** Where a label is anchored, in three.js coordinates, read at every frame; null hides it. */
export type LabelAnchor = () => Vec3 | null;

/**
 * A label that must not overlap the others of its kind (source names): it sits above its
 * anchor (its box spans the element's size, centred on x, ending at y), and `priority`
 * (read each frame; higher first, e.g. the selected source) decides who keeps its place.
 */
export interface DeclutterOptions {
  readonly priority: () => number;
}

/**
 * DOM labels over the stage (names, ring distances, azimuths), positioned by projecting
 * their 3D anchors once per rendered frame. Cheaper and simpler than one React root per
 * label: the labels are ordinary elements of the page, and only their transform changes.
 * Labels registered with DeclutterOptions are then moved apart vertically
 * (labelDeclutter.ts), so names never cover each other.
 */
export interface StageLabelRegistry {
  /** Adds a label element with its anchor; returns the removal function. */
  register(element: HTMLElement, anchor: LabelAnchor, declutter?: DeclutterOptions): () => void;
  /** Positions every label for `camera` on a canvas of `width` x `height` CSS pixels. */
  project(camera: Camera, width: number, height: number): void;
}

interface Entry {
  readonly anchor: LabelAnchor;
  readonly declutter: DeclutterOptions | undefined;
  x: number;
  y: number;
  visible: boolean;
}

export function createStageLabelRegistry(): StageLabelRegistry {
  const entries = new Map<HTMLElement, Entry>();
  const v = new Vector3();
  /** Where each label goes this frame, before the declutter pass moves source names. */
  const targets = new Map<HTMLElement, { x: number; y: number; visible: boolean }>();

  /** Vertical shifts of the visible declutter labels, by element. */
  const declutterShifts = (): Map<HTMLElement, number> => {
    const elements: HTMLElement[] = [];
    const boxes: LabelBox[] = [];
    const priorities: number[] = [];
    for (const [element, entry] of entries) {
      const target = targets.get(element);
      if (entry.declutter === undefined || target === undefined || !target.visible) continue;
      const labelWidth = element.offsetWidth;
      const labelHeight = element.offsetHeight;
      elements.push(element);
      boxes.push({ left: target.x - labelWidth / 2, top: target.y - labelHeight, width: labelWidth, height: labelHeight });
      priorities.push(entry.declutter.priority());
    }
    // Higher priority first, then lower on the screen (nearer the viewer) first, then registration order.
    const order = boxes.map((_, i) => i).sort((a, b) => priorities[b]! - priorities[a]! || boxes[b]!.top - boxes[a]!.top || a - b);
    const shifts = declutterLabels(boxes, order);
    return new Map(elements.map((element, i) => [element, shifts[i]!]));
  };

  return {
    register(element, anchor, declutter) {
      entries.set(element, { anchor, declutter, x: Number.NaN, y: Number.NaN, visible: true });
      element.style.visibility = 'hidden';
      return () => {
        entries.delete(element);
      };
    },
    project(camera, width, height) {
      camera.updateMatrixWorld();
      targets.clear();
      for (const [element, entry] of entries) {
        const at = entry.anchor();
        if (at === null) {
          targets.set(element, { x: entry.x, y: entry.y, visible: false });
          continue;
        }
        v.set(at.x, at.y, at.z).project(camera);
        targets.set(element, {
          x: Math.round(((v.x + 1) / 2) * width * 2) / 2,
          y: Math.round(((1 - v.y) / 2) * height * 2) / 2,
          visible: v.z > -1 && v.z < 1,
        });
      }
      const shifts = declutterShifts();
      for (const [element, entry] of entries) {
        const target = targets.get(element)!;
        const visible = target.visible;
        if (visible) {
          const x = target.x;
          const y = target.y + (shifts.get(element) ?? 0);
          if (x !== entry.x || y !== entry.y) {
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
