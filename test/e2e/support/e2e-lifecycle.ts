import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startE2eApp, type E2eApp, type E2eAppOptions } from './e2e-app';

/**
 * Chromium and the app (production renderer, real core behind the test bridge) for one test
 * file: started before its tests (`onStarted` gets the app), closed after them, each once.
 */
export function useE2eApp(onStarted: (app: E2eApp) => void | Promise<void>, options: E2eAppOptions = {}): void {
  let browser: Browser | undefined;
  let app: E2eApp | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    app = await startE2eApp(browser, options);
    await onStarted(app);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });
}
