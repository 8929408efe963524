import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrokenListsServer } from '../fixtures/sdk-servers/misbehaving/broken-lists-fixture';
import { startSessionOnModernFixture } from '../fixtures/sdk-servers/misbehaving/session-on-modern-fixture';
import type { HandRolledServer } from '../fixtures/sdk-servers/misbehaving/hand-rolled-server';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { boxOf, layoutSettled, looksAt, resizeViewport, type Box } from './support/layout-checks';

// Page-side code in evaluate() runs in Chromium; the Node project has no DOM types.
declare function getComputedStyle(
  element: unknown,
  pseudo?: string,
): { listStyleType: string; outlineOffset: string; outlineWidth: string; outlineStyle: string; color: string; left: string; width: string; content: string; getPropertyValue(name: string): string };

/**
 * What a 900 px window hides, and how the app says so, in Chromium (whose scrollbars here, like
 * macOS's, show nothing until one scrolls): the open tabs and a connection's sections, the
 * latency table, a list of invalid items, a connection's warning and a remote's name beside
 * Disconnect. Every place that scrolls must either show all or say what is out of view.
 */
let app: E2eApp;
let page: Page;
let broken: HandRolledServer;
let sessionOnModern: HandRolledServer;

const LONG_NAME = 'A remote with a rather long name for the sidebar';
/** Forty tools that break the schema (their inputSchema is no object) and one that does not. */
const BAD_TOOLS = [...Array.from({ length: 40 }, (_, i) => ({ name: `bad-tool-${i + 1}`, inputSchema: { type: 'string' } })), { name: 'ok-tool', inputSchema: { type: 'object' } }];
const base = { headers: [], args: [], env: {}, timeouts: {}, tls: { caFiles: [], acceptInvalidCertificates: false }, notes: '', protocolEra: 'auto' as const };

beforeAll(async () => {
  broken = await startBrokenListsServer({ tools: BAD_TOOLS });
  sessionOnModern = await startSessionOnModernFixture();
});
useE2eApp((started) => {
  app = started;
  page = started.page;
});
afterAll(async () => {
  await broken?.close();
  await sessionOnModern?.close();
});

const { remoteItem, activePanel, showSection, connect } = appLocators(() => page);
const tabList = () => page.getByRole('tablist', { name: 'Open connections and sessions' });

async function createRemote(draft: Record<string, unknown>): Promise<void> {
  await app.core.handlers['remotes:create']({ draft: { ...base, ...draft } as never });
  await expect.poll(() => remoteItem(String(draft.name)).count()).toBe(1);
}

/** The first box lies entirely inside the second, sideways and up and down. */
function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y >= outer.y - 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
}

/** The first box lies inside the second sideways (a chart loading above may move both up or down between two reads). */
function insideSideways(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5;
}

/** The part of `area` right of its sticky first column `sticky`: what shows of the columns that scroll. */
function besideColumn(area: Box, sticky: Box): Box {
  const left = sticky.x + sticky.width;
  return { ...area, x: left, width: area.x + area.width - left };
}

/** The width of the tab strip's fade on each side (overflow.css: 24 px on a side with more, else 0). */
async function stripFades(): Promise<{ before: number; after: number }> {
  return tabList().evaluate((el) => {
    const style = getComputedStyle(el);
    return { before: parseFloat(style.getPropertyValue('--fade-before')) || 0, after: parseFloat(style.getPropertyValue('--fade-after')) || 0 };
  });
}

/**
 * `tab` is cut at the tab strip's start, and what shows of it starts with its name: the name drawn
 * again past the fade (its title's ::after), with the room up to its × (at least `room` px), over
 * its state, whose words go clear; the tab's accessible name still says them.
 */
async function nameShowsPastTheFade(tab: Locator, title: string, room: number): Promise<void> {
  const strip = await boxOf(tabList());
  const fade = (await stripFades()).before;
  expect(fade, 'a fade over the strip\'s start').toBeGreaterThan(0);
  expect((await boxOf(tab)).x, `${title}: cut at the strip's start`).toBeLessThan(strip.x - 1);
  const drawn = await tab.evaluate((el) => {
    const style = getComputedStyle(el.querySelector('.tab-title'), '::after');
    return { x: el.getBoundingClientRect().left + el.clientLeft + parseFloat(style.left), width: parseFloat(style.width), content: style.content, state: getComputedStyle(el.querySelector('.tab-state')).color };
  });
  // The whole title, cut by its box; nothing of its own for screen readers (the empty alternative).
  expect(drawn.content).toBe(`"${title}" / ""`);
  expect(Math.abs(drawn.x - (strip.x + fade)), `${title}: its name starts where the fade ends`).toBeLessThan(1);
  const x = await boxOf(tab.locator('.tab-x'));
  expect(drawn.width, `${title}: room for the start of its name`).toBeGreaterThanOrEqual(room);
  expect(Math.abs(drawn.x + drawn.width + 4 - x.x), `${title}: its name ends 4 px before its ×`).toBeLessThan(1);
  expect(drawn.state, `${title}: the words of its state clear`).toBe('rgba(0, 0, 0, 0)');
  expect(await tabList().getByRole('tab', { name: `${title} (connected)`, exact: true }).count()).toBe(1);
}

/** Clicks a "more on this side" button until `target` is wholly in `area`'s view (at most 10 clicks). */
async function scrollIntoViewWith(button: Locator, target: Locator, area: Locator): Promise<void> {
  for (let i = 0; i < 10 && !inside(await boxOf(target), await boxOf(area)); i++) {
    expect(await button.getAttribute('aria-disabled'), 'a button says there is more while something is out of view').toBeNull();
    expect(Number(await button.getAttribute('data-count'))).toBeGreaterThan(0);
    await button.click();
    await layoutSettled(page);
  }
  expect(inside(await boxOf(target), await boxOf(area))).toBe(true);
}

describe('a 900 px window says what it does not show', () => {
  it('the open tabs: those out of view are counted at the strip\'s ends and brought in by a click, one cut at the start shows its name, the focus ring shows whole; every section stays in view', async () => {
    await resizeViewport(page, { width: 900, height: 700 });
    await expect.poll(() => remoteItem('Playground').count()).toBe(1);
    await createRemote({ name: LONG_NAME, transport: 'streamable', url: sessionOnModern.url });
    await createRemote({ name: 'Broken lists server', transport: 'streamable', url: broken.url, protocolEra: 'legacy' });
    await connect('Playground');
    await connect(LONG_NAME);
    await connect('Broken lists server');
    const tabs = tabList().getByRole('tab');
    await expect.poll(() => tabs.count()).toBe(3);
    // The last one opened is in front and in view; the first is out of view on the left, and the strip says so.
    await expect.poll(async () => inside(await boxOf(tabs.last()), await boxOf(tabList()))).toBe(true);
    expect(inside(await boxOf(tabs.first()), await boxOf(tabList()))).toBe(false);
    // The one between is cut at the strip's start: it used to show only "(connected) ×" there.
    await nameShowsPastTheFade(tabs.nth(1), LONG_NAME, 80);
    await looksAt(app, page, 'narrow-tab-strip-cut', [900], 'once');
    await scrollIntoViewWith(page.getByTestId('tabs-left'), tabs.first(), tabList());
    await scrollIntoViewWith(page.getByTestId('tabs-right'), tabs.last(), tabList());
    // Nothing more on the right: that button stays in place but is no Tab stop. From the tab in
    // front (the last), Tab goes on to Close tab, and Shift+Tab back to the tab, then to the left one.
    const [left, right] = [page.getByTestId('tabs-left'), page.getByTestId('tabs-right')];
    expect(await right.getAttribute('aria-disabled')).toBe('true');
    expect(await left.getAttribute('aria-disabled')).toBeNull();
    const focusedTestId = () => page.locator(':focus').getAttribute('data-testid');
    await tabs.last().focus();
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('close-tab');
    // It says which tab it closes, after the words it shows (label in name); so does the ×'s tooltip.
    expect(await page.getByRole('button', { name: 'Close tab: Broken lists server', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('close-tab').innerText()).toBe('Close tab');
    expect(await tabs.last().locator('.tab-x').getAttribute('title')).toBe('Close tab: Broken lists server');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedTestId()).toBe('tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedTestId()).toBe('tabs-left');
    // Both are comfortable targets, 24 × 24 px at least.
    for (const button of [left, right]) {
      const box = await boxOf(button);
      expect(Math.min(box.width, box.height), `${await button.getAttribute('data-testid')}`).toBeGreaterThanOrEqual(24);
    }
    // The keyboard still moves between tabs, and the tab it picks comes into view.
    await tabs.last().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => inside(await boxOf(tabs.first()), await boxOf(tabList()))).toBe(true);
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
    await looksAt(app, page, 'narrow-tab-strip');

    // → again: the next tab comes into view clear of the fades, its focus ring drawn inside it (the
    // strip clips what lies outside a tab); Playground, now cut at the strip's start, shows the start
    // of its name in what is left of it.
    await page.keyboard.press('ArrowRight');
    await layoutSettled(page);
    const picked = tabs.nth(1);
    expect(await picked.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    const ring = await picked.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), offset: parseFloat(style.outlineOffset) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.offset + ring.width, 'the ring lies inside the tab').toBeLessThanOrEqual(0);
    const [strip, fades, pickedBox] = [await boxOf(tabList()), await stripFades(), await boxOf(picked)];
    expect(fades.after, 'more tabs after it').toBeGreaterThan(0);
    expect(inside(pickedBox, { ...strip, x: strip.x + fades.before, width: strip.width - fades.before - fades.after }), 'the picked tab clear of the fades').toBe(true);
    await nameShowsPastTheFade(tabs.first(), 'Playground', 10);
    await looksAt(app, page, 'narrow-tab-strip-focus', [900], 'once');
    await page.keyboard.press('ArrowLeft');

    // A connection's sections wrap rather than scroll: the first and the last are whole, on screen.
    const sections = activePanel().getByRole('tablist', { name: /^Sections of / });
    const viewport: Box = { x: 0, y: 0, width: 900, height: 700 };
    for (const name of ['Overview', 'Latency']) {
      const tab = sections.getByRole('tab', { name, exact: true });
      expect(inside(await boxOf(tab), await boxOf(sections)), `${name} inside its tab list`).toBe(true);
      expect(inside(await boxOf(tab), viewport), `${name} on screen`).toBe(true);
    }
    expect(await sections.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  });

  it('the latency table: too wide for the pane, it says how many columns are out of view; a click brings the last one in', async () => {
    await page.getByRole('tab', { name: /^Playground/ }).click();
    await showSection('Latency');
    const region = activePanel().getByRole('region', { name: 'Latency per method and name' });
    await expect.poll(() => region.count(), { timeout: 10_000 }).toBe(1);
    // Scrolled within the Latency pane only (scrollIntoView would also nudge the window).
    await region.evaluate((el) => {
      const pane = el.closest('.latency-view')!;
      pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 120;
    });
    await layoutSettled(page);
    // The charts' figures for screen readers sit in the pane: the window itself never scrolls.
    expect(await page.locator('html').evaluate((html) => [html.scrollHeight, html.clientHeight])).toEqual([700, 700]);
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth + 1), 'the table is wider than the pane at 900 px').toBe(true);
    const bar = activePanel().getByTestId('metrics-scroll-bar');
    expect(await bar.innerText()).toContain('Scroll sideways for more columns');
    // The round-trip figures come right after the counts, the HTTP phases (mostly "—") last: min
    // and p50 are in view from the start, beside the method column.
    const headers = await region.getByRole('columnheader').allInnerTexts();
    expect(headers.map((text) => text.replace(/\s*[▲▼]$/, ''))).toEqual(['Method · name', 'Requests', 'Errors', 'Req/s', 'min', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'max', 'Headers p50', '1st event p50']);
    const view = besideColumn(await boxOf(region), await boxOf(region.getByRole('columnheader', { name: /Method · name/ })));
    for (const name of ['min', 'p50']) {
      const box = await boxOf(region.getByRole('columnheader', { name, exact: true }));
      expect(insideSideways(box, view), `${name} in view at first: ${JSON.stringify({ box, view })}`).toBe(true);
    }
    const max = region.getByRole('columnheader', { name: 'max', exact: true });
    await scrollIntoViewWith(activePanel().getByTestId('metrics-columns-right'), max, region);
    // The method column stays in view over the columns scrolled under it; headers still sort.
    expect(await region.getByRole('columnheader', { name: /Method · name/ }).isVisible()).toBe(true);
    await max.getByRole('button', { name: 'max' }).click();
    expect(await max.getAttribute('aria-sort')).toBe('descending');
    expect(Number(await activePanel().getByTestId('metrics-columns-left').getAttribute('data-count'))).toBeGreaterThan(0);
    await looksAt(app, page, 'narrow-latency-table', [900], 'once');
  });

  it('the latency table from the keyboard: each header reached with Tab comes wholly into view beside the method column', async () => {
    const region = activePanel().getByRole('region', { name: 'Latency per method and name' });
    const methodColumn = region.getByRole('columnheader', { name: /Method · name/ });
    const focusedHeader = region.locator('th:has(:focus)');
    /** The focused header lies wholly between the method column and the table's right edge, and nothing covers its left edge. */
    const besideMethodColumn = async () => {
      const view = besideColumn(await boxOf(region), await boxOf(methodColumn));
      const header = await boxOf(focusedHeader);
      const uncovered = await focusedHeader.evaluate((th) => {
        const r = th.getBoundingClientRect();
        return th.contains(th.ownerDocument.elementFromPoint(r.left + 2, r.top + r.height / 2));
      });
      return insideSideways(header, view) && uncovered;
    };
    // Scrolled to the end, then Tab from the region: the method header, then every other one in turn.
    await region.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await layoutSettled(page);
    await region.focus();
    await page.keyboard.press('Tab');
    expect(await focusedHeader.innerText()).toMatch(/^Method · name/);
    const names = ['Requests', 'Errors', 'Req/s', 'min', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'max', 'Headers p50', '1st event p50'];
    for (const name of names) {
      await page.keyboard.press('Tab');
      await layoutSettled(page);
      expect((await focusedHeader.innerText()).replace(/\s*[▲▼]$/, '')).toBe(name);
      expect(await besideMethodColumn(), `${name} beside the method column`).toBe(true);
    }
    // Backwards from the middle: each header half under the method column comes out from under it.
    await region.evaluate((el) => (el.scrollLeft = el.scrollWidth / 3));
    await layoutSettled(page);
    for (const name of [...names].reverse().slice(1, 8)) {
      await page.keyboard.press('Shift+Tab');
      await layoutSettled(page);
      expect((await focusedHeader.innerText()).replace(/\s*[▲▼]$/, '')).toBe(name);
      expect(await besideMethodColumn(), `${name} beside the method column (Shift+Tab)`).toBe(true);
    }
  });

  it('the spans in view, as a table: too wide for the pane, it says so as the latency table does; a click brings the last column in', async () => {
    const list = activePanel().getByTestId('timeline-list');
    await list.locator('summary').click();
    const region = list.getByRole('region', { name: 'Spans in view' });
    await region.evaluate((el) => {
      const pane = el.closest('.latency-view')!;
      pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 120;
    });
    await layoutSettled(page);
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth + 1), 'the spans table is wider than the pane at 900 px').toBe(true);
    expect(await list.getByTestId('timeline-list-scroll-bar').innerText()).toContain('Scroll sideways for more columns');
    const progress = region.getByRole('columnheader', { name: 'Progress' });
    expect(inside(await boxOf(progress), await boxOf(region))).toBe(false);
    await scrollIntoViewWith(list.getByTestId('timeline-list-columns-right'), progress, region);
    expect(Number(await list.getByTestId('timeline-list-columns-left').getAttribute('data-count'))).toBeGreaterThan(0);
    // Scrolled to its last column, the table still names each row: the Span column stays in view.
    const firstName = list.getByTestId('timeline-row').first().getByRole('button', { name: /^Show .+ in the trace$/ });
    expect(inside(await boxOf(firstName), await boxOf(region)), 'the first span\'s name is in view beside Progress').toBe(true);
    expect(inside(await boxOf(progress), await boxOf(region))).toBe(true);
    await looksAt(app, page, 'narrow-spans-table', [900], 'once');
  });

  it('a connection warning has one marker; a long name beside Disconnect takes a second line and keeps its tooltip', async () => {
    await page.getByRole('tab', { name: new RegExp(`^${LONG_NAME}`) }).click();
    await showSection('Overview');
    const warnings = activePanel().getByTestId('connection-warnings');
    const item = warnings.getByRole('listitem').first();
    expect(await item.innerText()).toMatch(/^⚠\s*The server sent Mcp-Session-Id/);
    expect((await item.innerText()).match(/⚠/g)).toHaveLength(1);
    expect(await item.evaluate((li) => getComputedStyle(li).listStyleType)).toBe('none');

    const name = remoteItem('Broken lists server').getByRole('button', { name: 'Show Broken lists server' });
    expect(await remoteItem('Broken lists server').getByTestId('disconnect-button').isVisible()).toBe(true);
    // Whole, on two lines: nothing of it is cut.
    expect(await name.locator('.remote-name-text').evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    expect(await remoteItem(LONG_NAME).getByRole('button', { name: `Show ${LONG_NAME}` }).getAttribute('title')).toBe(LONG_NAME);
    await looksAt(app, page, 'narrow-warning-and-names');
  });

  it('a notice of invalid items: a list that scrolls counts what is below; the pointer to the Trace is said once per column', async () => {
    await page.getByRole('tab', { name: /^Broken lists server/ }).click();
    await showSection('Tools');
    const notice = activePanel().getByTestId('invalid-tools');
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    await notice.locator('summary').click();
    const more = notice.getByTestId('invalid-items-more');
    await expect.poll(() => more.innerText()).toMatch(/^\d+ more tools below: scroll the list$/);
    const list = notice.getByRole('list', { name: 'tools left out' });
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => more.count()).toBe(0);
    await list.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect.poll(() => more.count()).toBe(1);
    await looksAt(app, page, 'narrow-invalid-tools');

    await showSection('Resources');
    const resources = activePanel().getByTestId('invalid-resources');
    const templates = activePanel().getByTestId('invalid-resource-templates');
    await expect.poll(() => templates.count(), { timeout: 10_000 }).toBe(1);
    await resources.locator('summary').click();
    expect(await resources.getByTestId('invalid-items-trace').isVisible()).toBe(true);
    await templates.locator('summary').click();
    // Both open: said once, under the last.
    expect(await resources.getByTestId('invalid-items-trace').isVisible()).toBe(false);
    expect(await templates.getByTestId('invalid-items-trace').isVisible()).toBe(true);
    await looksAt(app, page, 'narrow-invalid-resources', [900], 'once');
  });
});
