import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SessionFileWriter } from '../../main/core/capture/session-file';
import type { MessageEntry } from '../../shared/model/trace';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt, resizeViewport } from './support/layout-checks';

/**
 * The Latency section's timeline in Chromium on the production renderer, against the built-in
 * playground through the real core: overlapping calls (a slow one with progress, echoes, a failing
 * one) are bars side by side with progress ticks, listed in the table; a click on the slow call's
 * bar shows its request selected in the Trace section, and the way back frames it. Keyboard zoom,
 * Fit all; looked at in both schemes at 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;
useE2eApp((started) => {
  app = started;
  page = started.page;
});

const { remoteItem, activePanel, showSection, connect } = appLocators(() => page);
const timeline = () => activePanel().getByTestId('latency-timeline');
const row = (label: RegExp) => timeline().getByTestId('timeline-row').filter({ has: page.getByRole('button', { name: label }) });
const bounds = async () => [Number(await timeline().getAttribute('data-from')), Number(await timeline().getAttribute('data-to'))];

/** Scrolls the Latency pane so the timeline is at its top, then looks at it at each width. */
async function looksAtTimeline(name: string): Promise<void> {
  for (const width of [900, 1600]) {
    await resizeViewport(page, { width, height: width <= 900 ? 700 : 1000 });
    await timeline().evaluate((element) => {
      const pane = element.closest('.latency-view')!;
      pane.scrollTop += element.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    });
    await looksAt(app, page, name, [width]);
  }
}

describe('the timeline in the Latency section', () => {
  it('shows overlapping calls side by side, the slow one with its progress ticks, and lists them', async () => {
    await expect.poll(() => remoteItem('Playground').count(), { timeout: 10_000 }).toBe(1);
    await connect('Playground');
    const connection = app.core.manager.list().find((c) => c.label === 'Playground' && c.state === 'connected')!;
    const call = (name: string, args: Record<string, unknown>) => app.core.handlers['connections:call-tool']({ connectionId: connection.connectionId, name, argumentsJson: JSON.stringify(args) });
    // In flight together: the slow one (4 steps of 150 ms, a progress notification each), three echoes and a failing call.
    const slow = call('slow_operation', { steps: 4, stepMs: 150 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await Promise.all([call('echo', { message: 'one' }), call('echo', { message: 'two' }), call('echo', { message: 'three' }), call('fail', {})]);
    await slow;

    await showSection('Latency');
    await expect.poll(() => timeline().count(), { timeout: 10_000 }).toBe(1);
    await timeline().getByText(/Spans in view as a table/).click();
    await expect.poll(() => row(/slow_operation/).getAttribute('data-progress'), { timeout: 5000 }).toBe('4');
    expect(await row(/slow_operation/).getAttribute('data-outcome')).toBe('ok');
    expect(await timeline().getByTestId('timeline-row').filter({ has: page.getByRole('button', { name: /tools\/call · echo/ }) }).count()).toBe(3);
    expect(await row(/tools\/call · fail/).getAttribute('data-outcome')).toBe('tool-error');
    // The echoes ran while the slow call was waiting: more than one lane of calls.
    const label = await timeline().getByRole('img').getAttribute('aria-label');
    expect(Number(/(\d+) lanes? of calls/.exec(label!)![1])).toBeGreaterThanOrEqual(2);
    // The Streamable HTTP phases of a call are in its row.
    expect(await row(/slow_operation/).innerText()).toMatch(/headers [\d.]+ ms/);
    expect(Number(await timeline().getAttribute('data-drawn'))).toBeGreaterThanOrEqual(6);
    await looksAtTimeline('latency-timeline');
  });

  it('a click on the slow call\'s bar shows its request selected in the Trace section; back in Latency it is framed', async () => {
    const slowRow = row(/slow_operation/);
    const seq = await slowRow.getAttribute('data-seq');
    const x = Number(await slowRow.getAttribute('data-x'));
    const y = Number(await slowRow.getAttribute('data-y'));
    await timeline().getByRole('img').click({ position: { x, y } });
    await expect.poll(() => activePanel().getByRole('tab', { name: 'Trace', exact: true }).getAttribute('aria-selected')).toBe('true');
    const selected = activePanel().locator('[data-testid="trace-row"][aria-selected="true"]');
    await expect.poll(() => selected.count()).toBe(1);
    expect(await activePanel().getByTestId('trace-detail').innerText()).toContain(`#${seq}`);
    expect(await activePanel().getByTestId('trace-detail').innerText()).toContain('slow_operation');
    await app.screenshot('latency-timeline-to-trace');

    await showSection('Latency');
    await expect.poll(() => timeline().getAttribute('data-selected'), { timeout: 5000 }).toBe(seq);
    expect(await timeline().getByTestId('timeline-selected').innerText()).toMatch(/Selected in the trace: tools\/call · slow_operation/);
    await timeline().getByText(/Spans in view as a table/).click();
    expect(await row(/slow_operation/).getAttribute('aria-current')).toBe('true');
    await looksAtTimeline('latency-timeline-selected');
  });

  it('keys zoom and pan the chart when it has focus; Fit all shows everything again', async () => {
    const [from, to] = await bounds();
    await timeline().getByRole('group', { name: /Timeline chart/ }).focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const [zFrom, zTo] = await bounds();
    expect(zTo - zFrom).toBeCloseTo((to - from) / 4, 3);
    await page.keyboard.press('ArrowLeft');
    expect((await bounds())[0]).toBeLessThan(zFrom);
    await timeline().getByRole('button', { name: 'Fit all' }).click();
    const [fFrom, fTo] = await bounds();
    // Everything again (the range follows new traffic, so it may have grown at the end).
    expect(fFrom).toBeCloseTo(from, 0);
    expect(fTo).toBeGreaterThanOrEqual(to);
  });

  // How fast is measured side by side in `npm run bench` (timeline-10k-render-ms), not here.
  it('10,000 calls from a session file: all drawn, then zoomed in to a few', async () => {
    const file = join(app.dataDir, 'ten-thousand.ndjson');
    const writer = await SessionFileWriter.open(file);
    let seq = 0;
    const t0 = 1_750_000_000_000;
    for (let i = 0; i < 10_000; i++) {
      // One call a millisecond, each 20 to 60 ms long: about 40 in flight at once.
      const at = i;
      const latencyMs = 20 + (i % 41);
      const request: MessageEntry = { seq: ++seq, connectionId: 'big', wallTime: t0 + at, monoTime: at, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: i, method: i % 3 === 0 ? 'tools/list' : 'tools/call', size: 60, message: { jsonrpc: '2.0', id: i, method: i % 3 === 0 ? 'tools/list' : 'tools/call', params: { name: 'echo' } } };
      writer.write(request);
      writer.write({ seq: ++seq, connectionId: 'big', wallTime: t0 + at + latencyMs, monoTime: at + latencyMs, type: 'message', direction: 'incoming', messageKind: 'response', rpcId: i, requestSeq: request.seq, latencyMs, method: request.method, size: 40, message: { jsonrpc: '2.0', id: i, result: {} } });
    }
    await writer.close();
    app.dialogs.answerNext(file);
    await page.getByTestId('open-session').click();
    const session = page.getByTestId('session-tab');
    await expect.poll(() => session.count(), { timeout: 20_000 }).toBe(1);
    await session.getByRole('tab', { name: 'Latency', exact: true }).click();
    const big = session.getByTestId('latency-timeline');
    await expect.poll(() => big.getAttribute('data-drawn'), { timeout: 20_000 }).toBe('10000');
    expect(Number(await big.getAttribute('data-draw-ms'))).toBeGreaterThan(0);
    expect(await big.getByRole('img').getAttribute('aria-label')).toMatch(/Timeline of 10,000 spans \(\d+ lanes of calls/);
    await big.getByRole('group', { name: /Timeline chart/ }).focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('+');
    const zoomed = Number(await big.getAttribute('data-drawn'));
    expect(zoomed).toBeGreaterThan(0);
    expect(zoomed).toBeLessThan(200);
    await app.screenshot('latency-timeline-10000-zoomed');
    await big.getByRole('button', { name: 'Fit all' }).click();
    await app.screenshot('latency-timeline-10000');
  });
});
