import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PLAYGROUND_REMOTE } from '../../main/core/service/playground-remote';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt } from './support/layout-checks';

/**
 * The Logs section and the Overview's Ping in Chromium on the production renderer, against the
 * built-in playground through the real core, in both protocol eras: the level set by keyboard
 * (logging/setLevel; the request _meta in 2026-07-28), a call's log messages shown with level,
 * logger and pretty JSON, filtered by level and searched; Ping's round trip, and its absence in
 * 2026-07-28 said plainly. Looked at in both schemes at 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;

useE2eApp(async (started) => {
  app = started;
  page = started.page;
  await app.core.remotes.create({ ...PLAYGROUND_REMOTE, name: 'Playground 2025', protocolEra: 'legacy' });
});

const { remoteItem, activePanel: panel, showSection, connect } = appLocators(() => page);

/** Calls the playground's log tool on the window's connection to `label`, as the Tools section would. */
async function logFromServer(label: string, levels: string[], details?: Record<string, unknown>): Promise<void> {
  const connection = app.core.manager.list().find((c) => c.label === label && c.state === 'connected');
  if (!connection) throw new Error(`no live connection to ${label}`);
  await app.core.handlers['connections:call-tool']({ connectionId: connection.connectionId, name: 'log', argumentsJson: JSON.stringify({ message: 'cache warmed', levels, ...(details ? { details } : {}) }) });
}

describe('the Logs section and Ping', () => {
  it('2025 era: Ping shows the round trip; Set level sends logging/setLevel; the messages show level, logger and JSON', async () => {
    await expect.poll(() => remoteItem('Playground 2025').count(), { timeout: 10_000 }).toBe(1);
    await connect('Playground 2025');
    expect(await remoteItem('Playground 2025').getByTestId('remote-state').getAttribute('data-state')).toBe('connected');
    await panel().getByTestId('ping-button').click();
    await expect.poll(() => panel().getByTestId('ping-result').innerText()).toMatch(/^Round trip [\d.]+ ms \(ping\) at /);

    await showSection('Logs');
    const select = panel().getByLabel('Ask for messages from');
    await select.focus();
    await select.selectOption('info');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().getByTestId('log-level-status').innerText()).toContain('logging/setLevel info sent');
    await logFromServer('Playground 2025', ['debug', 'info', 'warning', 'error'], { region: 'eu-west', hitRate: 0.93 });
    await expect.poll(() => panel().getByTestId('log-row').count(), { timeout: 10_000 }).toBe(3);
    const error = panel().getByTestId('log-row').last();
    expect(await error.getByTestId('log-level').innerText()).toBe('ERROR');
    expect(await error.innerText()).toContain('playground');
    expect(await error.locator('pre').innerText()).toBe('{\n  "message": "cache warmed",\n  "region": "eu-west",\n  "hitRate": 0.93\n}');
    expect(await panel().getByTestId('log-counts').innerText()).toBe('3 messages.');
    await looksAt(app, page, 'logs-legacy');

    await panel().getByLabel('Show').selectOption('warning');
    await expect.poll(() => panel().getByTestId('log-row').count()).toBe(2);
    await panel().getByLabel('Search log messages').fill('nothing like this');
    await expect.poll(() => panel().getByTestId('log-counts').innerText()).toBe('0 of 3 messages match.');
    await panel().getByLabel('Search log messages').fill('');
    await panel().getByLabel('Show').selectOption('all');
  });

  it('2026-07-28 era: Ping is disabled and says why; the level rides in later requests, and their messages arrive', async () => {
    await connect('Playground');
    await showSection('Overview');
    expect(await panel().getByTestId('ping-button').isDisabled()).toBe(true);
    expect(await panel().getByTestId('ping-result').innerText()).toContain('2026-07-28 servers have no ping');
    await looksAt(app, page, 'overview-ping-modern', [900]);

    await showSection('Logs');
    expect(await panel().getByTestId('log-level-status').innerText()).toContain('has no logging/setLevel');
    await panel().getByLabel('Ask for messages from').selectOption('warning');
    await panel().getByRole('button', { name: 'Use for later requests' }).click();
    await expect.poll(() => panel().getByTestId('log-level-status').innerText()).toContain('Level warning is sent in the _meta of every request');
    await logFromServer('Playground', ['info', 'warning']);
    await expect.poll(() => panel().getByTestId('log-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel().getByTestId('log-row').locator('pre').innerText()).toBe('cache warmed');
    await looksAt(app, page, 'logs-modern');
  });
});
