import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, createServer, preview } from 'vite';
import type { ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';

/** The studio's dev server on a free port of 127.0.0.1, as `npm start` runs it. */
export interface StudioServer {
  readonly url: string;
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CONFIG_FILE = path.join(ROOT, 'vite.config.ts');

/** Starts the dev server with the repository's vite.config.ts; serves every file under the repository root. */
export async function startStudioServer(): Promise<StudioServer> {
  const server: ViteDevServer = await createServer({
    root: ROOT,
    configFile: CONFIG_FILE,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    logLevel: 'error',
    clearScreen: false,
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the studio server did not report its address');
  return { url, close: () => server.close() };
}

/**
 * Builds the page (`vite build`) into a temporary folder and serves it with `vite preview`
 * on a free port of 127.0.0.1: the page as it ships. close() stops the server and deletes
 * the build.
 */
export async function startBuiltStudioServer(): Promise<StudioServer> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'studio-build-'));
  try {
    await build({ root: ROOT, configFile: CONFIG_FILE, build: { outDir, emptyOutDir: true }, logLevel: 'error' });
    const server = await preview({ root: ROOT, configFile: CONFIG_FILE, build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('the studio preview server did not report its address');
    return {
      url,
      async close() {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
