import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The workbench sends numbers beyond 2^53 digit for digit with JSON.rawJSON (Node 21+, Electron's
// Node 22). Node 20 has it behind a V8 flag: the projects that run the real core turn it on there.
const rawJsonFlag = typeof (JSON as { rawJSON?: unknown }).rawJSON === 'function' ? [] : ['--harmony-json-parse-with-source'];

// One config, five projects: `npm test` runs them in order (unit + renderer, integration,
// conformance, e2e); each also runs alone (`npm run test:conformance`, ...).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Vitest's default on 2 cores is one worker (cores - 1); two keep both cores busy.
          maxWorkers: 2,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup.ts'],
          // A style sheet imported with ?raw is its text (test/renderer/support/style-sheets.ts);
          // Vitest makes every other CSS import empty, as before.
          css: { include: [/\/renderer\/styles\/[\w-]+\.css\?raw$/] },
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          execArgv: rawJsonFlag,
          environment: 'node',
          globalSetup: ['test/support/keychain-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Two files at a time (each with its own servers on ephemeral ports and its own data
          // folders): most of an integration test's time is waiting on sockets and processes.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          execArgv: rawJsonFlag,
          environment: 'node',
          globalSetup: ['test/support/keychain-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two files at a time: each has its own Chromium, core, data folder and servers on
          // ephemeral ports (5.6 min to 3.5 min here, keeping CI under its 20 minutes).
          maxWorkers: 2,
        },
      },
      {
        // The official MCP conformance suite runs the CLI as its client (`npm run test:conformance`).
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          fileParallelism: false,
          maxConcurrency: 2,
        },
      },
    ],
  },
});
