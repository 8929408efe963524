import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousA11yViolations } from './support/axe-scan';
import { appLocators } from './support/app-locators';
import { launchChromium } from './support/browser';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { looksAt } from './support/layout-checks';

/**
 * The tools workbench in Chromium on the production renderer, against the built-in playground
 * through the real core: call from the generated form, a validation error that blocks, a cancel,
 * a re-run from the history, looked at in both schemes at 900 and 1600 px.
 */
let browser: Browser;
let app: E2eApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  app = await startE2eApp(browser);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const { remoteItem, activePanel: panel } = appLocators(() => page);
const workbench = () => panel().getByTestId('tool-workbench');
const chooseTool = async (name: string) => {
  await panel().locator(`[data-testid="tool-item"][data-tool="${name}"]`).click();
  await expect.poll(() => workbench().getAttribute('data-tool')).toBe(name);
};

describe('the tools workbench', () => {
  it('calls add from its form: 2 and 3 give 5, with elapsed time and round trip', async () => {
    await expect.poll(() => remoteItem('Playground').count()).toBe(1);
    await remoteItem('Playground').getByTestId('connect-button').click();
    await expect.poll(() => remoteItem('Playground').getByTestId('remote-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    await panel().getByRole('tab', { name: 'Tools', exact: true }).click();
    await expect.poll(() => panel().getByTestId('tool-item').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await chooseTool('add');
    await workbench().getByLabel(/^a/).fill('2');
    await workbench().getByLabel(/^b/).fill('3');
    await workbench().getByTestId('call-tool').click();
    const result = workbench().getByTestId('call-result');
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('result');
    expect(await result.getByTestId('content-text').innerText()).toBe('5');
    expect(await result.getByTestId('call-timing').innerText()).toMatch(/elapsed [\d.]+ ms · round trip [\d.]+ ms/);
    await looksAt(app, page, 'workbench-add');
  });

  it('a validation error blocks a bad value: nothing is sent, the error is next to the field', async () => {
    const before = await workbench().getByTestId('history-entry').count();
    await workbench().getByLabel(/^b/).fill('');
    await workbench().getByTestId('call-tool').click();
    const field = workbench().locator('.form-group.has-error');
    await expect.poll(() => field.count()).toBe(1);
    expect(await field.innerText()).toMatch(/b[\s\S]*is required/);
    expect(await workbench().getByTestId('history-entry').count()).toBe(before);
    await app.screenshot('workbench-validation');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await workbench().getByLabel(/^b/).fill('3');
  });

  it('cancels a slow call: progress shows as it arrives, then the call ends as cancelled', async () => {
    await chooseTool('slow_operation');
    await workbench().getByLabel(/^steps/).fill('100');
    await workbench().getByLabel(/^stepMs/).fill('200');
    await workbench().getByTestId('call-tool').click();
    await expect.poll(() => workbench().getByTestId('call-progress-text').innerText(), { timeout: 10_000 }).toMatch(/of 100/);
    await app.screenshot('workbench-progress');
    await workbench().getByTestId('cancel-call').click();
    await expect.poll(() => workbench().getByTestId('call-result').getAttribute('data-outcome'), { timeout: 10_000 }).toBe('cancelled');
    expect(await workbench().getByTestId('history-entry').first().innerText()).toContain('cancelled');
  });

  it('re-runs a call from the history and shows its new result', async () => {
    const entries = workbench().getByTestId('history-entry');
    const count = await entries.count();
    const addEntry = entries.filter({ hasText: 'add' }).first();
    await addEntry.getByTestId('history-rerun').click();
    await expect.poll(() => entries.count()).toBe(count + 1);
    await expect.poll(() => entries.first().innerText()).toMatch(/add\s+ok: 5/);
    await expect.poll(() => workbench().getAttribute('data-tool')).toBe('add');
    await looksAt(app, page, 'workbench-history');
  });

  it('keyboard: the section tabs move with the arrow keys', async () => {
    const tools = panel().getByRole('tab', { name: 'Tools', exact: true });
    await tools.focus();
    const selected = (name: string) => panel().getByRole('tab', { name, exact: true }).getAttribute('aria-selected');
    // The playground declares resources and prompts: their sections come between Tools and
    // Requests (always shown), then Trace.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => selected('Resources')).toBe('true');
    await page.keyboard.press('End');
    await expect.poll(() => selected('Trace')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => selected('Requests')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => selected('Prompts')).toBe('true');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tools.getAttribute('aria-selected')).toBe('true');
  });
});
