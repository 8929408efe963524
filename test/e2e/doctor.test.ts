import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DoctorReport } from '../../shared/model';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt } from './support/layout-checks';
import { refusedPort } from '../support/refused-port';

/**
 * The connection doctor in Chromium on the production renderer, through the real core: run from
 * a saved remote's card with no connection open, against the built-in playground (every layer
 * passes or is skipped) and against a closed port (TCP fails, the rest is skipped with why);
 * run again, exported as JSON. Looked at in both schemes at 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;

useE2eApp(async (started) => {
  app = started;
  page = started.page;
});

const { remoteItem, activePanel } = appLocators(() => page);
const view = () => activePanel().getByTestId('doctor-view');
const layers = () => view().getByTestId('doctor-layer');

async function runDoctorFrom(name: string): Promise<void> {
  await remoteItem(name).getByTestId('more-actions').click();
  await remoteItem(name).getByRole('button', { name: `Run the connection doctor on ${name}` }).click();
  await expect.poll(() => view().getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
}

describe('the connection doctor', () => {
  it('runs from the playground\'s card with no connection open: every layer passes or is skipped', async () => {
    await runDoctorFrom('Playground');
    expect(await page.getByTestId('tab').filter({ hasText: 'Doctor: Playground' }).count()).toBe(1);
    expect(await remoteItem('Playground').getByTestId('remote-state').getAttribute('data-state')).toBe('idle');
    expect(await layers().evaluateAll((items) => items.map((li) => li.getAttribute('data-layer')))).toEqual(['url', 'dns', 'tcp', 'tls', 'http', 'health', 'transport', 'initialize', 'auth', 'metrics']);
    const verdicts = await layers().evaluateAll((items) => items.map((li) => li.getAttribute('data-verdict')));
    expect(verdicts.every((v) => v === 'pass' || v === 'skipped')).toBe(true);
    expect(await view().getByTestId('doctor-summary').innerText()).toMatch(/^No layer failed · \d+ ms · http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const initialize = view().locator('[data-layer="initialize"]');
    expect(await initialize.getByTestId('doctor-finding').innerText()).toMatch(/^periscope-playground [\d.]+ answered (server\/discover|initialize) in [\d.]+ ms/);
    expect(await view().locator('[data-layer="initialize"] .verdict-badge').innerText()).toBe('Pass');
    await looksAt(app, page, 'doctor-playground');
  });

  it('exports the report as JSON where the user picks, and runs again into a new report', async () => {
    const exportTo = async (name: string): Promise<DoctorReport> => {
      const file = join(app.dataDir, name);
      app.dialogs.answerNext(file);
      await view().getByTestId('doctor-export').click();
      await expect.poll(() => page.getByText(`Saved the doctor report to ${file}.`).count()).toBe(1);
      return JSON.parse(readFileSync(file, 'utf8')) as DoctorReport;
    };
    const first = await exportTo('doctor-first.json');
    expect(first).toMatchObject({ ok: true, label: 'Playground' });
    expect(first.layers).toHaveLength(10);
    await view().getByTestId('doctor-rerun').click();
    await expect.poll(() => view().getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    expect(await view().getByTestId('doctor-summary').innerText()).toMatch(/^No layer failed/);
    const second = await exportTo('doctor-second.json');
    expect(Date.parse(second.startedAt)).toBeGreaterThan(Date.parse(first.startedAt));
  });

  it('against a closed port: TCP fails with what to try, the layers above it are skipped saying why', async () => {
    const port = await refusedPort();
    await page.getByTestId('new-remote').click();
    const form = page.getByTestId('remote-form');
    await form.getByLabel('Name', { exact: true }).fill('Nothing there');
    await form.getByLabel('Transport').selectOption('streamable');
    await form.getByLabel('URL', { exact: true }).fill(`http://127.0.0.1:${port}/mcp`);
    await form.getByTestId('save-remote').click();
    await expect.poll(() => remoteItem('Nothing there').count(), { timeout: 10_000 }).toBe(1);
    await runDoctorFrom('Nothing there');
    const tcp = view().locator('[data-layer="tcp"]');
    expect(await tcp.getAttribute('data-verdict')).toBe('fail');
    expect(await tcp.locator('.verdict-badge').innerText()).toBe('Failed');
    expect(await tcp.getByTestId('doctor-finding').innerText()).toContain(`127.0.0.1:${port}`);
    expect(await tcp.getByTestId('doctor-fix').innerText()).toMatch(/^Try: /);
    expect(await view().locator('[data-layer="tls"]').getByTestId('doctor-finding').innerText()).toBe('Not run: the TCP layer failed');
    expect(await view().getByTestId('doctor-summary').innerText()).toMatch(/^Failed at TCP · \d+ ms/);
    expect(await page.getByTestId('tab').filter({ hasText: 'Doctor: Nothing there' }).innerText()).toContain('(failed)');
    await looksAt(app, page, 'doctor-closed-port');
  });
});
