import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt, resizeViewport } from './support/layout-checks';
import { watchCspViolations, workbenchWalk } from './support/workbench-walk';

/**
 * One walk through every section of a connection tab, as a new user takes it, against the
 * built-in playground in the 2026-07-28 era (the 2025 era: fresh-eyes-legacy-era.test.ts), with
 * hostile values where they are cheap to give: huge and control-character strings, Markdown
 * carrying raw HTML and javascript: links, arguments that are JSON but not an object. Each
 * section is looked at in both schemes at 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;
let cspViolations: () => Promise<unknown>;

useE2eApp(async (started) => {
  app = started;
  page = app.page;
  cspViolations = await watchCspViolations(page);
});

const { remoteItem, panel, showSection, connect, workbench, result, card, requestsTab, chooseTool, callAndWait } = workbenchWalk(() => page);

/** Pastes text into a field as the clipboard would (a paste event carrying it). */
async function pasteIntoFocused(field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.evaluate(`{
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }`);
}

/** Turns "Show as Markdown" on for the result's first block (it stays on from one call to the next). */
async function showMarkdown(): Promise<void> {
  const toggle = result().getByRole('button', { name: 'Show as Markdown: Block 1' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect.poll(() => result().getByTestId('markdown-view').count()).toBe(1);
}

describe('a first walk through the workbench (2026-07-28 era)', () => {
  it('Overview: the era is named, and Ping says why it is off', async () => {
    await expect.poll(() => remoteItem('Playground').count(), { timeout: 10_000 }).toBe(1);
    await connect('Playground');
    expect(await remoteItem('Playground').getByTestId('remote-state').getAttribute('data-state')).toBe('connected');
    expect(await panel().innerText()).toContain('2026-07-28');
    expect(await panel().getByTestId('ping-button').isDisabled()).toBe(true);
    await looksAt(app, page, 'fresh-overview-modern', [900, 1600], 'once');
  });

  it('the section tabs at 900 px: each reachable by keyboard and scrolled into view', async () => {
    await resizeViewport(page, { width: 900, height: 700 });
    const tablist = panel().getByRole('tablist').first();
    const tabs = tablist.getByRole('tab');
    expect(await tabs.count()).toBe(8);
    await tabs.first().focus();
    await page.keyboard.press('End');
    const last = tabs.last();
    await expect.poll(() => last.getAttribute('aria-selected')).toBe('true');
    const [strip, box] = [await tablist.boundingBox(), await last.boundingBox()];
    expect(box!.x + box!.width).toBeLessThanOrEqual(strip!.x + strip!.width + 1);
    await page.keyboard.press('Home');
    await resizeViewport(page, { width: 1400, height: 900 });
  });

  it('Tools: progress and cancel, a pinned call stays on top, Markdown renders, and a resource link opens', async () => {
    await chooseTool('slow_operation');
    await workbench().getByLabel(/^steps/).fill('50');
    await workbench().getByLabel(/^stepMs/).fill('100');
    await workbench().getByTestId('call-tool').click();
    await expect.poll(() => workbench().getByTestId('call-progress-text').innerText(), { timeout: 10_000 }).toMatch(/of 50/);
    await workbench().getByTestId('cancel-call').click();
    await expect.poll(() => result().getAttribute('data-outcome'), { timeout: 10_000 }).toBe('cancelled');

    await chooseTool('add');
    await workbench().getByLabel(/^a/).fill('2');
    await workbench().getByLabel(/^b/).fill('40');
    await callAndWait();
    const entries = workbench().getByTestId('history-entry');
    await entries.first().getByRole('button', { name: /^Pin the call of add/ }).click();
    await chooseTool('echo');
    // A multi-line paste into a one-line text field goes in whole (the field becomes a text area).
    await workbench().getByLabel(/^message/).fill('');
    await pasteIntoFocused(workbench().getByLabel(/^message/), '# Title\n\n- **bold** and `code`');
    await expect.poll(() => workbench().locator('textarea').inputValue()).toBe('# Title\n\n- **bold** and `code`');
    await callAndWait();
    expect(await entries.first().innerText()).toMatch(/Pinned[\s\S]*add/);
    await showMarkdown();
    expect(await result().getByTestId('markdown-view').locator('h1').innerText()).toBe('Title');
    expect(await result().getByTestId('markdown-view').locator('li strong').innerText()).toBe('bold');
    await looksAt(app, page, 'fresh-tools-modern', [900, 1600], 'each-scheme-once');

    await chooseTool('find_docs');
    await callAndWait();
    await result().getByRole('button', { name: 'Open playground://readme in Resources' }).click();
    await expect.poll(() => panel().getByRole('tab', { name: 'Resources', exact: true }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => panel().getByTestId('resource-panel').getByTestId('content-text').innerText(), { timeout: 10_000 }).toContain('playground');
  });

  it('hostile text in a tool result: raw HTML and javascript: links stay inert, control characters and a huge text are shown', async () => {
    await chooseTool('echo');
    const hostile = [
      '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
      '[click me](javascript:window.__pwned=3) [data](data:text/html,<b>x</b>) <a href="javascript:alert(1)">raw</a>',
      'bell\u0007 nul\u0000 escape\u001b[31mred\u001b[0m rtl\u202Eevil',
    ].join('\n\n');
    await workbench().getByLabel(/^message/).fill(hostile);
    await callAndWait();
    await showMarkdown();
    const markdown = result().getByTestId('markdown-view');
    expect(await markdown.locator('img, script, iframe, [onerror]').count()).toBe(0);
    expect(await markdown.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await markdown.innerText()).toContain('<script>');
    // The addresses of links that cannot be opened are shown as sent, so the user sees what they are.
    const addresses = await markdown.locator('.markdown-link-url').allInnerTexts();
    expect(addresses[0]).toBe('javascript:window.__pwned=3');
    expect(addresses[1]).toMatch(/^data:text\/html,/);
    await app.screenshot('fresh-tools-hostile-markdown');

    const huge = 'x'.repeat(250_000);
    await workbench().getByLabel(/^message/).fill(huge);
    await callAndWait();
    expect(await result().innerText()).toMatch(/Block 1\s*· text, 244\.1 KB/);
    // Past 200,000 characters the text stays plain: no Markdown switch to freeze the window.
    expect(await result().getByRole('button', { name: 'Show as Markdown: Block 1' }).isDisabled()).toBe(true);
  });

  it('arguments that are JSON but not an object are refused before anything is sent', async () => {
    await chooseTool('echo');
    const before = await workbench().getByTestId('history-entry').count();
    await workbench().getByTestId('mode-json').click();
    const editor = workbench().locator('.cm-content');
    await expect.poll(() => editor.count(), { timeout: 10_000 }).toBe(1);
    // CodeMirror's own styles apply: the line numbers sit beside the text, not above it.
    const [gutter, content] = [await workbench().locator('.cm-gutters').boundingBox(), await editor.boundingBox()];
    expect(gutter!.x + gutter!.width).toBeLessThanOrEqual(content!.x + 1);
    expect(Math.abs(gutter!.y - content!.y)).toBeLessThan(2);
    for (const text of ['[1, 2]', '"hello"', 'null', '{"message": "ok"'] as const) {
      await editor.click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(text);
      await workbench().getByTestId('call-tool').click();
      await expect.poll(() => workbench().getByTestId('json-problems').count(), { timeout: 5000 }).toBeGreaterThan(0);
      expect(await workbench().getByTestId('history-entry').count()).toBe(before);
    }
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{"message": "back to normal"}');
    await workbench().getByTestId('mode-form').click();
    expect(await workbench().getByLabel(/^message/).inputValue()).toBe('back to normal');
  });

  it("an array parameter's items take the form's width and their buttons show their words", async () => {
    await chooseTool('log');
    const item = workbench().locator('.rjsf-array-item').first();
    await expect.poll(() => item.count()).toBe(1);
    const form = await workbench().locator('.tool-form').boundingBox();
    const itemBox = await item.boundingBox();
    expect(itemBox!.width).toBeGreaterThan(form!.width * 0.6);
    // Runs in the page; this project's types are Node's, without the DOM's getComputedStyle.
    type PageGlobal = { getComputedStyle(element: unknown, pseudo: string): { content: string } };
    const words = await item.locator('button').evaluateAll((buttons) => buttons.map((b) => [b.getAttribute('title'), (globalThis as unknown as PageGlobal).getComputedStyle(b, '::after').content]));
    // The tooltip (and the accessible name) says which item; the word on the button stays short.
    expect(words).toEqual(expect.arrayContaining([[expect.stringMatching(/^Remove \S+ item 1$/), '"Remove"']]));
    for (const [, content] of words) expect(content).not.toBe('none');
  });

  it('Resources: read, a template, subscribe, and Save to file writes the bytes', async () => {
    await showSection('Resources');
    await panel().locator('[data-testid="resource-item"][data-uri="playground://counter"]').click();
    await panel().getByTestId('read-resource').click();
    await expect.poll(() => panel().getByTestId('resource-content').getAttribute('data-kind')).toBe('json');
    await panel().getByTestId('subscribe').click();
    await expect.poll(() => panel().getByTestId('subscription-status').innerText(), { timeout: 10_000 }).toContain('subscriptions/listen');
    await looksAt(app, page, 'fresh-resources-subscribed', [900, 1600], 'each-scheme-once');

    await panel().locator('[data-testid="resource-item"][data-uri="playground://logo.png"]').click();
    await panel().getByTestId('read-resource').click();
    await expect.poll(() => panel().getByTestId('resource-content').getAttribute('data-kind')).toBe('image');
    const target = join(app.dataDir, 'logo.png');
    app.dialogs.answerNext(target);
    await panel().getByTestId('save-resource').click();
    await expect.poll(async () => (await readFile(target).catch(() => Buffer.alloc(0))).subarray(1, 4).toString(), { timeout: 5000 }).toBe('PNG');

    await panel().locator('[data-testid="template-item"][data-uri="playground://items/{id}"]').click();
    const id = panel().getByRole('combobox', { name: /id/ });
    await id.fill('../a b?c#d\u0000');
    expect(await panel().getByTestId('template-uri').innerText()).toBe('playground://items/..%2Fa%20b%3Fc%23d%00');
  });

  it('Prompts: a pasted multi-line value keeps its lines and the field grows into a text area', async () => {
    await showSection('Prompts');
    await panel().locator('[data-testid="prompt-item"][data-prompt="review_code"]').click();
    await pasteIntoFocused(panel().getByLabel(/^code/), 'function f() {\n  return 1;\n}');
    await expect.poll(() => panel().locator('textarea').count()).toBe(1);
    expect(await panel().locator('textarea').inputValue()).toBe('function f() {\n  return 1;\n}');
    await panel().getByLabel(/^language/).fill('javascript');
    await panel().getByTestId('get-prompt').click();
    await expect.poll(() => panel().getByTestId('prompt-message').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel().getByTestId('prompt-message').innerText()).toContain('  return 1;\n}');
    await looksAt(app, page, 'fresh-prompts-multiline', [900, 1600], 'each-scheme-once');
  });

  it('Requests: order_coffee asks twice inside one call, and the answers reach the tool', async () => {
    await chooseTool('order_coffee');
    await workbench().getByTestId('call-tool').click();
    await expect.poll(() => requestsTab().getByTestId('count-badge').count(), { timeout: 10_000 }).toBe(1);
    await requestsTab().click();
    await card().getByLabel(/^drink/i).selectOption({ label: 'latte' });
    await card().getByLabel(/^size/i).selectOption({ label: 'large' });
    await looksAt(app, page, 'fresh-requests-modern', [900, 1600], 'each-scheme-once');
    await card().getByTestId('elicitation-accept').click();
    await expect.poll(() => card().getByTestId('request-message').innerText(), { timeout: 10_000 }).toBe('Order a large latte?');
    await card().getByRole('checkbox').check();
    await card().getByTestId('elicitation-accept').click();
    await expect.poll(() => card().count()).toBe(0);
    await showSection('Tools');
    await expect.poll(() => result().getAttribute('data-outcome'), { timeout: 10_000 }).toBe('result');
  });

  it('Logs, Trace and Latency after the walk', async () => {
    await showSection('Logs');
    await panel().getByLabel('Ask for messages from').selectOption('debug');
    await panel().getByRole('button', { name: 'Use for later requests' }).click();
    await chooseTool('log');
    await callAndWait();
    await showSection('Logs');
    await expect.poll(() => panel().getByTestId('log-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await looksAt(app, page, 'fresh-logs-modern', [900, 1600], 'once');
    await showSection('Trace');
    await looksAt(app, page, 'fresh-trace-modern', [900, 1600], 'once');
    await showSection('Latency');
    await expect.poll(async () => Number(await panel().getByTestId('latency-chart').getAttribute('data-points')), { timeout: 5000 }).toBeGreaterThan(3);
    await panel().getByRole('button', { name: 'max', exact: true }).click();
    expect(await panel().getByRole('columnheader', { name: /max/ }).getAttribute('aria-sort')).toBe('descending');
    await looksAt(app, page, 'fresh-latency-modern', [900, 1600], 'once');
  });

  it('the whole walk broke no rule of the Content-Security-Policy', async () => {
    expect(await cspViolations()).toEqual([]);
  });
});
