import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { TraceEntry } from '../../../shared/model/trace';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';
import { makeEntries } from '../support/make-entries';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const info: ConnectionInfo = {
  connectionId: 'c1',
  label: 'Changing server',
  state: 'connected',
  transport: 'streamable',
  url: 'http://127.0.0.1:4100/mcp',
  era: 'modern',
  capabilities: { tools: { listChanged: true }, resources: { listChanged: true }, prompts: { listChanged: true } },
  warnings: [],
};

function notification(method: string, seq: number): TraceEntry {
  const [entry] = makeEntries(1, 'c1', seq);
  return { ...entry, seq, type: 'message', direction: 'incoming', messageKind: 'notification', method, size: 10, message: { jsonrpc: '2.0', method } } as TraceEntry;
}

async function open() {
  let resourcesListed = 0;
  let promptsListed = 0;
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [makeRemote()],
    'connections:open': () => info,
    'connections:list-tools': () => ({ tools: [] }),
    'connections:list-resources': () => ({ resources: [{ uri: 'notes://a', name: 'a' }, ...(++resourcesListed > 1 ? [{ uri: 'notes://b', name: 'b' }] : [])] }),
    'connections:list-resource-templates': () => ({ resourceTemplates: [] }),
    'connections:list-prompts': () => ({ prompts: [{ name: 'first' }, ...(++promptsListed > 1 ? [{ name: 'second' }] : [])] }),
  });
  stop = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  await screen.findByRole('tab', { name: 'Resources' });
  return fake;
}

describe('list-change notifications refresh the lists the workbench has shown', () => {
  it('resources: listed again, the new one shown, and the section says why until dismissed', async () => {
    const fake = await open();
    fireEvent.click(screen.getByRole('tab', { name: 'Resources' }));
    await screen.findByTestId('resource-panel');
    expect(within(screen.getByTestId('resource-list')).getAllByTestId('resource-item')).toHaveLength(1);
    act(() => fake.emit({ type: 'trace', connectionId: 'c1', entries: [notification('notifications/resources/list_changed', 50)] }));
    expect(await screen.findByTestId('resources-changed')).toHaveTextContent('The server said its resources changed (notifications/resources/list_changed)');
    expect(within(screen.getByTestId('resource-list')).getAllByTestId('resource-item').map((b) => b.getAttribute('data-uri'))).toEqual(['notes://a', 'notes://b']);
    fireEvent.click(within(screen.getByTestId('resources-changed')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('resources-changed')).toBeNull();
    // Prompts were never opened: nothing is listed for them until they are.
    expect(fake.calls('connections:list-prompts')).toHaveLength(0);
  });

  it('prompts: listed again on notifications/prompts/list_changed, and said', async () => {
    const fake = await open();
    fireEvent.click(screen.getByRole('tab', { name: 'Prompts' }));
    await screen.findByTestId('prompt-panel');
    act(() => fake.emit({ type: 'trace', connectionId: 'c1', entries: [notification('notifications/prompts/list_changed', 60)] }));
    expect(await screen.findByTestId('prompts-changed')).toHaveTextContent('The server said its prompts changed');
    expect(fake.calls('connections:list-prompts')).toHaveLength(2);
    expect(screen.getByTestId('prompt-list')).toHaveTextContent('second');
    // A notification for another connection changes nothing here.
    act(() => fake.emit({ type: 'trace', connectionId: 'c2', entries: [{ ...notification('notifications/prompts/list_changed', 61), connectionId: 'c2' }] }));
    expect(fake.calls('connections:list-prompts')).toHaveLength(2);
  });
});
