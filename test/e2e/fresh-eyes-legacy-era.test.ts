import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startPlayground } from '../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../main/core/playground/playground-options';
import { PLAYGROUND_REMOTE } from '../../main/core/service/playground-remote';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt } from './support/layout-checks';
import { watchCspViolations, workbenchWalk } from './support/workbench-walk';

/**
 * The workbench walk in the 2025 era (the 2026-07-28 walk: fresh-eyes-workbench.test.ts): ping,
 * server-to-client requests answered in the Requests section with hostile text, logs at several
 * levels, and a server that drops the stream mid-call.
 */
let app: E2eApp;
let page: Page;
let dropping: RunningPlayground;
let cspViolations: () => Promise<unknown>;

useE2eApp(async (started) => {
  app = started;
  page = app.page;
  cspViolations = await watchCspViolations(page);
  await app.core.remotes.create({ ...PLAYGROUND_REMOTE, name: 'Playground 2025', protocolEra: 'legacy' });
  dropping = await startPlayground({ faults: { dropStream: true } });
  await app.core.remotes.create({ name: 'Dropping server', transport: 'streamable', url: dropping.urls.streamable, headers: [], protocolEra: 'legacy' });
});

afterAll(async () => {
  await dropping?.close();
});

const { remoteItem, panel, showSection, connect, workbench, result, card, requestsTab, chooseTool, callAndWait } = workbenchWalk(() => page);

describe('the 2025 era', () => {
  it('Ping, ask_user and ask_model answered, logs at several levels', async () => {
    await connect('Playground 2025');
    expect(await remoteItem('Playground 2025').getByTestId('remote-state').getAttribute('data-state')).toBe('connected');
    await panel().getByTestId('ping-button').click();
    await expect.poll(() => panel().getByTestId('ping-result').innerText()).toMatch(/^Round trip [\d.]+ ms \(ping\)/);

    await chooseTool('ask_user');
    await workbench().getByTestId('call-tool').click();
    await expect.poll(() => requestsTab().getByTestId('count-badge').count(), { timeout: 10_000 }).toBe(1);
    await requestsTab().click();
    await card().getByLabel(/^Your name/).fill('Ada\u0000\u202E'.padEnd(5_000, 'a'));
    await card().getByTestId('elicitation-accept').click();
    await expect.poll(() => card().count()).toBe(0);

    await chooseTool('ask_model');
    await workbench().getByTestId('call-tool').click();
    await expect.poll(() => requestsTab().getByTestId('count-badge').count(), { timeout: 10_000 }).toBe(1);
    await requestsTab().click();
    await card().getByLabel('Reply text').fill('Hello');
    await card().getByTestId('sampling-reply').click();
    await expect.poll(() => card().count()).toBe(0);

    await showSection('Logs');
    await panel().getByLabel('Ask for messages from').selectOption('debug');
    await panel().getByRole('button', { name: 'Set level' }).click();
    await expect.poll(() => panel().getByTestId('log-level-status').innerText()).toContain('logging/setLevel debug sent');
    await chooseTool('log');
    await workbench().getByTestId('mode-json').click();
    const editor = workbench().locator('.cm-content');
    await expect.poll(() => editor.count(), { timeout: 10_000 }).toBe(1);
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{"message": "<b>bold</b> \\u001b[1m", "levels": ["debug", "warning", "error", "emergency"]}');
    await callAndWait();
    await showSection('Logs');
    await expect.poll(() => panel().getByTestId('log-row').count(), { timeout: 10_000 }).toBe(4);
    expect(await panel().getByTestId('log-row').first().innerText()).toContain('<b>bold</b>');
    await looksAt(app, page, 'fresh-logs-legacy', [900, 1600], 'each-scheme-once');
  });

  it('a server that drops the stream mid-call: the 2025 call resumes from the last event and ends with its result', async () => {
    await connect('Dropping server');
    await chooseTool('slow_operation');
    await workbench().getByLabel(/^steps/).fill('5');
    await workbench().getByLabel(/^stepMs/).fill('50');
    dropping.seenRequests.length = 0;
    await callAndWait();
    expect(await result().getByTestId('content-text').innerText()).toBe('slow_operation completed 5 steps');
    expect(dropping.seenRequests.some((r) => r.method === 'GET' && r.headers['last-event-id'] !== undefined)).toBe(true);
    await showSection('Trace');
  });

  it('the whole walk broke no rule of the Content-Security-Policy', async () => {
    expect(await cspViolations()).toEqual([]);
  });
});
