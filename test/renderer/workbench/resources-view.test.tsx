import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const info = (capabilities: Record<string, unknown>, era: 'legacy' | 'modern' = 'legacy'): ConnectionInfo => ({
  connectionId: 'c1',
  label: 'Playground',
  state: 'connected',
  transport: 'streamable',
  url: 'http://127.0.0.1:4100/mcp',
  era,
  capabilities,
  warnings: [],
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const RESOURCES = [
  { uri: 'notes://readme', name: 'readme', title: 'Readme', mimeType: 'text/markdown', description: 'What this is' },
  { uri: 'notes://data.json', name: 'data', mimeType: 'application/json' },
  { uri: 'notes://logo.png', name: 'logo', mimeType: 'image/png' },
  { uri: 'notes://blob.bin', name: 'blob', mimeType: 'application/octet-stream' },
];
const CONTENTS: Record<string, Record<string, unknown>> = {
  'notes://readme': { uri: 'notes://readme', mimeType: 'text/markdown', text: '# Hello\nA long line that wraps.' },
  'notes://data.json': { uri: 'notes://data.json', mimeType: 'application/json', text: '{"id":7960607143101464577,"ok":true}' },
  'notes://logo.png': { uri: 'notes://logo.png', mimeType: 'image/png', blob: PNG },
  // 0x00 0x01 0x02 0xff
  'notes://blob.bin': { uri: 'notes://blob.bin', mimeType: 'application/octet-stream', blob: 'AAEC/w==' },
};

async function openResources(capabilities: Record<string, unknown> = { resources: { subscribe: true }, completions: {} }, era: 'legacy' | 'modern' = 'legacy') {
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [makeRemote()],
    'connections:open': () => info(capabilities, era),
    'connections:list-resources': () => ({ resources: RESOURCES }),
    'connections:list-resource-templates': () => ({ resourceTemplates: [{ uriTemplate: 'weather://{city}/{day}', name: 'weather', title: 'Weather' }] }),
    'connections:read-resource': ({ uri }: { uri: string }) => ({ contents: [CONTENTS[uri] ?? { uri, mimeType: 'application/json', text: `{"uri":"${uri}"}` }] }),
    'connections:complete': ({ argument }: { argument: { name: string; value: string } }) => ({
      completion: { values: argument.name === 'city' ? ['Berlin', 'Bern'].filter((c) => c.toLowerCase().startsWith(argument.value.toLowerCase())) : [] },
    }),
    'connections:subscribe-resource': () => ({ honored: true }),
    'connections:unsubscribe-resource': () => undefined,
  });
  stop = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  fireEvent.click(await screen.findByRole('tab', { name: 'Resources' }));
  await screen.findByTestId('resource-panel', {}, { timeout: 5000 });
  return fake;
}

const sectionNames = () => within(screen.getByRole('tablist', { name: 'Sections of Playground' })).getAllByRole('tab').map((t) => t.textContent);
const items = () => within(screen.getByTestId('resource-list')).queryAllByTestId('resource-item').map((b) => b.getAttribute('data-uri'));

async function read(uri: string) {
  fireEvent.click(within(screen.getByTestId('resource-list')).getAllByTestId('resource-item').find((b) => b.getAttribute('data-uri') === uri)!);
  fireEvent.click(screen.getByTestId('read-resource'));
  return screen.findByTestId('resource-content');
}

describe('Resources section', () => {
  it('sits between Tools and Prompts when the server declared resources and prompts', async () => {
    await openResources({ resources: {}, prompts: {} });
    expect(sectionNames()).toEqual(['Overview', 'Tools', 'Resources', 'Prompts', 'Requests', 'Trace', 'Latency']);
  });

  it('is followed by Logs when the server also declared logging', async () => {
    await openResources({ resources: {}, prompts: {}, logging: {} });
    expect(sectionNames()).toEqual(['Overview', 'Tools', 'Resources', 'Prompts', 'Requests', 'Logs', 'Trace', 'Latency']);
  });

  it('is left out, as Prompts is, when the server declared neither', async () => {
    installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => [makeRemote()], 'connections:open': () => info({ tools: {} }) });
    stop = startBridge();
    render(<App />);
    fireEvent.click(await screen.findByTestId('connect-button'));
    await screen.findByRole('tab', { name: 'Trace' });
    expect(sectionNames()).toEqual(['Overview', 'Tools', 'Requests', 'Trace', 'Latency']);
  });

  it('lists resources and templates, and searches both', async () => {
    await openResources();
    expect(items()).toEqual(['notes://readme', 'notes://data.json', 'notes://logo.png', 'notes://blob.bin']);
    expect(screen.getByTestId('template-item')).toHaveAttribute('data-uri', 'weather://{city}/{day}');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search resources' }), { target: { value: 'json' } });
    expect(items()).toEqual(['notes://data.json']);
    expect(screen.queryByTestId('template-item')).toBeNull();
    expect(screen.getByTestId('resource-list')).toHaveTextContent('1 of 5 shown');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search resources' }), { target: { value: 'weather' } });
    expect(items()).toEqual([]);
    expect(screen.getByTestId('template-item')).toBeInTheDocument();
  });

  it('reads text as it came, JSON pretty with exact numbers, an image as an image, binary as its size and hex', async () => {
    await openResources();
    const text = await read('notes://readme');
    expect(text).toHaveAttribute('data-kind', 'text');
    expect(within(text).getByTestId('content-text').textContent).toBe('# Hello\nA long line that wraps.');
    const json = await waitFor(async () => {
      const c = await read('notes://data.json');
      expect(c).toHaveAttribute('data-kind', 'json');
      return c;
    });
    expect(within(json).getByTestId('content-text').textContent).toBe('{\n  "id": 7960607143101464577,\n  "ok": true\n}');
    const image = await waitFor(async () => {
      const c = await read('notes://logo.png');
      expect(c).toHaveAttribute('data-kind', 'image');
      return c;
    });
    expect(within(image).getByRole('img', { name: 'Image notes://logo.png' })).toHaveAttribute('src', `data:image/png;base64,${PNG}`);
    const binary = await waitFor(async () => {
      const c = await read('notes://blob.bin');
      expect(c).toHaveAttribute('data-kind', 'binary');
      return c;
    });
    expect(binary).toHaveTextContent('Binary, 4 bytes');
    expect(within(binary).getByTestId('resource-hex').textContent).toBe('00 01 02 ff');
  });

  it('a template: one field per variable, suggestions from completion/complete by keyboard, Read builds the URI', async () => {
    const fake = await openResources();
    fireEvent.click(screen.getByTestId('template-item'));
    const city = await screen.findByRole('combobox', { name: /city/ });
    fireEvent.change(city, { target: { value: 'be' } });
    const list = await screen.findByRole('listbox', { name: 'Suggestions for city' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Berlin', 'Bern']);
    expect(fake.calls('connections:complete').at(-1)).toMatchObject({ ref: { type: 'ref/resource', uri: 'weather://{city}/{day}' }, argument: { name: 'city', value: 'be' } });
    fireEvent.keyDown(city, { key: 'ArrowDown' });
    fireEvent.keyDown(city, { key: 'ArrowDown' });
    expect(city).toHaveAttribute('aria-activedescendant', within(list).getAllByRole('option')[1].id);
    fireEvent.keyDown(city, { key: 'Enter' });
    expect(city).toHaveValue('Bern');
    expect(screen.queryByRole('listbox')).toBeNull();
    // Both variables are required before Read is offered.
    expect(screen.getByTestId('read-template')).toBeDisabled();
    fireEvent.change(screen.getByRole('combobox', { name: /day/ }), { target: { value: 'next monday' } });
    expect(screen.getByTestId('template-uri')).toHaveTextContent('weather://Bern/next%20monday');
    fireEvent.click(screen.getByTestId('read-template'));
    const content = await screen.findByTestId('resource-content');
    expect(fake.calls('connections:read-resource').at(-1)).toEqual({ connectionId: 'c1', uri: 'weather://Bern/next%20monday' });
    expect(content).toHaveTextContent('"uri": "weather://Bern/next%20monday"');
  });

  it('without the completions capability the fields are plain text fields and nothing is asked', async () => {
    const fake = await openResources({ resources: {} });
    fireEvent.click(screen.getByTestId('template-item'));
    expect(screen.queryByRole('combobox')).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: /city/ }), { target: { value: 'b' } });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(fake.calls('connections:complete')).toEqual([]);
    // No subscribe capability: the reason is said instead of a button.
    fireEvent.click(screen.getAllByTestId('resource-item')[0]);
    expect(screen.queryByTestId('subscribe')).toBeNull();
    expect(screen.getByTestId('resource-panel')).toHaveTextContent('This server does not offer subscriptions');
  });

  it.each(['legacy', 'modern'] as const)('subscribes (%s era), shows each update live with its count and time, and unsubscribes', async (era) => {
    const fake = await openResources(undefined, era);
    fireEvent.click(screen.getByTestId('subscribe'));
    await waitFor(() => expect(screen.getByTestId('subscription-status')).toHaveTextContent(`Subscribed (${era === 'modern' ? 'a subscriptions/listen stream' : 'resources/subscribe'}); no update yet.`));
    expect(fake.calls('connections:subscribe-resource')).toEqual([{ connectionId: 'c1', uri: 'notes://readme' }]);
    fireEvent.click(screen.getByTestId('read-resource'));
    await screen.findByTestId('resource-content');
    expect(screen.getByTestId('read-resource')).toHaveTextContent('Read again');
    // Updates after the read: what is shown is stale until it is read again.
    const at = Date.now() + 5;
    act(() => fake.emit({ type: 'resource-updated', connectionId: 'c1', uri: 'notes://readme', at }));
    act(() => fake.emit({ type: 'resource-updated', connectionId: 'c1', uri: 'notes://other', at }));
    act(() => fake.emit({ type: 'resource-updated', connectionId: 'c1', uri: 'notes://readme', at }));
    expect(screen.getByTestId('subscription-status')).toHaveTextContent(`2 updates, the last at ${[new Date(at).getHours(), new Date(at).getMinutes(), new Date(at).getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')}. Changed since it was read: Read again to see it.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    fireEvent.click(screen.getByTestId('read-resource'));
    await waitFor(() => expect(screen.getByTestId('read-resource')).toBeEnabled());
    expect(screen.getByTestId('subscription-status')).toHaveTextContent('2 updates');
    expect(screen.getByTestId('subscription-status')).not.toHaveTextContent('Changed since it was read');
    expect(fake.calls('connections:read-resource')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('unsubscribe'));
    expect(fake.calls('connections:unsubscribe-resource')).toEqual([{ connectionId: 'c1', uri: 'notes://readme' }]);
    expect(screen.getByTestId('subscribe')).toBeInTheDocument();
  });

  it.each([
    ['graceful', 'Updates stopped: the server closed the subscription after 1 update.'],
    ['remote', 'Updates stopped: the subscription was cut off, without a closing answer from the server, after 1 update.'],
  ] as const)('2026-07-28: the server ends the listen stream (%s): the resource shows the subscription over, and Subscribe is offered again', async (how, words) => {
    const fake = await openResources(undefined, 'modern');
    fireEvent.click(screen.getByTestId('subscribe'));
    await waitFor(() => expect(screen.getByTestId('subscription-status')).toHaveTextContent('Subscribed (a subscriptions/listen stream)'));
    act(() => fake.emit({ type: 'resource-updated', connectionId: 'c1', uri: 'notes://readme', at: Date.now() }));
    act(() => fake.emit({ type: 'resource-subscription-ended', connectionId: 'c1', uri: 'notes://other', how }));
    expect(screen.getByTestId('subscription-status')).toHaveTextContent('1 update');
    act(() => fake.emit({ type: 'resource-subscription-ended', connectionId: 'c1', uri: 'notes://readme', how }));
    const status = screen.getByTestId('subscription-status');
    expect(status).toHaveTextContent(words);
    // A status to notice (a notice's colours), not hint-grey text.
    expect(status).toHaveClass('is-ended');
    expect(status).not.toHaveClass('muted');
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe again' }));
    await waitFor(() => expect(screen.getByTestId('subscription-status')).toHaveTextContent('Subscribed (a subscriptions/listen stream); no update yet.'));
    expect(fake.calls('connections:subscribe-resource')).toHaveLength(2);
  });
});

describe('a resource link from a tool result', () => {
  it('opens the Resources section on its URI and reads it, even when resources/list does not name it', async () => {
    const fake = await openResources();
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    const { openResourceLink } = await import('../../../renderer/bridge/resource-actions');
    await act(() => openResourceLink('c1', 'notes://elsewhere'));
    expect(screen.getByRole('tab', { name: 'Resources' })).toHaveAttribute('aria-selected', 'true');
    const panel = await screen.findByTestId('resource-panel');
    expect(panel).toHaveTextContent('notes://elsewhere');
    expect(within(panel).getByTestId('resource-not-listed')).toHaveTextContent('Opened from a resource link');
    expect(fake.calls('connections:read-resource')).toEqual([{ connectionId: 'c1', uri: 'notes://elsewhere' }]);
    expect(within(panel).getByTestId('content-text').textContent).toBe('{\n  "uri": "notes://elsewhere"\n}');
    // A listed URI opens as the list's own entry, without the note.
    await act(() => openResourceLink('c1', 'notes://readme'));
    expect(screen.getByTestId('resource-panel')).toHaveTextContent('What this is');
    expect(screen.queryByTestId('resource-not-listed')).toBeNull();
  });
});

describe('saving binary contents', () => {
  it('sends the blob as shown to be saved and says where it went; text contents offer no save', async () => {
    const fake = await openResources();
    installSaveAnswer(fake);
    const text = await read('notes://readme');
    expect(within(text).queryByTestId('save-resource')).toBeNull();
    const binary = await waitFor(async () => {
      const c = await read('notes://blob.bin');
      expect(c).toHaveAttribute('data-kind', 'binary');
      return c;
    });
    fireEvent.click(within(binary).getByRole('button', { name: 'Save notes://blob.bin to a file' }));
    await waitFor(() => expect(fake.calls('connections:save-resource-contents')).toEqual([{ connectionId: 'c1', uri: 'notes://blob.bin', mimeType: 'application/octet-stream', blob: 'AAEC/w==' }]));
    expect(await screen.findByText(/Saved notes:\/\/blob.bin \(4 bytes\) to \/tmp\/blob.bin/)).toBeInTheDocument();
  });
});

function installSaveAnswer(fake: Awaited<ReturnType<typeof openResources>>) {
  fake.handlers['connections:save-resource-contents'] = () => ({ cancelled: false, path: '/tmp/blob.bin', bytes: 4 });
}
