import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { sendToAuthorization } from '../../../main/core/auth/authorization-handlers';
import { createAppCore, type AppCore } from '../../../main/core/service/app-core';
import type { FileDialogs } from '../../../main/core/service/ports';
import type { AuthorizationOpener } from '../../../main/core/auth/authorization-handlers';
import { startBridgeServer, type BridgeServer } from '../bridge/bridge-server';
import { browserBridgeScript, RENDERER_BUILD, SCREENSHOT_DIR } from './browser';

/** File dialogs answered by the test: queue the path the "user" picks next (undefined = cancel). */
export class ScriptedDialogs implements FileDialogs {
  private answers: Array<string | undefined> = [];
  answerNext(path: string | undefined): void {
    this.answers.push(path);
  }
  async chooseFileToOpen() {
    return this.next();
  }
  async chooseFileToSave() {
    return this.next();
  }
  private next(): string | undefined {
    if (this.answers.length === 0) throw new Error('The test did not script an answer for this file dialog.');
    return this.answers.shift();
  }
}

export interface E2eApp {
  page: Page;
  core: AppCore;
  dialogs: ScriptedDialogs;
  dataDir: string;
  /** The URLs the app asked the system browser to open (none is opened for real). */
  openedUrls: string[];
  /** Saves test-results/screenshots/<name>.png */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The desktop app without Electron: the production renderer build in Chromium, the real core
 * (remotes, OS keychain, connection manager, playground) behind the test bridge.
 */
export interface E2eAppOptions {
  /** Plays the system browser for OAuth sign-ins (default: the app's, through openExternal: nothing opens). */
  authorizationOpener?: AuthorizationOpener;
}

export async function startE2eApp(browser: Browser, options: E2eAppOptions = {}): Promise<E2eApp> {
  if (!existsSync(join(RENDERER_BUILD, 'index.html'))) {
    throw new Error(`No renderer build in ${RENDERER_BUILD}: run \`npm run build:renderer\` (npm run test:e2e does).`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'periscope-e2e-'));
  const dialogs = new ScriptedDialogs();
  const openedUrls: string[] = [];
  // The system browser, played by the test: the option's, else one that follows the authorization
  // URL with fetch to the loopback redirect, as `--authorize follow` does (the auth debugger's runs).
  const authorizationOpener: AuthorizationOpener = options.authorizationOpener ?? ((url, ctx) => sendToAuthorization('follow', url, ctx));
  const core = await createAppCore({ dataDir, dialogs, openExternal: async (url) => void openedUrls.push(url), authorizationOpener, appVersion: 'e2e' });
  let server: BridgeServer | undefined;
  let context: Awaited<ReturnType<Browser['newContext']>> | undefined;
  try {
    server = await startBridgeServer({ service: core, staticDir: RENDERER_BUILD });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript({ content: await browserBridgeScript() });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url);
    const openServer = server;
    const openContext = context;
    return {
      page,
      core,
      dialogs,
      dataDir,
      openedUrls,
      async screenshot(name) {
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
      },
      async close() {
        await openContext.close();
        await openServer.close();
        await core.shutdown();
        await rm(dataDir, { recursive: true, force: true });
        if (problems.length > 0) throw new Error(`The page threw: ${problems.join('; ')}`);
      },
    };
  } catch (error) {
    await context?.close();
    await server?.close();
    await core.shutdown();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
