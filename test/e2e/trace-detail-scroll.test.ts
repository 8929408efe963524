import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HttpEntry } from '../../shared/model/trace';
import { appLocators } from './support/app-locators';
import { useE2eApp } from './support/e2e-lifecycle';
import { boxOf, overlaps, resizeViewport } from './support/layout-checks';

// Page-side code in evaluate() runs in Chromium; the Node project has no DOM types.
declare const window: { periscopeBench?: { loadTrace(entries: unknown[], title?: string): string; appendEntries(traceId: string, entries: unknown[]): void } };

/**
 * The trace in Chromium at 900 px: in the detail pane, an entry opened after the user scrolled
 * down in another starts at its heading, while new traffic does not move the entry being read;
 * in the list, "Jump to latest" covers no row.
 */
let page: Page;
useE2eApp((started) => {
  page = started.page;
});
const { activePanel } = appLocators(() => page);

/** An HTTP exchange taller than the pane at 900 × 700: many headers and a long body. */
function exchange(seq: number): HttpEntry {
  const headers = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`x-header-${i}`, `value ${i} of exchange ${seq}`]));
  const body = JSON.stringify({ jsonrpc: '2.0', id: seq, result: { lines: Array.from({ length: 60 }, (_, i) => `line ${i}`) } }, null, 2);
  return {
    seq,
    connectionId: 'scroll',
    wallTime: 1_750_000_000_000 + seq,
    monoTime: seq,
    type: 'http',
    exchangeId: `x${seq}`,
    phase: 'complete',
    method: 'POST',
    url: 'https://api.example.com/mcp',
    status: 200,
    statusText: 'OK',
    requestHeaders: headers,
    responseHeaders: headers,
    requestBody: `{"jsonrpc":"2.0","id":${seq},"method":"tools/list"}`,
    responseBody: body,
    timings: { sent: seq, headers: seq + 1, done: seq + 2 },
  };
}

const detail = () => activePanel().getByTestId('trace-detail');
const scrollTop = () => detail().evaluate((el) => el.scrollTop);
const scrollDetailDown = () => detail().evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
/** The open entry's heading is in view at the top of the pane. */
const headingAtTop = async () => (await boxOf(detail().locator('.detail-head h3'))).y >= (await boxOf(detail())).y;

describe('the trace detail pane', () => {
  it('opens each newly selected entry at its top, and keeps the place while traffic streams in', async () => {
    await resizeViewport(page, { width: 900, height: 700 });
    const traceId = await page.evaluate((entries) => window.periscopeBench!.loadTrace(entries, 'Scrolling'), [exchange(1), exchange(2), exchange(3)]);
    const rows = activePanel().getByTestId('trace-row');
    await expect.poll(() => rows.count()).toBe(3);
    await rows.nth(0).click();
    await expect.poll(() => detail().locator('h3').innerText()).toContain('#1');
    await scrollDetailDown();
    await expect.poll(scrollTop).toBeGreaterThan(200);
    const readingAt = await scrollTop();

    // New traffic re-renders the pane: the entry being read stays where the reader left it.
    await page.evaluate(({ id, entries }) => window.periscopeBench!.appendEntries(id, entries), { id: traceId, entries: [exchange(4)] });
    await expect.poll(() => rows.count()).toBe(4);
    expect(await scrollTop()).toBe(readingAt);

    await rows.nth(1).click();
    await expect.poll(() => detail().locator('h3').innerText()).toContain('#2');
    expect(await scrollTop()).toBe(0);
    expect(await headingAtTop()).toBe(true);

    // The same when moving through the list with the keyboard.
    await scrollDetailDown();
    await expect.poll(scrollTop).toBeGreaterThan(200);
    await activePanel().getByRole('listbox').press('ArrowDown');
    await expect.poll(() => detail().locator('h3').innerText()).toContain('#3');
    expect(await scrollTop()).toBe(0);
    expect(await headingAtTop()).toBe(true);
  });

  it('"Jump to latest" sits below the rows of a list scrolled up, covering none of them', async () => {
    await resizeViewport(page, { width: 900, height: 700 });
    await page.evaluate((entries) => window.periscopeBench!.loadTrace(entries, 'Long'), Array.from({ length: 200 }, (_, i) => exchange(i + 1)));
    const list = activePanel().getByTestId('trace-list');
    const rows = activePanel().getByTestId('trace-row');
    await expect.poll(() => list.getAttribute('data-count')).toBe('200');
    await list.evaluate((el) => el.scrollTo({ top: 0 }));
    const jump = activePanel().getByTestId('jump-to-latest');
    await expect.poll(() => jump.count()).toBe(1);
    const button = await boxOf(jump);
    const listBox = await boxOf(list);
    let seen = 0;
    for (let i = 0; i < (await rows.count()); i++) {
      const drawn = await boxOf(rows.nth(i));
      // What is shown of a row: the list clips the rows scrolled (partly) out of its view.
      const top = Math.max(drawn.y, listBox.y);
      const bottom = Math.min(drawn.y + drawn.height, listBox.y + listBox.height);
      if (bottom <= top) continue;
      seen++;
      expect(overlaps({ ...drawn, y: top, height: bottom - top }, button), `row ${i}`).toBe(false);
    }
    expect(seen).toBeGreaterThan(10);
    await jump.click();
    await expect.poll(() => jump.count()).toBe(0);
    await expect.poll(() => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
  });
});
