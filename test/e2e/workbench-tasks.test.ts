import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStreamableFixture, type StreamableFixture } from '../fixtures/sdk-servers/streamable-fixture';
import { createTaskFixtureServer } from '../fixtures/sdk-servers/v1-task-server';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt } from './support/layout-checks';

/**
 * Run as task in the Tools section, in Chromium on the production renderer, against a 1.x SDK
 * server with MCP 2025-11-25 tasks through the real core: the option by keyboard, the status as
 * it changes, the result with its history, Cancel as tasks/cancel. Looked at in both schemes at
 * 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;
let fixture: StreamableFixture;

beforeAll(async () => {
  fixture = await startStreamableFixture(createTaskFixtureServer);
});

useE2eApp(async (started) => {
  app = started;
  page = started.page;
  await app.core.remotes.create({ name: 'Task server', transport: 'streamable', url: fixture.url, headers: [] });
});

afterAll(async () => {
  await fixture?.close();
});

const { remoteItem, activePanel: panel, showSection, connect } = appLocators(() => page);
const workbench = () => panel().getByTestId('tool-workbench');

describe('tools run as tasks', () => {
  it('shows the status as it changes, then the result and the status history', async () => {
    await expect.poll(() => remoteItem('Task server').count(), { timeout: 10_000 }).toBe(1);
    await connect('Task server');
    await showSection('Tools');
    await panel().locator('[data-testid="tool-item"][data-tool="slow_report"]').click();
    await expect.poll(() => workbench().getAttribute('data-tool')).toBe('slow_report');
    await workbench().getByLabel(/^stepMs/).fill('400');
    const option = workbench().getByRole('checkbox', { name: /Run as task/ });
    await option.focus();
    await page.keyboard.press('Space');
    expect(await option.isChecked()).toBe(true);
    await workbench().getByTestId('call-tool').click();
    const status = workbench().getByTestId('call-running').getByTestId('task-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 5000 }).toBe('working');
    await expect.poll(() => status.innerText(), { timeout: 5000 }).toMatch(/working, step 1 of 3/);
    await looksAt(app, page, 'tools-task-running', [900]);
    const result = workbench().getByTestId('call-result');
    await expect.poll(() => result.getAttribute('data-outcome'), { timeout: 10_000 }).toBe('result');
    expect(await result.getByTestId('content-text').innerText()).toBe('report of 3 steps ready');
    expect(await result.getByTestId('task-status').getAttribute('data-status')).toBe('completed');
    await result.getByTestId('task-history').locator('summary').click();
    expect(await result.getByTestId('task-history').locator('li').count()).toBeGreaterThanOrEqual(2);
    await looksAt(app, page, 'tools-task-done');
  });

  it('Cancel sends tasks/cancel and the call ends cancelled', async () => {
    await workbench().getByLabel(/^steps/).fill('30');
    await workbench().getByTestId('call-tool').click();
    await expect.poll(() => workbench().getByTestId('call-running').getByTestId('task-status').innerText(), { timeout: 5000 }).toMatch(/step 1 of 30/);
    await workbench().getByTestId('cancel-call').click();
    const result = workbench().getByTestId('call-result');
    await expect.poll(() => result.getAttribute('data-outcome'), { timeout: 10_000 }).toBe('cancelled');
    expect(await result.innerText()).toContain('(tasks/cancel sent)');
  });
});
