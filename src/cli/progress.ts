/**
 * A progress line on standard error, redrawn in place on a terminal; silent when
 * standard error is not a terminal (logs and CI get only the summary).
 */
export interface ProgressLine {
  update(fraction: number): void;
  done(): void;
}

export function createProgressLine(label: string): ProgressLine {
  const live = process.stderr.isTTY === true;
  let lastPercent = -1;
  return {
    update(fraction: number) {
      const percent = Math.floor(fraction * 100);
      if (!live || percent === lastPercent) return;
      lastPercent = percent;
      process.stderr.write(`\r${label}: ${percent}%`);
    },
    done() {
      if (live && lastPercent >= 0) process.stderr.write('\r\x1b[K');
    },
  };
}
