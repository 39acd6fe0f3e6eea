import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicyPlugin } from './build/contentSecurityPolicy.ts';

/**
 * The studio shares stem buffers and meters with the AudioWorklet through
 * SharedArrayBuffer, which browsers allow only on cross-origin isolated pages: both the
 * dev and the preview servers send the COOP/COEP headers for it. The page loads nothing
 * from other hosts: build/contentSecurityPolicy.ts writes the policy that says so.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), contentSecurityPolicyPlugin()],
  server: { headers: crossOriginIsolation, host: '127.0.0.1' },
  preview: { headers: crossOriginIsolation, host: '127.0.0.1' },
  worker: { format: 'es' },
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'] } },
      // Browser tests drive one Chromium and one dev server per file: one file at a time.
      { extends: true, test: { name: 'browser', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
