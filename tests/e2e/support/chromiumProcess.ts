import { readFileSync, readdirSync } from 'node:fs';

/**
 * The process id of the Chromium browser process running on the profile `profileDir`
 * (its command line has `--user-data-dir=<profileDir>` and, unlike its renderer, GPU and
 * utility children, no `--type=`), read from /proc (Linux). Throws when there is none.
 */
export function chromiumBrowserPid(profileDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (args.includes(`--user-data-dir=${profileDir}`) && !args.some((arg) => arg.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no Chromium browser process runs on the profile ${profileDir}`);
}

/** Kills the browser process at once (SIGKILL: no unload, no pagehide, no flush), as a crash or a power cut would. */
export function killChromium(profileDir: string): void {
  process.kill(chromiumBrowserPid(profileDir), 'SIGKILL');
}
