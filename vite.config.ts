import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * The studio shares stem buffers and meters with the AudioWorklet through
 * SharedArrayBuffer, which browsers allow only on cross-origin isolated pages: both the
 * dev and the preview servers send the COOP/COEP headers for it.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: crossOriginIsolation, host: '127.0.0.1' },
  preview: { headers: crossOriginIsolation, host: '127.0.0.1' },
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
