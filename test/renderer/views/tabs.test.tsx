import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { useConnectionsStore } from '../../../renderer/stores/connections-store';
import { useTraceStore } from '../../../renderer/stores/trace-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { deferred, installFakePeriscope, makeRemote, resetStores, type Handlers } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';
import { makeEntries } from '../support/make-entries';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const info = (connectionId: string, label: string, over: Partial<ConnectionInfo> = {}): ConnectionInfo => ({ connectionId, label, state: 'connected', transport: 'streamable', warnings: [], ...over });
const remotes = [makeRemote(), makeRemote({ id: 'r2', name: 'Staging' }), makeRemote({ id: 'r3', name: 'Prod' })];

function start(handlers: Handlers) {
  const fake = installFakePeriscope({ 'remotes:list': () => remotes, 'connections:list': () => [], 'connections:close': () => undefined, 'trace:snapshot': ({ connectionId }: { connectionId: string }) => ({ connectionId, entries: [], evicted: 0 }), ...handlers } as Handlers);
  stop = startBridge();
  render(<App />);
  return fake;
}

/** The window reloads: React and the stores start over; main (the fake) and sessionStorage stay. */
function reload(handlers: Handlers) {
  stop?.();
  cleanup();
  const saved = sessionStorage.getItem('periscope.open-tabs.v1');
  resetStores();
  if (saved) sessionStorage.setItem('periscope.open-tabs.v1', saved);
  return start(handlers);
}

async function openThree() {
  let n = 0;
  const labels = ['Playground', 'Staging', 'Prod'];
  const fake = start({ 'connections:open': () => info(`c${++n}`, labels[n - 1]) });
  for (const name of labels) fireEvent.click(await screen.findByRole('button', { name: `Connect ${name}` }));
  await waitFor(() => expect(within(screen.getByRole('tablist', { name: 'Open connections and sessions' })).getAllByRole('tab')).toHaveLength(3));
  return fake;
}

describe('Tabs', () => {
  it('asks before closing a live connection’s tab: Cancel and Esc keep it, confirming disconnects', async () => {
    const fake = await openThree();
    fireEvent.click(screen.getByRole('button', { name: 'Close tab: Prod' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Disconnect “Prod”?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(screen.getByRole('tablist', { name: 'Open connections and sessions' })).getAllByRole('tab')).toHaveLength(3);

    fireEvent.keyDown(screen.getByRole('tab', { name: /Prod/ }), { key: 'Delete' });
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.calls('connections:close')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Close tab: Prod' }));
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect and close' }));
    await waitFor(() => expect(within(screen.getByRole('tablist', { name: 'Open connections and sessions' })).getAllByRole('tab')).toHaveLength(2));
    expect(fake.calls('connections:close')).toEqual([{ connectionId: 'c3' }]);
  });

  it('closes a failed or ended connection’s tab without asking', async () => {
    const fake = start({ 'connections:open': () => info('c1', 'Playground', { state: 'failed', error: { kind: 'refused', message: 'refused', hint: 'start it' } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Connect Playground' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Close tab: Playground' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(screen.queryAllByRole('tab')).toHaveLength(0));
    expect(fake.calls('connections:close')).toEqual([]);
  });

  it('scrolls a newly opened tab into view', async () => {
    const scrolled: string[] = [];
    const spy = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.textContent ?? '');
    });
    try {
      await openThree();
      await waitFor(() => expect(scrolled.some((t) => t.startsWith('Prod'))).toBe(true));
    } finally {
      spy.mockRestore();
    }
  });

  it('after a reload brings back exactly the tabs that were open, in order, with the same one active', async () => {
    await openThree();
    // Close Staging (live: confirm), then pick Playground.
    fireEvent.click(screen.getByRole('tab', { name: /Staging/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Close tab: Staging' }));
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect and close' }));
    await waitFor(() => expect(within(screen.getByRole('tablist', { name: 'Open connections and sessions' })).getAllByRole('tab')).toHaveLength(2));
    fireEvent.click(screen.getByRole('tab', { name: /Playground/ }));

    // Main still lists all three (Staging ended as closed); only the two open tabs come back.
    reload({ 'connections:list': () => [info('c1', 'Playground'), info('c2', 'Staging', { state: 'failed' }), info('c3', 'Prod')] });
    await waitFor(() => expect(within(screen.getByRole('tablist', { name: 'Open connections and sessions' })).getAllByRole('tab').map((t) => t.textContent)).toEqual([expect.stringMatching(/^Playground/), expect.stringMatching(/^Prod/)]));
    expect(screen.getByRole('tab', { name: /Playground/ })).toHaveAttribute('aria-selected', 'true');
    expect(useConnectionsStore.getState().infos.c2).toBeUndefined();
  });

  it('restores a live trace from its start even when new events arrive before the snapshot', async () => {
    const fake = await openThree();
    act(() => fake.emit({ type: 'trace', connectionId: 'c1', entries: makeEntries(3) }));
    const snapshot = deferred<{ connectionId: string; entries: ReturnType<typeof makeEntries>; evicted: number }>();
    const again = reload({ 'connections:list': () => [info('c1', 'Playground'), info('c2', 'Staging'), info('c3', 'Prod')], 'trace:snapshot': () => snapshot.promise });
    await screen.findByRole('tab', { name: /Playground/ });
    // Entries 8 and 9 arrive live while the snapshot (0..7) is still on its way.
    const all = makeEntries(10, 'c1');
    act(() => again.emit({ type: 'trace', connectionId: 'c1', entries: all.slice(8) }));
    await act(async () => snapshot.resolve({ connectionId: 'c1', entries: all.slice(0, 8), evicted: 0 }));
    await waitFor(() => expect(useTraceStore.getState().traces.c1?.log.entries.map((e) => e.seq)).toEqual(all.map((e) => e.seq)));
  });

  it('says when main’s buffer had already dropped the oldest entries', async () => {
    await openThree();
    reload({ 'connections:list': () => [info('c1', 'Playground')], 'trace:snapshot': () => ({ connectionId: 'c1', entries: makeEntries(2), evicted: 1200 }) });
    useUiStore.getState().activateTab('c1');
    await waitFor(() => expect(screen.getByRole('tab', { name: /Playground/ })).toHaveAttribute('aria-selected', 'true'));
    fireEvent.click(screen.getByRole('tab', { name: 'Trace' }));
    expect(await screen.findByTestId('trace-evicted')).toHaveTextContent('The first 1,200 entries are no longer in memory');
  });
});
