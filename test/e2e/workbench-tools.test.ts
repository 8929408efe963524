import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousA11yViolations } from './support/axe-scan';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt, resizeViewport } from './support/layout-checks';
import { callToolAndWait } from './support/tool-calls';

/**
 * The tools workbench in Chromium on the production renderer, against the built-in playground
 * through the real core: call from the generated form, a validation error that blocks, a cancel,
 * a re-run from the history, looked at in both schemes at 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;
useE2eApp((started) => {
  app = started;
  page = started.page;
});

const { remoteItem, activePanel: panel } = appLocators(() => page);
const workbench = () => panel().getByTestId('tool-workbench');
const chooseTool = async (name: string) => {
  await panel().locator(`[data-testid="tool-item"][data-tool="${name}"]`).click();
  await expect.poll(() => workbench().getAttribute('data-tool')).toBe(name);
};

/** A latency chart's legend as a screen reader finds it. */
const legendOf = (chart: Locator) => chart.getByRole('group', { name: /: legend, / });
/** A latency chart's figures in words, as a screen reader finds them (not shown). */
const figuresOf = (chart: Locator) => chart.getByRole('list', { name: /figures/ }).getByRole('listitem').allTextContents();

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
    // Rendered as Markdown on request, under the production Content-Security-Policy.
    await result.getByRole('button', { name: 'Show as Markdown: Block 1' }).click();
    expect(await result.getByTestId('markdown-view').locator('p').innerText()).toBe('5');
    await result.getByRole('button', { name: 'Show as Markdown: Block 1' }).click();
    expect(await result.getByTestId('content-text').innerText()).toBe('5');
  });

  it('a validation error blocks a bad value: nothing is sent, the error is next to the field', async () => {
    const before = await workbench().getByTestId('history-entry').count();
    await workbench().getByLabel(/^b/).fill('');
    await workbench().getByTestId('call-tool').click();
    const field = workbench().locator('.form-group.has-error');
    await expect.poll(() => field.count()).toBe(1);
    expect(await field.innerText()).toMatch(/b[\s\S]*A value is required/);
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

  it('a resource link in a result opens in Resources, read, and its Markdown renders on request', async () => {
    await chooseTool('find_docs');
    await workbench().getByTestId('call-tool').click();
    const result = workbench().getByTestId('call-result');
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('result');
    await result.getByRole('button', { name: 'Open playground://readme in Resources' }).click();
    await expect.poll(() => panel().getByRole('tab', { name: 'Resources', exact: true }).getAttribute('aria-selected')).toBe('true');
    const resource = panel().getByTestId('resource-panel');
    await expect.poll(() => resource.getByTestId('content-text').innerText(), { timeout: 10_000 }).toContain('playground');
    await resource.getByRole('button', { name: /^Show as Markdown: Contents of playground:\/\/readme/ }).click();
    await expect.poll(() => resource.getByTestId('markdown-view').locator('h1, h2').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await looksAt(app, page, 'workbench-resource-link-markdown');
    await panel().getByRole('tab', { name: 'Tools', exact: true }).click();
  });

  it('the Latency section: each method and tool with its figures, sortable, live', async () => {
    await panel().getByRole('tab', { name: 'Latency', exact: true }).click();
    const table = panel().getByTestId('metrics-table');
    await expect.poll(() => table.locator('[data-testid="metrics-row"][data-method="tools/call"][data-name="add"]').count(), { timeout: 10_000 }).toBe(1);
    const add = table.locator('[data-testid="metrics-row"][data-method="tools/call"][data-name="add"]');
    expect(Number((await add.getByRole('cell').first().innerText()).replace(/,/g, ''))).toBeGreaterThanOrEqual(2);
    // How the connection came up: the playground is on 127.0.0.1 over http, so TCP, first byte and the handshake.
    const setupPhases = panel().getByTestId('latency-view').getByTestId('setup-phase');
    expect(await setupPhases.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-phase')))).toEqual(['tcp', 'first-byte', 'handshake']);
    expect(await panel().getByTestId('latency-view').getByTestId('connection-setup').innerText()).toMatch(/Handshake \((initialize|server\/discover)\)/);
    expect(await panel().getByTestId('latency-summary').innerText()).toMatch(/\d+ requests, \d+ answered, \d+ failed.*p50 [\d.]+ ms · p99 [\d.]+ ms · live/);
    // Each answered request a point on the canvas chart, coloured by method, with a legend.
    const chart = panel().getByTestId('latency-chart');
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 5000 }).toBeGreaterThanOrEqual(5);
    expect(await chart.locator('canvas').count()).toBe(1);
    expect(await chart.locator('.u-legend').innerText()).toContain('tools/call');
    // For screen readers: the legend beside the picture (inside role="img" it was not read), and each method's figures in words.
    expect(await chart.getByRole('img').locator('.u-legend').count()).toBe(0);
    expect(await legendOf(chart).getByRole('rowheader', { name: /tools\/call/ }).count()).toBe(1);
    expect(await figuresOf(chart)).toContainEqual(expect.stringMatching(/^tools\/call: [\d,]+ requests, p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms$/));
    const distribution = panel().getByTestId('latency-distribution');
    expect(await distribution.locator('canvas').count()).toBe(1);
    expect(await distribution.locator('.u-legend').innerText()).toContain('tools/call');
    // With no pointer over a plot, its legend names the methods only: no dash for each value.
    for (const legend of [chart.locator('.u-legend'), distribution.locator('.u-legend')]) expect(await legend.innerText()).not.toMatch(/—|--|^\s*(time|percentile)/);
    expect(await figuresOf(distribution)).toEqual(await figuresOf(chart));
    // Over time, the legend shows the points near the pointer only: on a point, its value; zoomed
    // into the empty margin after the last point, nothing (it showed that point, however far).
    await chart.scrollIntoViewIfNeeded();
    const overTime = (await chart.locator('.u-over').boundingBox())!;
    const chartLegend = chart.locator('.chart-legend');
    await page.mouse.move(overTime.x + overTime.width * 0.985, overTime.y + overTime.height / 2);
    await page.mouse.down();
    await page.mouse.move(overTime.x + overTime.width * 0.999, overTime.y + overTime.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.mouse.move(overTime.x + overTime.width * 0.5, overTime.y + overTime.height / 2);
    expect(await chartLegend.getAttribute('data-idle')).toBe('true');
    expect(await chartLegend.innerText()).not.toMatch(/\d ms/);
    await page.mouse.dblclick(overTime.x + overTime.width * 0.5, overTime.y + overTime.height / 2);
    // The last point sits 2 % of the span before the right edge (timeRange's margin): somewhere
    // down that column the pointer is near it, and the legend shows its value (chart-hover.test.ts
    // has the distances).
    const lastX = overTime.x + overTime.width * (1 - 0.02 / 1.04);
    const idleDownTheColumn: boolean[] = [];
    for (let y = overTime.y + 4; y < overTime.y + overTime.height; y += 12) {
      await page.mouse.move(lastX, y);
      idleDownTheColumn.push((await chartLegend.getAttribute('data-idle')) === 'true');
      if (!idleDownTheColumn.at(-1)) expect(await chartLegend.innerText()).toMatch(/[\d.]+ ms/);
    }
    expect(idleDownTheColumn).toContain(false);
    await page.mouse.move(0, 0);
    // The values under the pointer are read from the legend: tools/call's latency at the percentile pointed at.
    await distribution.scrollIntoViewIfNeeded();
    const plot = (await distribution.locator('.u-over').boundingBox())!;
    await page.mouse.move(plot.x + plot.width * 0.1, plot.y + plot.height / 2);
    expect(await legendOf(distribution).getByRole('row', { name: /tools\/call/ }).getByRole('cell').innerText()).toMatch(/^[\d.]+ ms$/);
    expect(await distribution.locator('.u-legend').innerText()).toMatch(/^\s*percentile\s*p[\d.]+/);
    // The same distribution as a histogram: drawn anew, a share per latency bucket, and back.
    await distribution.getByRole('button', { name: 'Histogram', exact: true }).click();
    await expect.poll(() => distribution.getAttribute('data-view')).toBe('histogram');
    expect(await distribution.locator('canvas').count()).toBe(1);
    expect(await distribution.getByRole('img').getAttribute('aria-label')).toMatch(/^Latency distribution: the histogram of .*tools\/call/);
    // Drawn anew, with no pointer over it: the methods only.
    expect(await distribution.locator('.u-legend').innerText()).not.toMatch(/latency from/);
    expect(await distribution.locator('.u-legend').innerText()).toContain('tools/call');
    // The legend names the bucket under the cursor, in its right half too (uPlot's nearest x is the next bucket's edge).
    await distribution.scrollIntoViewIfNeeded();
    const box = (await distribution.locator('.u-over').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    expect(await distribution.locator('.u-legend').innerText()).toMatch(/latency from[\s\S]*tools\/call/);
    expect(await legendOf(distribution).getByRole('rowheader', { name: /latency from/ }).count()).toBe(1);
    const bucketAt = async (fraction: number) => {
      await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
      const [, value, unit] = /([\d.]+) (µs|ms|s)/.exec(await distribution.locator('.u-legend .u-series').first().innerText())!;
      return Number(value) * { µs: 0.001, ms: 1, s: 1000 }[unit as 'µs' | 'ms' | 's'];
    };
    const sweep: Array<[number, number]> = [];
    for (let i = 0; i < 90; i++) sweep.push([(i + 0.5) / 90, await bucketAt((i + 0.5) / 90)]);
    // Ten buckets a decade, equal widths on the log axis, from the first bucket's edge to one past the last.
    const first = sweep[0]![1];
    const buckets = Math.round((Math.log10(sweep.at(-1)![1] / first) + 0.1) * 10);
    for (const [fraction, edge] of sweep) {
      const position = fraction * buckets;
      if (Math.abs(position - Math.round(position)) < 0.05) continue; // on a border, a pixel decides
      expect(edge / (first * 10 ** (Math.floor(position) / 10)), `at ${fraction.toFixed(3)} of the width`).toBeCloseTo(1, 1);
    }
    // A zoom stays while the live figures refresh (every second) until a double-click zooms out.
    const centre = await bucketAt(0.5);
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const zoomedCentre = await bucketAt(0.5);
    expect(zoomedCentre).toBeGreaterThan(centre);
    await page.waitForTimeout(2_500);
    expect(await bucketAt(0.5)).toBe(zoomedCentre);
    await page.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height / 2);
    expect(await bucketAt(0.5)).toBe(centre);
    // The same from the keyboard, on the focused chart: → pans, + zooms around the middle, 0 and Home show all.
    const nearEnd = await bucketAt(0.95);
    await distribution.getByRole('img').focus();
    expect(await distribution.getByRole('img').getAttribute('aria-label')).toContain('Arrow keys pan, + and − zoom, 0 shows all.');
    await page.keyboard.press('ArrowRight');
    expect(await bucketAt(0.5)).toBeGreaterThan(centre);
    await page.keyboard.press('0');
    expect(await bucketAt(0.5)).toBe(centre);
    await page.keyboard.press('+');
    expect(await bucketAt(0.95)).toBeLessThan(nearEnd);
    await page.keyboard.press('Home');
    expect(await bucketAt(0.95)).toBe(nearEnd);
    for (const width of [900, 1600]) {
      await resizeViewport(page, { width, height: width <= 900 ? 700 : 1000 });
      await distribution.scrollIntoViewIfNeeded();
      await looksAt(app, page, 'latency-histogram', [width], 'once');
    }
    await distribution.getByRole('button', { name: 'Percentiles', exact: true }).click();
    await expect.poll(() => distribution.getAttribute('data-view')).toBe('percentiles');
    await panel().getByRole('button', { name: 'p99', exact: true }).click();
    expect(await panel().getByRole('columnheader', { name: /p99\b(?!\.)/ }).getAttribute('aria-sort')).toBe('descending');
    // Live: a new call shows up without leaving the section.
    const before = Number((await add.getByRole('cell').first().innerText()).replace(/,/g, ''));
    await panel().getByRole('tab', { name: 'Tools', exact: true }).click();
    await chooseTool('add');
    await callToolAndWait(workbench());
    await panel().getByRole('tab', { name: 'Latency', exact: true }).click();
    await expect.poll(async () => Number((await add.getByRole('cell').first().innerText()).replace(/,/g, '')), { timeout: 5000 }).toBe(before + 1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await looksAt(app, page, 'latency-section');
    await panel().getByRole('tab', { name: 'Tools', exact: true }).click();
  });

  it('keyboard: the section tabs move with the arrow keys', async () => {
    const tools = panel().getByRole('tab', { name: 'Tools', exact: true });
    await tools.focus();
    const selected = (name: string) => panel().getByRole('tab', { name, exact: true }).getAttribute('aria-selected');
    // The playground declares resources, prompts and logging: their sections come between Tools and
    // Trace, with Requests (always shown) before Logs.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => selected('Resources')).toBe('true');
    await page.keyboard.press('End');
    await expect.poll(() => selected('Latency')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => selected('Trace')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => selected('Logs')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => selected('Requests')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => selected('Prompts')).toBe('true');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tools.getAttribute('aria-selected')).toBe('true');
  });
});
