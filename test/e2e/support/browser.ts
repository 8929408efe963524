import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const RENDERER_BUILD = join(ROOT, 'out/renderer-e2e');
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');

/** Debian's Chromium, with everything that would phone home switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * For a test file that needs a page of its own and not the app: Chromium launched before the
 * file's tests and closed after them. Read `.page` inside a test (it is set once launched).
 */
export function useBlankPage(): { readonly page: Page } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get page() {
      if (!page) throw new Error('the blank page is opened in beforeAll: read it inside a test');
      return page;
    },
  };
}

let bridgeScript: Promise<string> | undefined;

/** The page-side bridge (window.periscope over a WebSocket), bundled once per test run. */
export function browserBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(ROOT, 'test/e2e/bridge/browser-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).then((result) => result.outputFiles[0].text);
  return bridgeScript;
}
