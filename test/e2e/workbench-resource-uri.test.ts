import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TraceEntry } from '../../shared/model/trace';
import type { E2eApp } from './support/e2e-app';
import { appLocators } from './support/app-locators';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt } from './support/layout-checks';

/**
 * The Resources section's Resource URI field in Chromium on the production renderer, against the
 * built-in playground through the real core: a URI its list leaves out but its item template
 * serves (playground://items/{id} expanded by hand) is read into the reader; one it does not
 * serve shows the server's error; a text that is no URI is explained and never sent.
 */
let app: E2eApp;
let page: Page;
useE2eApp((started) => {
  app = started;
  page = started.page;
});
const { activePanel, showSection, connect, remoteItem } = appLocators(() => page);

const field = () => activePanel().getByRole('textbox', { name: 'Resource URI', exact: true });
const readerPanel = () => activePanel().getByTestId('resource-panel');

/** The resources/read requests the connection has sent, by URI. */
async function readsSent(): Promise<string[]> {
  const connectionId = app.core.manager.list().find((c) => c.label === 'Playground')!.connectionId;
  const { entries } = (await app.core.handlers['trace:snapshot']({ connectionId })) as { entries: TraceEntry[] };
  return entries
    .filter((e): e is Extract<TraceEntry, { type: 'message' }> => e.type === 'message' && e.direction === 'outgoing' && e.method === 'resources/read')
    .map((e) => (e.message as { params: { uri: string } }).params.uri);
}

describe('the Resource URI field', () => {
  it('reads a URI the playground does not list but serves, into the same reader as a listed one', async () => {
    await expect.poll(() => remoteItem('Playground').count()).toBe(1);
    await connect('Playground');
    await showSection('Resources');
    await expect.poll(() => activePanel().getByTestId('resource-item').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    // The item template lists ids 1 to 3 and serves any id: 42 is served but not listed.
    expect(await activePanel().locator('[data-testid="resource-item"][data-uri="playground://items/42"]').count()).toBe(0);
    await field().fill('playground://items/42');
    await field().press('Enter');
    const content = readerPanel().getByTestId('resource-content');
    await expect.poll(() => content.getAttribute('data-kind'), { timeout: 10_000 }).toBe('json');
    expect(await content.locator('pre').innerText()).toBe('{\n  "id": "42",\n  "name": "Item 42"\n}');
    expect(await readerPanel().getByRole('heading').innerText()).toBe('playground://items/42');
    expect(await readerPanel().getByTestId('resource-not-listed').innerText()).toBe("Read from the Resource URI field: the server's resources list does not include this URI.");
    expect(await readsSent()).toEqual(['playground://items/42']);
  });

  it('a URI the playground does not serve: the server error in the reader, the text kept in the field', async () => {
    await field().fill('playground://no-such-thing');
    await activePanel().getByRole('button', { name: 'Read resource URI' }).click();
    const notice = readerPanel().getByTestId('error-notice');
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    expect(await notice.getAttribute('data-kind')).toBe('protocol');
    expect(await notice.innerText()).toContain('Could not read the resource');
    // The playground's SDK answers a URI it has no resource for with -32602 (not -32002).
    expect(await notice.getByTestId('error-message').innerText()).toMatch(/^The server answered with JSON-RPC error -32\d{3}: Resource .*not found/i);
    expect(await notice.getByTestId('error-message').innerText()).toContain('playground://no-such-thing');
    expect(await field().inputValue()).toBe('playground://no-such-thing');
    expect(await readsSent()).toEqual(['playground://items/42', 'playground://no-such-thing']);
    await looksAt(app, page, 'resources-uri-not-found');
  });

  it('a text with no scheme is explained at the field and nothing is sent', async () => {
    await field().fill('items/42');
    await field().press('Enter');
    const problem = activePanel().getByTestId('resource-uri-problem');
    expect(await problem.innerText()).toContain('Not a URI: it has no scheme.');
    expect(await field().getAttribute('aria-invalid')).toBe('true');
    expect(await field().evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).toBe(true);
    await field().fill('');
    await field().press('Enter');
    expect(await problem.innerText()).toContain('Enter a resource URI to read');
    expect(await readsSent()).toEqual(['playground://items/42', 'playground://no-such-thing']);
    await looksAt(app, page, 'resources-uri-problem', [900], 'once');
  });
});
