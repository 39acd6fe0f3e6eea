import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { fileURLToPath } from 'node:url';

/** The studio's dev server on a free port of 127.0.0.1, as `npm start` runs it. */
export interface StudioServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the dev server with the repository's vite.config.ts; serves every file under the repository root. */
export async function startStudioServer(): Promise<StudioServer> {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const server: ViteDevServer = await createServer({
    root,
    configFile: `${root}/vite.config.ts`,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    logLevel: 'error',
    clearScreen: false,
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the studio server did not report its address');
  return { url, close: () => server.close() };
}
