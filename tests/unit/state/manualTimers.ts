/** Timers a test runs by hand (the autosaver's debounce): it sees what is pending and fires it when it likes. */
export function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout: (run: () => void): unknown => {
      pending.set(next, run);
      return next++;
    },
    clearTimeout: (handle: unknown) => void pending.delete(handle as number),
    get pendingCount() {
      return pending.size;
    },
    runAll() {
      const runs = [...pending.values()];
      pending.clear();
      for (const run of runs) run();
    },
  };
}
