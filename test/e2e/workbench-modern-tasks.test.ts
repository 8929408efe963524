import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startModernTaskServer, type ModernTaskServer } from '../fixtures/sdk-servers/modern-task-server';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';

/**
 * Run as task on a 2026-07-28 connection, in Chromium on the production renderer, against a
 * hand-built server with the tasks extension (SEP-2663) through the real core: the option is
 * offered, the result shows with the final status and history, and a question the task asks
 * waits in the Requests section (saying which task asked) until its answer reaches the tool.
 */
let app: E2eApp;
let page: Page;
let server: ModernTaskServer;

beforeAll(async () => {
  server = await startModernTaskServer();
});

useE2eApp(async (started) => {
  app = started;
  page = started.page;
  await app.core.remotes.create({ name: 'Modern tasks', transport: 'streamable', url: server.url, headers: [], protocolEra: 'modern' });
});

afterAll(async () => {
  await server?.close();
});

const { remoteItem, activePanel: panel, showSection, connect } = appLocators(() => page);
const workbench = () => panel().getByTestId('tool-workbench');
const requestsTab = () => panel().getByRole('tab', { name: /^Requests/ });
const card = () => panel().getByTestId('pending-request');
const result = () => workbench().getByTestId('call-result');
const pick = async (name: string) => {
  await panel().locator(`[data-testid="tool-item"][data-tool="${name}"]`).click();
  await expect.poll(() => workbench().getAttribute('data-tool')).toBe(name);
};

describe('tools run as tasks in the 2026-07-28 era', () => {
  it('offers Run as task, then shows the result, the final status and the status history', async () => {
    await expect.poll(() => remoteItem('Modern tasks').count(), { timeout: 10_000 }).toBe(1);
    await connect('Modern tasks');
    await showSection('Tools');
    await pick('slow_report');
    await workbench().getByLabel(/^steps/).fill('4');
    const option = workbench().getByRole('checkbox', { name: /Run as task/ });
    await option.check();
    await workbench().getByTestId('call-tool').click();
    await expect.poll(() => result().getAttribute('data-outcome'), { timeout: 10_000 }).toBe('result');
    expect(await result().getByTestId('content-text').innerText()).toBe('report of 4 steps ready');
    expect(await result().getByTestId('task-status').getAttribute('data-status')).toBe('completed');
    await result().getByTestId('task-history').locator('summary').click();
    expect(await result().getByTestId('task-history').locator('li').count()).toBe(5);
  });

  it('a question the task asks waits in the Requests section, naming the task; the answer reaches the tool', async () => {
    await pick('ask_name');
    await workbench().getByRole('checkbox', { name: /Run as task/ }).check();
    await workbench().getByTestId('call-tool').click();
    await expect.poll(() => requestsTab().getByTestId('count-badge').innerText(), { timeout: 10_000 }).toBe('1');
    await requestsTab().click();
    await expect.poll(() => card().count()).toBe(1);
    expect(await card().innerText()).toMatch(/Inside your tools\/call ask_name task \S+, question 1 \(2026-07-28 tasks extension\)/);
    await card().getByLabel(/^name/).fill('Ada');
    await card().getByTestId('elicitation-accept').click();
    await expect.poll(() => card().count()).toBe(0);
    await showSection('Tools');
    await expect.poll(() => result().getAttribute('data-outcome'), { timeout: 10_000 }).toBe('result');
    expect(await result().getByTestId('content-text').innerText()).toBe('Hello, Ada!');
  });
});
