import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

/**
 * Items the server listed that break the MCP schema (main leaves them out and names them, see
 * lenient-list.ts): each section lists the rest and says, folded to one line, how many were left
 * out; opened, the notice names each one and what is wrong.
 */
installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const info: ConnectionInfo = { connectionId: 'c1', label: 'Broken lists', state: 'connected', transport: 'streamable', era: 'legacy', capabilities: { tools: {}, resources: {}, prompts: {} }, warnings: [] };
const BAD_TOOLS: InvalidListItem[] = [
  { index: 1, name: 'string-schema', problems: ['inputSchema.type: expected "object"'] },
  { index: 2, problems: ['name: expected string, received undefined'] },
];

async function open(section: 'Tools' | 'Resources' | 'Prompts') {
  installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [makeRemote()],
    'connections:open': () => info,
    'connections:list-tools': () => ({ tools: [{ name: 'echo', inputSchema: { type: 'object' } }], invalid: BAD_TOOLS }),
    'connections:list-resources': () => ({ resources: [{ uri: 'file:///ok-a.txt', name: 'ok-a' }], invalid: [{ index: 1, name: 'no-uri', problems: ['uri: expected string, received undefined'] }] }),
    'connections:list-resource-templates': () => ({ resourceTemplates: [] }),
    'connections:list-prompts': () => ({ prompts: [{ name: 'ok-greet' }], invalid: [{ index: 1, name: 'arguments-not-a-list', problems: ['arguments: expected array, received string'] }] }),
  });
  stop = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  fireEvent.click(await screen.findByRole('tab', { name: section }));
}

describe('list items that break the MCP schema', () => {
  it('Tools: the valid tools are listed; the notice counts the others and, opened, names each with its problem', async () => {
    await open('Tools');
    const notice = await screen.findByTestId('invalid-tools');
    expect(within(screen.getByTestId('tool-list')).getAllByTestId('tool-item').map((b) => b.getAttribute('data-tool'))).toEqual(['echo']);
    const summary = within(notice).getByText('2 tools left out: they break the MCP schema');
    expect(notice).not.toHaveAttribute('open');
    fireEvent.click(summary);
    const items = within(notice).getAllByTestId('invalid-item').map((li) => li.textContent);
    expect(items).toEqual(['string-schema: inputSchema.type: expected "object"', '#3: name: expected string, received undefined']);
    expect(notice).toHaveTextContent('The Trace section shows the list as the server sent it.');
  });

  it('Resources and Prompts: the same notice, in the singular for one', async () => {
    await open('Resources');
    expect(await screen.findByTestId('invalid-resources')).toHaveTextContent('1 resource left out: it breaks the MCP schema');
    expect(screen.queryByTestId('invalid-resource-templates')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Prompts' }));
    const prompts = await screen.findByTestId('invalid-prompts');
    expect(prompts).toHaveTextContent('1 prompt left out: it breaks the MCP schema');
    expect(within(prompts).getByTestId('invalid-item')).toHaveTextContent('arguments-not-a-list: arguments: expected array, received string');
  });
});
