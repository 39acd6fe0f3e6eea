/**
 * What the engine keeps of the sources (the store keeps the scene): each source's
 * prepared stem by id, and its slot in the shared meter area. Slots of removed sources
 * are reused, so the area grows only with the number of sources at once.
 */
export interface EngineSources {
  readonly stems: Map<string, Float32Array[]>;
  readonly slots: Map<string, number>;
}

export function createEngineSources(): EngineSources {
  return { stems: new Map(), slots: new Map() };
}

/** Replaces every source by `entries` (id, stem), in slots 0, 1, 2, ... */
export function resetEngineSources(sources: EngineSources, entries: readonly (readonly [string, Float32Array[]])[]): void {
  sources.stems.clear();
  sources.slots.clear();
  entries.forEach(([id, stem], slot) => {
    sources.stems.set(id, stem);
    sources.slots.set(id, slot);
  });
}

/** Adds (or replaces) a source's stem; returns its meter slot: the lowest free one. */
export function addEngineSource(sources: EngineSources, id: string, stem: Float32Array[]): number {
  sources.stems.set(id, stem);
  const known = sources.slots.get(id);
  if (known !== undefined) return known;
  const used = new Set(sources.slots.values());
  let slot = 0;
  while (used.has(slot)) slot++;
  sources.slots.set(id, slot);
  return slot;
}

/** Forgets a source; returns whether it was there. */
export function removeEngineSource(sources: EngineSources, id: string): boolean {
  sources.slots.delete(id);
  return sources.stems.delete(id);
}

/** Meter slots the sources need: one past the highest in use. */
export function meterSlotCount(sources: EngineSources): number {
  let count = 0;
  for (const slot of sources.slots.values()) count = Math.max(count, slot + 1);
  return count;
}
