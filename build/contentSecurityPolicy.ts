import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * The studio's Content-Security-Policy: everything comes from the page's own origin.
 *
 * What the page really needs beyond 'self', found by running it (tests/e2e/noNetwork.test.ts):
 * - 'wasm-unsafe-eval': the FLAC, MP3 and SOFA (HDF5) readers compile WebAssembly;
 * - img-src data: the favicon is an empty `data:` URL (it spares a request for /favicon.ico).
 * Downloads are `blob:` links, which are navigations, not fetches: no directive covers them.
 *
 * Two variants:
 * - 'built' (vite build, vite preview): no inline script or style at all.
 * - 'dev' (vite dev server): Vite injects each CSS module as a `<style>` element, so
 *   style-src adds 'unsafe-inline'; the React Fast Refresh preamble is an inline script,
 *   allowed by its sha256 hash only (computed from the page as served). The HMR WebSocket
 *   goes back to the page's own host and port, which CSP Level 3 counts as 'self'.
 *
 * The policy reaches the page twice: as a `<meta http-equiv>` tag first in the head
 * (so a built page served by any static server has it), and as a response header from the
 * dev and preview servers (so the workers and the audio worklet, whose scripts carry their
 * own policy, get it too). A page obeys both: the header's script-src in dev must allow the
 * inline preamble without knowing its hash, so it says 'unsafe-inline', and the meta tag's
 * hash list narrows that to the preamble alone (a hash in a policy disables 'unsafe-inline').
 */
export type PolicyVariant = 'built' | 'dev';

const SELF = "'self'";

/** The directives, in the order they are written. */
function directives(variant: PolicyVariant, scriptSources: readonly string[]): [string, readonly string[]][] {
  return [
    ['default-src', [SELF]],
    ['script-src', [SELF, "'wasm-unsafe-eval'", ...scriptSources]],
    ['style-src', variant === 'dev' ? [SELF, "'unsafe-inline'"] : [SELF]],
    ['img-src', [SELF, 'data:']],
    ['connect-src', [SELF]],
    ['worker-src', [SELF]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
}

/** The policy text for `variant`, allowing inline scripts with these sha256 hashes (base64). */
export function contentSecurityPolicy(variant: PolicyVariant, inlineScriptHashes: readonly string[] = []): string {
  const scriptSources = inlineScriptHashes.map((hash) => `'sha256-${hash}'`);
  return directives(variant, scriptSources)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The header the dev server sends: as the meta tag, but inline scripts are left to the meta tag's hashes. */
export function devServerHeaderPolicy(): string {
  return contentSecurityPolicy('dev', []).replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** sha256 (base64) of the text of each `<script>` in `html` that has no src attribute, in page order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.push(createHash('sha256').update(text, 'utf8').digest('base64'));
  }
  return hashes;
}

/**
 * The Vite plugin: writes the policy as the first element of the page's head (after every
 * other plugin has changed the page, so the hashes are of what is served) and sends it as
 * a header from the dev and preview servers.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  let variant: PolicyVariant = 'built';
  return {
    name: 'studio:content-security-policy',
    config(_config, { command, isPreview }) {
      variant = command === 'serve' && isPreview !== true ? 'dev' : 'built';
    },
    configureServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', devServerHeaderPolicy());
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', contentSecurityPolicy('built'));
        next();
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const content = contentSecurityPolicy(variant, inlineScriptHashes(html));
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' }];
      },
    },
  };
}
