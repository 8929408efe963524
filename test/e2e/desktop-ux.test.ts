import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { RunningPlayground } from '../../main/core/playground/playground-options';
import { startPlayground } from '../../main/core/playground/start-playground';
import { seriousA11yViolations } from './support/axe-scan';
import { appLocators } from './support/app-locators';
import { launchChromium } from './support/browser';
import { startE2eApp, type E2eApp } from './support/e2e-app';
import { boxOf, looksAt, overlaps, resizeViewport } from './support/layout-checks';
import { bigResultEntries } from './support/big-result';

// Page-side code in evaluate() runs in Chromium; the Node project has no DOM types, so the few
// browser globals it uses are declared here (as test/e2e/bridge/browser-bridge.ts does).
declare const document: { activeElement: { closest(s: string): unknown; getAttribute(n: string): string | null } | null; elementFromPoint(x: number, y: number): { getAttribute(n: string): string | null } | null };
declare const window: { periscopeBench?: { loadTrace(entries: unknown[], title?: string): string } };
declare function getComputedStyle(element: unknown): { display: string; whiteSpace: string };

/**
 * The app as a new user meets it, in Chromium at the sizes people use: real dialogs, panes that
 * stay usable at 900 px, hints that open the right field, a server that goes away, big results.
 */
let browser: Browser;
let app: E2eApp;
let page: Page;
let unauthorized: Server;
let doomed: RunningPlayground;

const base = { headers: [], args: [], env: {}, timeouts: {}, tls: { caFiles: [], acceptInvalidCertificates: false }, notes: '', protocolEra: 'auto' as const };
const { remoteItem, activePanel, showSection, connect } = appLocators(() => page);

/** The first box lies entirely inside the second. */
function within(inner: { x: number; width: number }, outer: { x: number; width: number }): boolean {
  return inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5;
}

/** The active tab's error notice is entirely inside its (unscrolled) Overview section. */
async function noticeFits(): Promise<boolean> {
  const pane = await boxOf(activePanel().getByTestId('section-panel-overview'));
  const notice = await boxOf(activePanel().getByTestId('error-notice'));
  return notice.y >= pane.y && notice.y + notice.height <= pane.y + pane.height;
}

async function createRemote(draft: Record<string, unknown>): Promise<void> {
  await app.core.handlers['remotes:create']({ draft: { ...base, ...draft } as never });
  await expect.poll(() => remoteItem(String(draft.name)).count()).toBe(1);
}

beforeAll(async () => {
  browser = await launchChromium();
  app = await startE2eApp(browser);
  page = app.page;
  unauthorized = createServer((_req, res) => res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="e2e"', 'Content-Type': 'text/plain' }).end('no'));
  await new Promise<void>((resolve) => unauthorized.listen(0, '127.0.0.1', resolve));
  doomed = await startPlayground();
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await new Promise((resolve) => unauthorized?.close(resolve));
  await doomed?.close();
});

describe('MCP Periscope as a new user meets it', () => {
  it('at 900 px: no column is 0 px, the list and the details do not overlap, light and dark look right', async () => {
    await resizeViewport(page, { width: 900, height: 700 });
    await expect.poll(() => remoteItem('Playground').count()).toBe(1);
    await connect('Playground');
    await showSection('Trace');
    await expect.poll(() => activePanel().getByTestId('trace-row').count()).toBeGreaterThanOrEqual(4);
    await activePanel().getByTestId('trace-row').nth(1).click();

    for (const width of [900, 1600]) {
      await resizeViewport(page, { width, height: width === 900 ? 700 : 1000 });
      const headings = await page.locator('.trace-header > span').evaluateAll((spans) =>
        spans.map((s) => ({ name: s.textContent, width: s.getBoundingClientRect().width, display: getComputedStyle(s).display })),
      );
      const shown = headings.filter((h) => h.display !== 'none');
      for (const h of shown) expect(h.width, `${h.name} at ${width} px`).toBeGreaterThan(20);
      expect(shown.find((h) => h.name === 'Method')!.width).toBeGreaterThanOrEqual(100);
      const list = await boxOf(page.getByTestId('trace-list'));
      const detail = await boxOf(page.getByTestId('trace-detail'));
      expect(overlaps(list, detail)).toBe(false);
      // The request's envelope: a value under its name in the narrow pane, beside it in the wide one.
      const facts = page.getByTestId('protocol-facts');
      const clientName = await boxOf(facts.locator('dt', { hasText: /^Client$/ }));
      const clientValue = await boxOf(facts.locator('dt', { hasText: /^Client$/ }).locator('xpath=following-sibling::dd[1]'));
      if (width === 900) expect(clientValue.y, 'Client value under its name at 900 px').toBeGreaterThanOrEqual(clientName.y + clientName.height - 1);
      else expect(Math.abs(clientValue.y - clientName.y), 'Client value beside its name at 1600 px').toBeLessThan(4);
      // Every heading sits inside the list, none under the detail pane.
      for (const box of await page.locator('.trace-header > span').evaluateAll((spans) => spans.filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.getBoundingClientRect().right))) {
        expect(box).toBeLessThanOrEqual(detail.x + 1);
      }
    }
    await looksAt(app, page, 'trace');
  });

  it('panes resize from the keyboard and the sidebar can be hidden and shown again', async () => {
    await resizeViewport(page, { width: 900, height: 700 });
    const sidebar = page.getByTestId('remotes-sidebar');
    const before = (await boxOf(sidebar)).width;
    await page.getByRole('separator', { name: 'Resize the remotes sidebar' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await boxOf(sidebar)).width).toBeGreaterThan(before);
    // As wide as the keyboard takes it, the sidebar leaves the trace list and details their room.
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    const method = await boxOf(page.locator('.trace-header > .col-method'));
    expect(method.width).toBeGreaterThanOrEqual(100);
    expect(method.x + method.width).toBeLessThanOrEqual((await boxOf(page.getByTestId('trace-detail'))).x + 1);
    await page.getByTestId('toggle-sidebar').click();
    await expect.poll(() => sidebar.isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('toggle-sidebar').getAttribute('aria-expanded')).toBe('false');
    await page.getByTestId('toggle-sidebar').click();
    await expect.poll(() => sidebar.isVisible()).toBe(true);
  });

  it('the delete confirmation is a real modal: on top of the trace, clickable there, focus kept inside, Esc closes', async () => {
    await createRemote({ name: 'Scratch', transport: 'streamable', url: 'http://127.0.0.1:3999/mcp' });
    await remoteItem('Scratch').getByTestId('more-actions').click();
    await remoteItem('Scratch').getByTestId('delete-remote').click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete “Scratch”?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Focus stays in the dialog however often Tab is pressed.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await remoteItem('Scratch').count()).toBe(1);

    await remoteItem('Scratch').getByTestId('delete-remote').click();
    await app.screenshot('delete-dialog-900');
    // What a mouse click at the Delete button's centre hits is the button, not a trace row under it.
    const accept = page.getByTestId('confirm-accept');
    const box = await boxOf(accept);
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.getAttribute('data-testid'), [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe('confirm-accept');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => remoteItem('Scratch').count()).toBe(0);
  });

  it('a hint’s button opens the remote’s editor on the field to fix', async () => {
    const port = (unauthorized.address() as AddressInfo).port;
    await createRemote({ name: 'Needs a token', transport: 'streamable', url: `http://127.0.0.1:${port}/mcp` });
    // It fails in a big window, then the window gets smaller: the notice wraps onto more lines
    // and the pane grows with it.
    await resizeViewport(page, { width: 1600, height: 900 });
    await connect('Needs a token');
    await expect.poll(() => noticeFits()).toBe(true);
    await resizeViewport(page, { width: 900, height: 700 });
    const notice = activePanel().getByTestId('error-notice');
    expect(await notice.getAttribute('data-kind')).toBe('auth');
    // The trace: with nothing selected the detail pane is short; the list still fills its pane
    // down to the window's bottom and shows its few rows without scrolling. Above it, the failure
    // is said in one line with a way back to the whole notice.
    await showSection('Trace');
    const list = activePanel().getByTestId('trace-list');
    const listBox = await boxOf(list);
    expect(listBox.y + listBox.height).toBeGreaterThan((page.viewportSize()?.height ?? 0) - 40);
    expect(await list.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
    await activePanel().getByTestId('show-failure-details').click();
    // At 900×700 the Overview shows the whole notice, its fix button included.
    await expect.poll(() => noticeFits()).toBe(true);
    expect(await notice.getByTestId('error-hint').innerText()).not.toMatch(/-H |--|periscope /);
    await notice.getByRole('button', { name: 'Set the Authorization header…' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Edit Needs a token' }).count()).toBe(1);
    expect(await page.getByLabel('Header 1 name').inputValue()).toBe('Authorization');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Header 1 value');
    await looksAt(app, page, 'hint-opens-field');
    // Esc with that unsaved row asks first; discarding closes the editor.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => page.getByTestId('remote-form').count()).toBe(0);
  });

  it('a click right after typing a URL without a scheme reaches the button under the pointer', async () => {
    await resizeViewport(page, { width: 900, height: 700 });
    await page.getByTestId('new-remote').click();
    await page.getByTestId('remote-url').fill('localhost:3000/mcp');
    await expect.poll(() => page.getByTestId('url-suggestion').count()).toBe(1);
    // The URL field still has focus: one click on Cancel is enough (nothing moves under it).
    await page.getByTestId('cancel-remote').click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => page.getByTestId('remote-form').count()).toBe(0);
  });

  it('a server that goes away: the badge says the connection was lost, and why', async () => {
    // Opened in a wide window, then the window narrows: the active tab stays in view.
    await resizeViewport(page, { width: 1600, height: 700 });
    await createRemote({ name: 'Doomed', transport: 'websocket', url: doomed.urls.websocket });
    await connect('Doomed');
    await resizeViewport(page, { width: 900, height: 700 });
    await expect.poll(async () => within(await boxOf(page.getByRole('tab', { name: /Doomed/ })), await boxOf(page.getByRole('tablist', { name: 'Open connections and sessions' })))).toBe(true);
    expect(await remoteItem('Doomed').getByTestId('remote-state').getAttribute('data-state')).toBe('connected');
    await doomed.close();
    await expect.poll(() => remoteItem('Doomed').getByTestId('remote-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('lost');
    expect(await activePanel().getByTestId('connection-state').innerText()).toContain('Connection lost');
    expect(await activePanel().getByTestId('error-notice').innerText()).toContain('The connection was lost');
    await expect.poll(() => noticeFits()).toBe(true);
    await looksAt(app, page, 'connection-lost', [900]);
  });

  it('closing a live connection’s tab asks; a reload brings back exactly the open tabs with their whole trace', async () => {
    await page.getByRole('tab', { name: /Playground/ }).click();
    const rowsBefore = await activePanel().getByTestId('trace-list').getAttribute('data-count');
    await page.getByRole('button', { name: 'Close tab: Playground' }).click();
    await page.getByRole('alertdialog', { name: 'Disconnect “Playground”?' }).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('tab', { name: /Needs a token/ }).click();
    await page.getByRole('button', { name: 'Close tab: Needs a token' }).click(); // failed: closes at once
    const tabs = await page.getByRole('tab').allInnerTexts();
    await page.reload();
    await expect.poll(() => page.getByRole('tab').allInnerTexts()).toEqual(tabs);
    await page.getByRole('tab', { name: /Playground/ }).click();
    await showSection('Trace');
    await expect.poll(() => activePanel().getByTestId('trace-list').getAttribute('data-count')).toBe(rowsBefore);
    expect(await activePanel().getByTestId('trace-row').first().innerText()).toContain('connecting');
  });

  it('a 5 MB text result is complete, wrapped and searchable to its end; an image result is drawn', async () => {
    await resizeViewport(page, { width: 1600, height: 1000 });
    await page.evaluate((entries) => window.periscopeBench!.loadTrace(entries, 'Big results'), bigResultEntries());
    const panel = activePanel();
    await panel.getByTestId('trace-filter-text').fill('the very end of the text');
    await expect.poll(() => panel.getByTestId('trace-list').getAttribute('data-count')).toBe('1');
    await panel.getByTestId('trace-row').first().click();
    const text = panel.getByTestId('content-text');
    expect(Number(await text.getAttribute('data-length'))).toBeGreaterThan(5_000_000);
    expect(await text.evaluate((el) => getComputedStyle(el.querySelector('pre')!).whiteSpace)).toBe('pre-wrap');
    expect(await text.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await text.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => text.innerText()).toContain('the very end of the text');
    await app.screenshot('big-text-1600');

    await panel.getByTestId('trace-filter-clear').click();
    await panel.getByTestId('trace-row').last().click();
    const image = panel.getByTestId('content-image').first();
    await expect.poll(() => image.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
