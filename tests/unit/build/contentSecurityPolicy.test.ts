import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, devServerHeaderPolicy, inlineScriptHashes } from '../../../build/contentSecurityPolicy';

/** Directive name -> sources, from a policy text. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/);
    return [name, sources];
  }));
}

describe('the Content-Security-Policy', () => {
  it('hashes inline scripts as CSP does: the example of MDN\'s script-src page', () => {
    // MDN, "CSP: script-src", hash example: <script>alert('Hello, world.');</script>.
    expect(inlineScriptHashes("<head><script>alert('Hello, world.');</script></head>")).toEqual(['qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=']);
  });

  it('hashes only scripts without src, in page order', () => {
    const html = '<script type="module" src="/src/main.tsx"></script><script type="module">a()</script><script>b()</script>';
    const hashes = inlineScriptHashes(html);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).not.toBe(hashes[1]);
    expect(inlineScriptHashes('<script type="module" src="/x.js"></script>')).toEqual([]);
  });

  it('allows only the page\'s own origin, WebAssembly compilation and data: images in the built page', () => {
    const policy = parsePolicy(contentSecurityPolicy('built'));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    // No directive names a host or a scheme that reaches the network.
    for (const sources of policy.values()) {
      for (const source of sources) expect(source).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|data:)$/);
    }
  });

  it('adds, in dev, inline styles and the inline scripts given by hash', () => {
    const policy = parsePolicy(contentSecurityPolicy('dev', ['abc=']));
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-abc='"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('leaves inline scripts to the meta tag\'s hashes in the dev server\'s header', () => {
    const policy = parsePolicy(devServerHeaderPolicy());
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });
});
