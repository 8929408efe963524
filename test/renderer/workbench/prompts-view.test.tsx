import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { FakeFailure, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const info: ConnectionInfo = { connectionId: 'c1', label: 'Playground', state: 'connected', transport: 'streamable', era: 'modern', capabilities: { prompts: {}, completions: {} }, warnings: [] };

const PROMPTS = [
  {
    name: 'plan_trip',
    title: 'Plan a trip',
    description: 'Plans a trip to a city.',
    arguments: [
      { name: 'city', description: 'Where to go', required: true },
      { name: 'days', description: 'How many days' },
    ],
  },
  { name: 'greeting', description: 'No arguments.' },
];

const MESSAGES = [
  { role: 'user', content: { type: 'text', text: 'Plan 3 days in Bern.\nKeep it cheap.' } },
  { role: 'assistant', content: { type: 'image', mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
  { role: 'user', content: { type: 'resource', resource: { uri: 'notes://bern', mimeType: 'text/plain', text: 'Bern is the capital.' } } },
];

async function openPrompts() {
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [makeRemote()],
    'connections:open': () => info,
    'connections:list-prompts': () => ({ prompts: PROMPTS }),
    'connections:complete': ({ argument, context }: { argument: { value: string }; context?: Record<string, string> }) => ({
      completion: { values: ['Bern', 'Berlin'].filter((c) => c.startsWith(argument.value)).map((c) => (context?.days ? `${c} (${context.days} days)` : c)) },
    }),
    'connections:get-prompt': ({ name }: { name: string }) => {
      if (name === 'greeting') throw new FakeFailure({ kind: 'protocol', message: 'prompts/get failed: no such prompt', hint: 'List the prompts again.' });
      return { description: 'A trip plan', messages: MESSAGES };
    },
  });
  stop = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  fireEvent.click(await screen.findByRole('tab', { name: 'Prompts' }));
  await screen.findByTestId('prompt-panel', {}, { timeout: 5000 });
  return fake;
}

describe('Prompts section', () => {
  it('lists prompts and searches them', async () => {
    await openPrompts();
    const names = () => within(screen.getByTestId('prompt-list')).queryAllByTestId('prompt-item').map((b) => b.getAttribute('data-prompt'));
    expect(names()).toEqual(['plan_trip', 'greeting']);
    // Named and hinted as Tools' search is: what it searches, not a bare "Search".
    const search = screen.getByRole('searchbox', { name: 'Search prompts' });
    expect(search).toHaveAttribute('placeholder', 'Search prompts');
    fireEvent.change(search, { target: { value: 'trip' } });
    expect(names()).toEqual(['plan_trip']);
    expect(screen.getByTestId('prompt-list')).toHaveTextContent('1 of 2 prompts');
  });

  it('marks required arguments, shows descriptions as help, and blocks Get until they are filled', async () => {
    await openPrompts();
    const city = screen.getByRole('combobox', { name: /city/ });
    expect(city).toBeRequired();
    expect(city).toHaveAccessibleDescription('Where to go');
    expect(screen.getByRole('combobox', { name: /days/ })).not.toBeRequired();
    expect(screen.getByTestId('get-prompt')).toBeDisabled();
    expect(screen.getByTestId('prompt-form')).toHaveTextContent('Fill in city.');
  });

  it('keeps the line breaks of a pasted multi-line value: the field becomes a text area and Get sends it as pasted', async () => {
    const fake = await openPrompts();
    const city = screen.getByRole('combobox', { name: /city/ });
    fireEvent.change(city, { target: { value: 'Bern' } });
    const days = screen.getByRole('combobox', { name: /days/ });
    days.focus();
    const pasted = 'first line\n  indented second\r\nthird';
    fireEvent.paste(days, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? pasted : '') } });
    const area = await screen.findByRole('textbox', { name: /days/ });
    expect(area.tagName).toBe('TEXTAREA');
    expect((area as HTMLTextAreaElement).value).toBe(pasted);
    expect(area).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Several lines: days' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(screen.getByTestId('get-prompt'));
    await waitFor(() => expect(fake.calls('connections:get-prompt')).toEqual([{ connectionId: 'c1', name: 'plan_trip', arguments: { city: 'Bern', days: pasted } }]));
  });

  it('a single-line value becomes a text area on request, and back', async () => {
    await openPrompts();
    const toggle = screen.getByRole('button', { name: 'Several lines: city' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(toggle);
    expect(screen.getByRole('textbox', { name: /city/ }).tagName).toBe('TEXTAREA');
    fireEvent.click(toggle);
    expect(screen.getByRole('combobox', { name: /city/ }).tagName).toBe('INPUT');
  });

  it('suggests with the other arguments as context, then renders the messages by role and content type', async () => {
    const fake = await openPrompts();
    fireEvent.change(screen.getByRole('combobox', { name: /days/ }), { target: { value: '3' } });
    const city = screen.getByRole('combobox', { name: /city/ });
    fireEvent.change(city, { target: { value: 'Ber' } });
    const list = await screen.findByRole('listbox', { name: 'Suggestions for city' });
    expect(fake.calls('connections:complete').at(-1)).toMatchObject({ ref: { type: 'ref/prompt', name: 'plan_trip' }, argument: { name: 'city', value: 'Ber' }, context: { days: '3' } });
    fireEvent.mouseDown(within(list).getByRole('option', { name: 'Bern (3 days)' }));
    expect(city).toHaveValue('Bern (3 days)');
    fireEvent.change(city, { target: { value: 'Bern' } });
    fireEvent.click(screen.getByTestId('get-prompt'));
    const messages = await screen.findAllByTestId('prompt-message');
    expect(fake.calls('connections:get-prompt').at(-1)).toEqual({ connectionId: 'c1', name: 'plan_trip', arguments: { days: '3', city: 'Bern' } });
    expect(messages.map((m) => m.getAttribute('data-role'))).toEqual(['user', 'assistant', 'user']);
    expect(messages[0].querySelector('pre')?.textContent).toBe('Plan 3 days in Bern.\nKeep it cheap.');
    expect(within(messages[1]).getByRole('img', { name: 'Image in the message (image/png)' })).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
    expect(within(messages[2]).getByTestId('embedded-resource')).toHaveTextContent('Embedded resource notes://bern (text/plain): 20 characters of text');
    expect(screen.getByTestId('prompt-messages')).toHaveTextContent('A trip plan');
  });

  it('a prompt without arguments is got at once; a failure says what happened and what to try', async () => {
    await openPrompts();
    fireEvent.click(screen.getAllByTestId('prompt-item')[1]);
    expect(screen.getByTestId('prompt-form')).toHaveTextContent('This prompt takes no arguments.');
    fireEvent.click(screen.getByTestId('get-prompt'));
    await waitFor(() => expect(screen.getByTestId('prompt-panel')).toHaveTextContent('prompts/get failed: no such prompt'));
    expect(screen.getByTestId('prompt-panel')).toHaveTextContent('List the prompts again.');
  });
});
