/** A label's box on screen, CSS pixels (top-left origin, y down). */
export interface LabelBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Space kept between two labels once moved apart. */
export const LABEL_GAP_PX = 2;

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/**
 * Moves labels apart vertically so that no two overlap, deterministically: labels are
 * placed one by one in `order` (most important first); each keeps its place if it is free,
 * else takes the free place nearest to it among "just above" or "just below" a placed
 * label it would meet (the gap LABEL_GAP_PX apart), up first on a tie. One of those is
 * always free (above the highest such label), so the result never overlaps. Returns each
 * box's vertical shift in pixels (negative: up), by index.
 */
export function declutterLabels(boxes: readonly LabelBox[], order: readonly number[]): number[] {
  const shifts = boxes.map(() => 0);
  const placed: LabelBox[] = [];
  for (const index of order) {
    const box = boxes[index];
    if (box === undefined) continue;
    const inColumn = placed.filter((p) => box.left < p.left + p.width && p.left < box.left + box.width);
    const candidates = [box.top];
    for (const p of inColumn) candidates.push(p.top - box.height - LABEL_GAP_PX, p.top + p.height + LABEL_GAP_PX);
    let best: LabelBox | null = null;
    for (const top of candidates) {
      const moved = { ...box, top };
      if (inColumn.some((p) => overlaps(moved, p))) continue;
      const distance = Math.abs(top - box.top);
      const bestDistance = best === null ? Infinity : Math.abs(best.top - box.top);
      if (distance < bestDistance || (distance === bestDistance && best !== null && top < best.top)) best = moved;
    }
    // Unreachable (the place above the highest label in the column is free); kept for the type.
    const chosen = best ?? box;
    shifts[index] = chosen.top - box.top;
    placed.push(chosen);
  }
  return shifts;
}
