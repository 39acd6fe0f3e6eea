import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLOCKED_MESSAGE, createIndexedDbAutosave } from '../../../../src/state/autosave/indexedDbAutosave';

/**
 * An open request that never answers: what a request queued behind another tab's pending
 * upgrade gets in Chromium (no success, no upgradeneeded, no blocked event). The studio
 * waited on it forever and never started (seen as a flaky storageProblems browser test).
 */
function silentFactory(): { factory: IDBFactory; opens: () => number } {
  let opens = 0;
  const factory = {
    open: () => {
      opens++;
      return {} as IDBOpenDBRequest;
    },
  } as unknown as IDBFactory;
  return { factory, opens: () => opens };
}

describe('opening the session storage', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes an open with no answer within 8 s as blocked, and refuses later opens at once while it is pending', async () => {
    vi.useFakeTimers();
    const { factory, opens } = silentFactory();
    const storage = createIndexedDbAutosave(factory);
    const first = storage.read();
    const settled = vi.fn();
    first.then(settled, settled);
    await vi.advanceTimersByTimeAsync(7999);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(first).rejects.toThrow(BLOCKED_MESSAGE);
    // A new request would queue behind the pending one, unanswered: none is made.
    await expect(storage.read()).rejects.toThrow(BLOCKED_MESSAGE);
    expect(opens()).toBe(1);
  });
});
