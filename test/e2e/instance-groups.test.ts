import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHeldEndpoint, type HeldEndpoint } from '../fixtures/instances/held-endpoint';
import { startVersionedInstance, type VersionedInstance } from '../fixtures/instances/versioned-instance';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { boxOf, looksAt, resizeViewport } from './support/layout-checks';
import { refusedUrl } from '../support/refused-port';

/**
 * A group of three instances of one server (v2 SDK, the third stale and not ready) in Chromium on
 * the production renderer, through the real core: saved from the remote form with its other
 * instances, listed as "3 instances", its Instances section shows each instance's health and
 * latency, and Send to all marks the stale instance. Looked at in both schemes at 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;
let instances: VersionedInstance[];
let held: HeldEndpoint;

beforeAll(async () => {
  instances = await Promise.all([startVersionedInstance('mcp-server-1', '1.4.2'), startVersionedInstance('mcp-server-2', '1.4.2'), startVersionedInstance('mcp-server-3', '1.3.9', { ready: false })]);
  held = await startHeldEndpoint();
});

useE2eApp(async (started) => {
  app = started;
  page = started.page;
});

afterAll(async () => {
  await Promise.all([...(instances ?? []), ...(held ? [held] : [])].map((instance) => instance.close()));
});

const { remoteItem, activePanel, showSection, connect } = appLocators(() => page);
const view = () => activePanel().getByTestId('instances-view');

/** The card's "N instances" label lies inside the card's border (right and bottom), at each width. */
async function expectCountInsideCard(name: string): Promise<void> {
  for (const width of [900, 1600]) {
    await resizeViewport(page, { width, height: width <= 900 ? 700 : 1000 });
    const card = await boxOf(remoteItem(name));
    const label = await boxOf(remoteItem(name).getByTestId('remote-instance-count'));
    expect(label.x + label.width, `"${name}" at ${width} px`).toBeLessThanOrEqual(card.x + card.width - 1);
    expect(label.y + label.height, `"${name}" at ${width} px`).toBeLessThanOrEqual(card.y + card.height - 1);
  }
}

/** looksAt at each width with `part` scrolled to the top of the Instances pane first. */
async function looksAtPart(name: string, part: Locator): Promise<void> {
  for (const width of [900, 1600]) {
    await resizeViewport(page, { width, height: width <= 900 ? 700 : 1000 });
    await part.evaluate((element) => {
      const pane = element.closest('.instances-view')!;
      pane.scrollTop += element.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    });
    await looksAt(app, page, name, [width]);
  }
}

describe('a group of instances', () => {
  it('is saved from the remote form with its other instances, and listed as 3 instances', async () => {
    await page.getByTestId('new-remote').click();
    const form = page.getByTestId('remote-form');
    await form.getByLabel('Name', { exact: true }).fill('Balanced');
    await form.getByLabel('Transport').selectOption('streamable');
    await form.getByLabel('URL', { exact: true }).fill(instances[0]!.url);
    const others = form.getByLabel('Other instances (one URL per line)');
    await others.fill(`${instances[1]!.url}\nnot a url`);
    await form.getByTestId('save-remote').click();
    await expect.poll(() => others.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByTestId('field-error').allInnerTexts()).toEqual([expect.stringMatching(/^Line 2: "not a url" is not a URL; write it in full/)]);
    // The summary at the top names the field, as a button that goes back to it.
    expect(await form.getByTestId('form-error-item').allInnerTexts()).toEqual([expect.stringMatching(/^Other instances \(one URL per line\): Line 2: "not a url"/)]);
    await form.getByTestId('form-errors').scrollIntoViewIfNeeded();
    await looksAt(app, page, 'remote-form-errors', [900], 'once');
    await form.getByTestId('form-errors').getByRole('button', { name: 'Other instances (one URL per line)' }).click();
    expect(await others.evaluate((el) => el.matches(':focus'))).toBe(true);
    await others.fill(`${instances[1]!.url}\n${instances[2]!.url}`);
    await form.getByTestId('save-remote').click();
    await expect.poll(() => remoteItem('Balanced').count(), { timeout: 10_000 }).toBe(1);
    expect(await remoteItem('Balanced').getByTestId('remote-instance-count').innerText()).toBe('3 instances');
    // Not connected, the longest state but one: the label still fits in the card, on a line of its own if need be.
    await expectCountInsideCard('Balanced');
    await looksAt(app, page, 'group-card', [900, 1600], 'once');
  });

  it('shows each instance\'s health and latency in its Instances section; the stale one is not ready', async () => {
    await connect('Balanced');
    expect(await remoteItem('Balanced').getByTestId('remote-state').getAttribute('data-state')).toBe('connected');
    await showSection('Instances');
    await view().getByRole('button', { name: 'Check health and latency' }).click();
    const rows = view().getByTestId('instance-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-instance')))).toEqual(instances.map((i) => i.url));
    for (const i of [0, 1]) {
      expect(await rows.nth(i).getAttribute('data-ok')).toBe('true');
      expect(await rows.nth(i).getByTestId('probe-ready').innerText()).toMatch(/^✓ 200 “ready” · [\d.]+\s*ms$/);
    }
    expect(await rows.nth(2).getAttribute('data-ok')).toBeNull();
    expect(await rows.nth(2).getByTestId('probe-health').innerText()).toMatch(/^✓ 200 “healthy”/);
    expect(await rows.nth(2).getByTestId('probe-ready').innerText()).toMatch(/^✗ 503 “not ready”/);
    for (const i of [0, 1, 2]) expect(await rows.nth(i).getByTestId('instance-latency').innerText()).toMatch(/^[\d.]+\s*(ms|µs) \((ping|server\/discover)\)$/);
    await looksAtPart('instances-health', view().getByTestId('instances-health'));
  });

  it('Send to all marks the stale instance and the paths where its answer differs', async () => {
    await resizeViewport(page, { width: 1400, height: 900 });
    await view().getByLabel('Tool', { exact: true }).fill('get_version');
    await view().getByLabel('Leave out of the comparison').fill('_meta');
    // From the keyboard: Enter in a field sends.
    await view().getByLabel('Leave out of the comparison').press('Enter');
    const result = view().getByTestId('send-to-all-result');
    await expect.poll(() => result.count(), { timeout: 15_000 }).toBe(1);
    expect(await result.getByTestId('send-to-all-summary').innerText()).toBe('⚠ 2 different answers to get_version: 2 of 3 gave answer A; 1 differs.');
    const rows = result.getByTestId('answer-row');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-instance'), tr.getAttribute('data-odd')]))).toEqual([
      [instances[0]!.url, null],
      [instances[1]!.url, null],
      [instances[2]!.url, 'true'],
    ]);
    expect(await rows.nth(2).innerText()).toContain('⚠ answer B: differs from answer A');
    expect(await result.getByTestId('answer-differences').innerText()).toContain('structuredContent.version: "1.4.2" → "1.3.9"');
    await looksAtPart('instances-send-to-all', result);
  });
  it('the connection doctor checks every instance of the group, each under its URL', async () => {
    await remoteItem('Balanced').getByTestId('more-actions').click();
    await remoteItem('Balanced').getByRole('button', { name: 'Run the connection doctor on Balanced' }).click();
    const doctor = activePanel().getByTestId('doctor-view');
    await expect.poll(() => doctor.getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    const sections = doctor.getByTestId('doctor-instance');
    expect(await sections.count()).toBe(3);
    for (const [i, instance] of instances.entries()) {
      expect(await sections.nth(i).getByRole('heading', { level: 3 }).innerText()).toContain(`Instance ${i + 1} of 3: ${instance.url}`);
    }
    // The stale instance is not ready: a warning on its health layer, not a failure.
    expect(await sections.nth(2).locator('[data-layer="health"]').getAttribute('data-verdict')).toBe('warn');
    expect(await doctor.getByTestId('doctor-summary').innerText()).toBe('No layer failed on any of the 3 instances');
    await looksAt(app, page, 'doctor-group', [900, 1600], 'each-scheme-once');
  });

  it('on a group with a long name, one instance gone and one hanging: says which instance it checks while it runs, and not once done', async () => {
    const name = 'Partly down: instance 2 is gone, instance 3 hangs until the test lets go';
    const gone = await refusedUrl();
    await page.getByTestId('new-remote').click();
    const form = page.getByTestId('remote-form');
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Transport').selectOption('streamable');
    await form.getByLabel('URL', { exact: true }).fill(instances[0]!.url);
    await form.getByLabel('Other instances (one URL per line)').fill(`${gone}\n${held.url}`);
    await form.getByTestId('save-remote').click();
    await expect.poll(() => remoteItem(name).count(), { timeout: 10_000 }).toBe(1);
    await expectCountInsideCard(name);

    await remoteItem(name).getByTestId('more-actions').click();
    await remoteItem(name).getByRole('button', { name: `Run the connection doctor on ${name}` }).click();
    const doctor = activePanel().getByTestId('doctor-view');
    const status = doctor.getByRole('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    // Instance 3 holds the HTTP layer's request: the run stays on it while the test looks.
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe(`Checking instance 3 of 3: ${held.url}…`);
    expect(held.waiting()).toBeGreaterThan(0);
    expect(await doctor.getAttribute('aria-busy')).toBe('true');
    await looksAt(app, page, 'doctor-group-checking', [900, 1600], 'once');
    held.release();
    await expect.poll(() => doctor.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    expect(await status.innerText()).not.toContain('Checking');
    expect(await doctor.innerText()).not.toContain('Checking instance');
    expect(await status.innerText()).toBe('2 of 3 instances failed: instance 2 at TCP, instance 3 at HTTP');
    await looksAt(app, page, 'doctor-group-failed-summary');
  });

  it('the summary\'s failed instances are buttons: from the keyboard, each one scrolls to its instance\'s section and moves the focus there', async () => {
    const doctor = activePanel().getByTestId('doctor-view');
    const links = doctor.getByTestId('doctor-summary').getByRole('button');
    expect(await links.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).toEqual([
      expect.stringMatching(/^instance 2: go to its checks \(http:\/\/127\.0\.0\.1:\d+\/mcp\)$/),
      `instance 3: go to its checks (${held.url})`,
    ]);
    const headings = doctor.getByTestId('doctor-instance').getByRole('heading', { level: 3 });
    const focused = (locator: Locator) => locator.evaluate((element) => element.matches(':focus'));
    /** From Run again, Shift+Tab walks back into the summary: its last link first. Enter presses it. */
    const pressFromKeyboard = async (stepsBack: number) => {
      await doctor.getByTestId('doctor-rerun').focus();
      for (let i = 0; i < stepsBack; i++) await page.keyboard.press('Shift+Tab');
      expect(await focused(links.nth(2 - stepsBack))).toBe(true);
      await page.keyboard.press('Enter');
    };
    for (const width of [900, 1600]) {
      await resizeViewport(page, { width, height: width <= 900 ? 700 : 1000 });
      for (const [stepsBack, instance] of [[1, 2], [2, 1]] as const) {
        await doctor.evaluate((pane) => (pane.scrollTop = 0));
        const heading = headings.nth(instance);
        // At 900 px, below the fold at first (each instance's ten layers come before the next one).
        const before = await boxOf(doctor);
        if (width === 900) expect((await boxOf(heading)).y, `instance ${instance + 1} at ${width} px`).toBeGreaterThan(before.y + before.height);
        await pressFromKeyboard(stepsBack);
        await expect.poll(() => focused(heading)).toBe(true);
        // In view now: at the top of the pane, or as near as the pane scrolls (the last instance).
        const pane = await boxOf(doctor);
        const box = await boxOf(heading);
        expect(box.y, `instance ${instance + 1} at ${width} px`).toBeGreaterThanOrEqual(pane.y);
        expect(box.y + box.height, `instance ${instance + 1} at ${width} px`).toBeLessThanOrEqual(pane.y + pane.height);
        const scrolledToEnd = await doctor.evaluate((p) => p.scrollTop + p.clientHeight >= p.scrollHeight - 1);
        if (!scrolledToEnd) expect(box.y, `instance ${instance + 1} at ${width} px`).toBeLessThan(pane.y + 40);
      }
      // Instance 3 shown from the summary, its heading outlined where the focus landed.
      await doctor.evaluate((pane) => (pane.scrollTop = 0));
      await pressFromKeyboard(1);
      await looksAt(app, page, 'doctor-group-failed-instance', [width], 'every');
    }
  });
});
