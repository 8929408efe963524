import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt } from './support/layout-checks';

/**
 * The Resources and Prompts sections in Chromium on the production renderer, against the
 * built-in playground through the real core: read a resource, read a template resource from its
 * argument form (with the server's suggestions), get a prompt with arguments; looked at in both
 * schemes at 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;
useE2eApp((started) => {
  app = started;
  page = started.page;
});

const remoteItem = (name: string) => page.locator(`[data-testid="remote-item"][aria-label="${name}"]`);
const panel = () => page.locator('[role="tabpanel"]').first();

describe('resources and prompts', () => {
  it('reads a resource: the readme as wrapped text, the logo as an image', async () => {
    await expect.poll(() => remoteItem('Playground').count()).toBe(1);
    await remoteItem('Playground').getByTestId('connect-button').click();
    await expect.poll(() => remoteItem('Playground').getByTestId('remote-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    await panel().getByRole('tab', { name: 'Resources', exact: true }).click();
    await expect.poll(() => panel().getByTestId('resource-item').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    await panel().locator('[data-testid="resource-item"][data-uri="playground://readme"]').click();
    await panel().getByTestId('read-resource').click();
    const content = panel().getByTestId('resource-content');
    await expect.poll(() => content.getAttribute('data-kind')).toBe('text');
    expect(await content.innerText()).toContain('# MCP Periscope playground');
    await looksAt(app, page, 'resources-readme');
    await panel().locator('[data-testid="resource-item"][data-uri="playground://logo.png"]').click();
    await panel().getByTestId('read-resource').click();
    await expect.poll(() => panel().getByTestId('resource-content').getAttribute('data-kind')).toBe('image');
    expect(await panel().getByRole('img', { name: 'Image playground://logo.png' }).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(32);
  });

  it('reads a template resource: the id suggested by the server, chosen by keyboard, read from the URI it builds', async () => {
    await panel().locator('[data-testid="template-item"][data-uri="playground://items/{id}"]').click();
    const id = panel().getByRole('combobox', { name: /id/ });
    await id.fill('2');
    const option = panel().getByRole('listbox', { name: 'Suggestions for id' }).getByRole('option', { name: '2' });
    await expect.poll(() => option.count(), { timeout: 5000 }).toBe(1);
    await looksAt(app, page, 'resources-template');
    await id.press('ArrowDown');
    await id.press('Enter');
    expect(await panel().getByTestId('template-uri').innerText()).toBe('playground://items/2');
    await panel().getByTestId('read-template').click();
    const content = panel().getByTestId('resource-content');
    await expect.poll(() => content.getAttribute('data-kind')).toBe('json');
    expect(await content.locator('pre').innerText()).toBe('{\n  "id": "2",\n  "name": "Item 2"\n}');
  });

  it('gets review_code with its arguments and shows the user message', async () => {
    await panel().getByRole('tab', { name: 'Prompts', exact: true }).click();
    await panel().locator('[data-testid="prompt-item"][data-prompt="review_code"]').click();
    const getButton = panel().getByTestId('get-prompt');
    expect(await getButton.isDisabled()).toBe(true);
    await panel().getByLabel(/^code/).fill('let total = 1 +');
    await panel().getByLabel(/^language/).fill('javascript');
    await getButton.click();
    const message = panel().getByTestId('prompt-message').first();
    await expect.poll(() => message.count(), { timeout: 10_000 }).toBe(1);
    expect(await message.getAttribute('data-role')).toBe('user');
    expect(await message.innerText()).toContain('Please review this javascript code');
    expect(await message.innerText()).toContain('let total = 1 +');
    await looksAt(app, page, 'prompts-review-code');
  });
});
