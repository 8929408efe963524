import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseReproBundle } from '../../main/core/bundle/repro-bundle';
import type { HarLog } from '../../shared/model/har';
import { expectValidHar } from '../support/har-schema';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt } from './support/layout-checks';

/**
 * HAR export and repro bundles in Chromium on the production renderer, through the real core and
 * the built-in playground: "Export HAR…" in a connection's Trace section, "Save repro bundle…"
 * on the connection, "Open repro bundle…" showing its trace and summary offline (and exporting
 * its HAR again), and a damaged bundle refused with the field that is wrong.
 */
let app: E2eApp;
let page: Page;

useE2eApp(async (started) => {
  app = started;
  page = started.page;
});

const { activePanel, showSection, connect } = appLocators(() => page);

describe('HAR export and repro bundles', () => {
  it('exports the HTTP exchanges of a connection from its Trace section as a valid HAR 1.2 file', async () => {
    await connect('Playground');
    await showSection('Trace');
    const file = join(app.dataDir, 'playground.har');
    app.dialogs.answerNext(file);
    await activePanel().getByTestId('trace-export-har').click();
    await expect.poll(() => page.getByText(/Exported \d+ HTTP exchanges? to .*playground\.har/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const har = JSON.parse(await readFile(file, 'utf8')) as HarLog;
    expectValidHar(har);
    expect(har.log.entries.map((e) => e._mcp.method)).toContain('server/discover');
    await looksAt(app, page, 'har-trace-section');
  });

  it('saves a repro bundle of the connection and opens it offline: its trace in a session tab, its summary above', async () => {
    const file = join(app.dataDir, 'playground.bundle.json');
    app.dialogs.answerNext(file);
    await activePanel().getByTestId('save-bundle').click();
    await expect.poll(() => page.getByText(/Saved a repro bundle to .*playground\.bundle\.json/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const bundle = parseReproBundle(await readFile(file, 'utf8'), file);
    expect(bundle.outcome.ok).toBe(true);
    expect(bundle.session.entries.length).toBeGreaterThan(2);

    app.dialogs.answerNext(file);
    await page.getByTestId('open-bundle').click();
    const session = page.getByTestId('session-tab');
    await expect.poll(() => session.count()).toBe(1);
    expect(await session.getByRole('note').innerText()).toContain('Read-only repro bundle');
    const summary = session.getByTestId('bundle-summary');
    expect(await summary.getByTestId('bundle-outcome').innerText()).toBe('Connected');
    expect(await summary.getByTestId('bundle-remote').innerText()).toContain('Playground');
    expect(await summary.getByTestId('bundle-versions').innerText()).toMatch(/Node \d+\.\d+/);
    await expect.poll(async () => (await session.getByTestId('trace-view').innerText()).toLowerCase()).toContain('server/discover');

    const har = join(app.dataDir, 'from-bundle.har');
    app.dialogs.answerNext(har);
    await session.getByTestId('session-export-har').click();
    await expect.poll(() => page.getByText(/Exported \d+ HTTP exchanges? to .*from-bundle\.har/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expectValidHar(JSON.parse(await readFile(har, 'utf8')));
    await looksAt(app, page, 'bundle-opened');
  });

  it('a damaged bundle is refused with the field that is wrong, and the window goes on', async () => {
    const good = JSON.parse(await readFile(join(app.dataDir, 'playground.bundle.json'), 'utf8')) as { versions: Record<string, unknown> };
    good.versions.node = 20;
    const damaged = join(app.dataDir, 'damaged.json');
    await writeFile(damaged, JSON.stringify(good));
    app.dialogs.answerNext(damaged);
    await page.getByTestId('open-bundle').click();
    await expect.poll(() => page.getByText(/not a valid MCP Periscope repro bundle: at versions\.node/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('session-tab').count()).toBe(1);
  });
});
