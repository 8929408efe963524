import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStreamableFixture, type StreamableFixture } from '../fixtures/sdk-servers/streamable-fixture';
import { createNullableArgumentsServer } from '../fixtures/sdk-servers/v1-nullable-arguments-server';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt } from './support/layout-checks';
import { callToolAndWait } from './support/tool-calls';

/**
 * Nullable and literal parameters as a real 1.x SDK server's zod schemas list them (a type list,
 * an anyOf with null, an anyOf of consts), filled in the tool form in Chromium through the real
 * core: "null" is sent when chosen (a required one too), an emptied field stays a field, and a
 * union of literals is a select. What the server received is what it answers.
 */
let app: E2eApp;
let page: Page;
let fixture: StreamableFixture;

beforeAll(async () => {
  fixture = await startStreamableFixture(createNullableArgumentsServer);
});

useE2eApp(async (started) => {
  app = started;
  page = started.page;
  await app.core.remotes.create({ name: 'Notes server', transport: 'streamable', url: fixture.url, headers: [] });
});

afterAll(async () => {
  await fixture?.close();
});

const { remoteItem, activePanel: panel, showSection, connect } = appLocators(() => page);
const workbench = () => panel().getByTestId('tool-workbench');
const alternative = (name: string) => workbench().getByRole('combobox', { name: `Alternative for ${name} (anyOf)` });
const received = async () => JSON.parse(await (await callToolAndWait(workbench())).getByTestId('content-text').innerText()) as Record<string, unknown>;

describe('nullable and literal parameters from a 1.x SDK server', () => {
  it('a required nullable parameter is sent as null when "null" is chosen, and as text when typed', async () => {
    await expect.poll(() => remoteItem('Notes server').count(), { timeout: 10_000 }).toBe(1);
    await connect('Notes server');
    await showSection('Tools');
    await panel().locator('[data-testid="tool-item"][data-tool="find_notes"]').click();
    await expect.poll(() => workbench().getAttribute('data-tool')).toBe('find_notes');

    // Nothing chosen yet: the select says what is there (an empty string field), not "null".
    expect(await alternative('note').locator('option:checked').innerText()).toBe('string');
    expect(await alternative('page').locator('option:checked').innerText()).toBe('integer');
    // Nor is a value of the union of literals chosen for the user.
    expect(await workbench().getByLabel(/^mode/).locator('option:checked').innerText()).toBe('');
    await alternative('note').selectOption({ label: 'null' });
    // The chosen "null" draws no second label under the select.
    expect(await workbench().locator('.rjsf-field-null').count()).toBe(1);
    await expect.poll(() => workbench().locator('.rjsf-field-null:visible').count()).toBe(0);
    await workbench().getByLabel(/^mode/).selectOption({ label: 'fast' });
    expect(await received()).toEqual({ note: null, mode: 'fast' });
    await looksAt(app, page, 'tool-form-nullable', [900, 1600], 'each-scheme-once');

    await alternative('note').selectOption({ label: 'string' });
    // The text field under the select is named "note", once, and the name is shown once.
    await expect.poll(() => workbench().locator('label.control-label', { hasText: /^note/ }).count()).toBe(1);
    expect(await workbench().locator('.tool-form').ariaSnapshot()).toMatch(/textbox "note\*":/);
    await workbench().getByLabel(/^note/).fill('milk');
    await workbench().getByLabel(/^mode/).selectOption({ label: 'thorough' });
    await alternative('page').selectOption({ label: 'null' });
    expect(await received()).toEqual({ note: 'milk', page: null, mode: 'thorough' });

    // An object alternative: its fields under the select, the parameter's name still shown once.
    await alternative('near').selectOption({ label: 'object (city)' });
    await workbench().getByLabel(/^city/).fill('Bern');
    const shownNames = await workbench().locator('label, legend').evaluateAll((elements) =>
      elements.filter((element) => (element as unknown as { offsetWidth: number }).offsetWidth > 1).map((element) => (element as unknown as { textContent: string }).textContent),
    );
    expect(shownNames.filter((name) => /^near\b/.test(name))).toHaveLength(1);
    expect(await received()).toEqual({ note: 'milk', page: null, mode: 'thorough', near: { city: 'Bern' } });
  });

  it('an emptied number field stays, with its choice and the focus, and is left out', async () => {
    await alternative('page').selectOption({ label: 'integer' });
    const page_ = workbench().getByLabel(/^page/);
    await page_.fill('4');
    expect(await received()).toMatchObject({ page: 4 });
    await page_.focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.type('7');
    expect(await alternative('page').locator('option:checked').innerText()).toBe('integer');
    // Runs in the page; typed by hand (the e2e files are typed for Node, without the DOM's types).
    expect(await page_.evaluate((element) => element === (element as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    expect(await received()).toMatchObject({ page: 7 });
    await page_.fill('');
    expect(await alternative('page').locator('option:checked').innerText()).toBe('integer');
    expect(await received()).not.toHaveProperty('page');
  });

  it('array items by keyboard only: named buttons add, move and remove them, the focus stays with the item', async () => {
    await panel().locator('[data-testid="tool-item"][data-tool="tag_notes"]').click();
    await expect.poll(() => workbench().getAttribute('data-tool')).toBe('tag_notes');
    const focused = () => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label') ?? null);
    await workbench().getByRole('button', { name: 'Add an item to tags' }).focus();
    for (const tag of ['alpha', 'beta', 'gamma']) {
      await page.keyboard.press('Enter');
      const field = workbench().getByRole('textbox', { name: new RegExp(`^tags item ${['alpha', 'beta', 'gamma'].indexOf(tag) + 1}`) });
      await field.fill(tag);
      await workbench().getByRole('button', { name: 'Add an item to tags' }).focus();
    }
    // Chromium takes the focus off a moved element: it comes back to the moved item's button.
    await workbench().getByRole('button', { name: 'Move tags item 3 up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Move tags item 2 up');
    await page.keyboard.press('Enter');
    // At the top, Up is disabled: the focus is on the item's Down.
    await expect.poll(focused).toBe('Move tags item 1 down');
    await workbench().getByRole('button', { name: 'Remove tags item 2' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(focused).toBe('Remove tags item 2');
    // Items inside another's item are named with it.
    await workbench().getByRole('button', { name: 'Add an item to people' }).click();
    await workbench().getByRole('button', { name: 'Add an item to people' }).click();
    await workbench().getByRole('button', { name: 'Add an item to aliases of people item 2' }).click();
    await expect.poll(() => workbench().getByRole('button', { name: 'Remove aliases item 1 of people item 2' }).count()).toBe(1);
    await looksAt(app, page, 'tool-form-array-items', [900, 1600], 'once');
    await workbench().getByRole('button', { name: 'Remove people item 2' }).click();
    await workbench().getByRole('button', { name: 'Remove people item 1' }).click();
    // A list emptied by hand is sent empty (it was filled in, then its items removed).
    expect(await received()).toEqual({ tags: ['gamma', 'beta'], people: [] });
  });
});
