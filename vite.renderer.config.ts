import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

/**
 * The production renderer build on its own, for the end-to-end tests: the same React app the
 * Electron window loads, served by the test bridge to Chromium (test/e2e/bridge/).
 * Relative asset paths, as in the app, which loads it from file://.
 */
export default defineConfig({
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(root, 'out/renderer-e2e'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
