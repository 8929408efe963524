import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStreamableFixture, type StreamableFixture } from '../fixtures/sdk-servers/streamable-fixture';
import { BIG_TEXT_MARKER, createResultsFixtureServer } from '../fixtures/sdk-servers/v1-results-server';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { boxOf, looksAt, resizeViewport } from './support/layout-checks';
import { callToolAndWait } from './support/tool-calls';

/**
 * Tool results by content type in Chromium on the production renderer, from a real 1.x SDK server
 * on 127.0.0.1 through the real core: a 5 MB text scrolled to its end and searched with Find in
 * result while the window keeps answering, audio and an image, Copy text, and structuredContent
 * that fits, breaks or is missing from the tool's outputSchema. Looked at in both schemes at 900
 * and 1600 px.
 */
let app: E2eApp;
let page: Page;
let fixture: StreamableFixture;

beforeAll(async () => {
  fixture = await startStreamableFixture(createResultsFixtureServer);
});

useE2eApp(async (started) => {
  app = started;
  page = started.page;
  await app.core.remotes.create({ name: 'Results server', transport: 'streamable', url: fixture.url, headers: [] });
});

afterAll(async () => {
  await fixture?.close();
});

const { remoteItem, activePanel: panel, showSection, connect } = appLocators(() => page);
const workbench = () => panel().getByTestId('tool-workbench');
const chooseTool = async (name: string) => {
  await panel().locator(`[data-testid="tool-item"][data-tool="${name}"]`).click();
  await expect.poll(() => workbench().getAttribute('data-tool')).toBe(name);
};

describe('tool results by content type', () => {
  it('a 5 MB text: scrolled to its end, then Find in result brings a line near the end into view, marked', async () => {
    await expect.poll(() => remoteItem('Results server').count(), { timeout: 10_000 }).toBe(1);
    await connect('Results server');
    await showSection('Tools');
    await chooseTool('big_text');
    const result = await callToolAndWait(workbench(), 'result', 30_000);
    const text = result.getByTestId('content-text');
    expect(Number(await text.getAttribute('data-length'))).toBeGreaterThan(5_000_000);
    // The text has the result's whole width: Copy text sits by the heading, not beside the text.
    const [textBox, copyBox] = [await boxOf(text), await boxOf(result.getByRole('button', { name: 'Copy text' }))];
    expect(textBox.x + textBox.width).toBeGreaterThan(copyBox.x + copyBox.width - 20);
    expect(textBox.y).toBeGreaterThan(copyBox.y + copyBox.height);
    // Scrolled to the end by the keyboard, as a reader would: the last line is drawn.
    await text.focus();
    await page.keyboard.press('End');
    await expect.poll(() => text.innerText(), { timeout: 10_000 }).toContain('the very end of the text');
    // Back at the top the end is not in the page at all (only the blocks in view are): Find reaches it.
    await page.keyboard.press('Home');
    await expect.poll(() => text.innerText()).toContain('line 0:');
    expect(await text.innerText()).not.toContain(BIG_TEXT_MARKER);
    // End then Home at once, as an impatient reader does: the second key wins, nothing drawn on
    // the way (and measured) pulls the view back.
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await expect.poll(() => text.innerText()).toContain('line 0:');
    expect(await text.evaluate((element) => element.scrollTop)).toBe(0);
    const find = result.getByRole('searchbox', { name: 'Find in result' });
    await find.fill(BIG_TEXT_MARKER);
    await expect.poll(() => result.getByTestId('find-count').innerText(), { timeout: 10_000 }).toBe('1 of 1');
    const mark = text.getByTestId('find-current');
    await expect.poll(() => mark.count(), { timeout: 10_000 }).toBe(1);
    expect(await mark.innerText()).toBe(BIG_TEXT_MARKER);
    // Shown: inside the visible part of the scrolling text, not merely in the page.
    await expect.poll(async () => within(await boxOf(mark), await boxOf(text)), { timeout: 5_000 }).toBe(true);
    await looksAt(app, page, 'tool-result-find');
  });

  it('Find in result brings a match near the end into view at 900 px after the end was drawn at a wider window', async () => {
    const result = workbench().getByTestId('call-result');
    const find = result.getByRole('searchbox', { name: 'Find in result' });
    const text = result.getByTestId('content-text');
    // The end is drawn (and measured) at 1400 px; back at the top, the window narrows to 900 px,
    // where each line wraps: the end's blocks are far taller than they were measured.
    await find.fill('line 51999:');
    await expect.poll(() => result.getByTestId('find-count').innerText(), { timeout: 10_000 }).toBe('1 of 1');
    await find.fill('line 1:');
    await expect.poll(() => text.innerText()).toContain('line 1:');
    await resizeViewport(page, { width: 900, height: 700 });
    try {
      await find.fill(BIG_TEXT_MARKER);
      const mark = text.getByTestId('find-current');
      await expect.poll(() => mark.count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(async () => within(await boxOf(mark), await boxOf(text)), { timeout: 5_000 }).toBe(true);
    } finally {
      await resizeViewport(page, { width: 1400, height: 900 });
    }
  });

  it('stays responsive with the 5 MB result shown: a search of 100,000+ matches steps by Enter, and another section opens at a click', async () => {
    const result = workbench().getByTestId('call-result');
    const find = result.getByRole('searchbox', { name: 'Find in result' });
    await find.fill('fox');
    await expect.poll(() => result.getByTestId('find-count').innerText(), { timeout: 10_000 }).toBe('1 of 100,000+');
    await find.press('Enter');
    await expect.poll(() => result.getByTestId('find-count').innerText()).toBe('2 of 100,000+');
    await find.press('Shift+Enter');
    await find.press('Shift+Enter');
    // Back past the first: the last one counted, at the end of the first 100,000.
    await expect.poll(() => result.getByTestId('find-count').innerText()).toBe('100,000 of 100,000+');
    expect(await result.getByTestId('find-current').innerText()).toBe('fox');
    // The window still handles a click on another section's tab, and comes back to the same result.
    await showSection('Trace');
    await expect.poll(() => panel().getByRole('tab', { name: 'Trace', exact: true }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => panel().getByTestId('trace-count').count()).toBe(1);
    await showSection('Tools');
    await expect.poll(() => panel().getByRole('tab', { name: 'Tools', exact: true }).getAttribute('aria-selected')).toBe('true');
    expect(Number(await workbench().getByTestId('content-text').getAttribute('data-length'))).toBeGreaterThan(5_000_000);
  });

  it('Find in result over a text shown as Markdown: searches what is drawn, marks every match, steps to each in view', async () => {
    await chooseTool('markdown_report');
    const result = await callToolAndWait(workbench());
    const find = result.getByRole('searchbox', { name: 'Find in result' });
    // The plain text: "needle" written whole three times ("nee**dle**" is not).
    await find.fill('needle');
    await expect.poll(() => result.getByTestId('find-count').innerText()).toBe('1 of 3');
    await result.getByTestId('markdown-toggle').click();
    const view = result.getByTestId('markdown-view');
    await expect.poll(() => view.count()).toBe(1);
    // As Markdown: four drawn, one of them across the bold; the link's Open button is not searched.
    await result.getByRole('searchbox', { name: 'Find in result' }).fill('needle');
    await expect.poll(() => result.getByTestId('find-count').innerText()).toBe('1 of 4');
    expect(await paintedMatches()).toEqual({ all: ['needle', 'needle', 'needle', 'needle'], current: ['needle'] });
    await result.getByRole('searchbox', { name: 'Find in result' }).fill('open');
    await expect.poll(() => result.getByTestId('find-count').innerText()).toBe('No matches');
    await result.getByRole('searchbox', { name: 'Find in result' }).fill('needle');
    const steps = [['Enter', '2 of 4'], ['Enter', '3 of 4'], ['Enter', '4 of 4'], ['Enter', '1 of 4'], ['Shift+Enter', '4 of 4']];
    for (const [key, expected] of steps) {
      await result.getByRole('searchbox', { name: 'Find in result' }).press(key!);
      await expect.poll(() => result.getByTestId('find-count').innerText()).toBe(expected);
      // Each current match is brought into the visible part of the scrolling view.
      await expect.poll(async () => within(await currentBox(), await boxOf(view)), { timeout: 5_000 }).toBe(true);
    }
    // A match at the bottom of a tall code block is brought into view, not just its block.
    await result.getByRole('searchbox', { name: 'Find in result' }).fill('pin-at-the-bottom');
    await expect.poll(() => result.getByTestId('find-count').innerText()).toBe('1 of 1');
    await expect.poll(async () => within(await currentBox(), await boxOf(view)), { timeout: 5_000 }).toBe(true);
    await result.getByRole('searchbox', { name: 'Find in result' }).fill('needle');
    await looksAt(app, page, 'tool-result-markdown-find', [900, 1600], 'once');
    // Escape empties the field and takes every mark away.
    await result.getByRole('searchbox', { name: 'Find in result' }).press('Escape');
    await expect.poll(paintedMatches).toEqual({ all: [], current: [] });
  });

  it('plays audio and draws an image from the result', async () => {
    await chooseTool('chirp');
    const audio = (await callToolAndWait(workbench())).locator('audio');
    expect(await audio.evaluate((el) => ({ controls: (el as unknown as { controls: boolean }).controls, src: el.getAttribute('src')?.slice(0, 22) }))).toEqual({ controls: true, src: 'data:audio/wav;base64,' });
    await chooseTool('picture');
    const image = (await callToolAndWait(workbench())).getByRole('img', { name: 'Block 1: image/png image' });
    // Drawn under the production Content-Security-Policy: the browser decoded it (1 × 1 px).
    await expect.poll(() => image.evaluate((el) => {
      const img = el as unknown as { complete: boolean; naturalWidth: number };
      return img.complete && img.naturalWidth;
    })).toBe(1);
  });

  it('checks structuredContent against the outputSchema: each violation, a missing one, a match', async () => {
    await chooseTool('weather_wrong');
    let result = await callToolAndWait(workbench());
    const violations = result.getByRole('list', { name: "Does not match the tool's outputSchema" }).getByRole('listitem');
    expect((await violations.allInnerTexts()).sort()).toEqual(['/city must be a string', '/sky must be one of "clear", "cloudy"', '/temperatureC must be a number']);
    expect(await result.getByTestId('structured-json').innerText()).toContain('"sky": "purple"');
    await looksAt(app, page, 'tool-result-violations');
    await chooseTool('weather_missing');
    result = await callToolAndWait(workbench());
    expect(await result.getByTestId('output-violations').innerText()).toBe('(structuredContent) missing: the tool declares an outputSchema but returned no structuredContent');
    await chooseTool('weather_ok');
    result = await callToolAndWait(workbench());
    expect(await result.getByTestId('output-schema-ok').innerText()).toBe("✓ Matches the tool's outputSchema.");
  });

  it('Copy text puts the result text on the clipboard', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const result = workbench().getByTestId('call-result');
    await result.getByRole('button', { name: 'Copy text' }).click();
    await expect.poll(() => result.getByTestId('copy-result-text').innerText()).toBe('✓ Copied');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe('clear, 21 °C');
  });
});

/** True when the inner box lies wholly inside the outer one. */
/** The texts of the ranges painted by the find marks over a Markdown view (the CSS Custom Highlight API). */
function paintedMatches(): Promise<{ all: string[]; current: string[] }> {
  // Runs in the page; this project's types are Node's, without the DOM's.
  type Painted = { highlights: Map<string, Set<{ toString(): string }>> };
  return page.evaluate(() => {
    const { highlights } = (globalThis as unknown as { CSS: Painted }).CSS;
    const texts = (name: string) => [...(highlights.get(name) ?? [])].map((range) => range.toString());
    return { all: texts('find-match'), current: texts('find-current') };
  });
}

/** Where the current find mark over a Markdown view is drawn. */
function currentBox(): Promise<{ x: number; y: number; width: number; height: number }> {
  type Painted = { highlights: Map<string, Set<{ getBoundingClientRect(): { x: number; y: number; width: number; height: number } }>> };
  return page.evaluate(() => {
    const [range] = [...((globalThis as unknown as { CSS: Painted }).CSS.highlights.get('find-current') ?? [])];
    const box = range!.getBoundingClientRect();
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  });
}

function within(inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }): boolean {
  return inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height && inner.x >= outer.x && inner.x + inner.width <= outer.x + outer.width;
}
