import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { deferred, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';
import { makeEntries } from '../support/make-entries';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const info = (over: Partial<ConnectionInfo> = {}): ConnectionInfo => ({
  connectionId: 'c1',
  label: 'Playground',
  state: 'connected',
  transport: 'streamable',
  url: 'http://127.0.0.1:4100/mcp',
  serverInfo: { name: 'periscope-playground', version: '0.1.0' },
  protocolVersion: '2025-06-18',
  capabilities: { tools: {}, resources: {}, logging: {} },
  instructions: 'Call echo to test round trips.',
  sessionId: 'sess-42',
  detection: {
    attempts: [
      { transport: 'streamable', outcome: 'ok', reason: 'POST initialize answered 200' },
      { transport: 'sse', outcome: 'skipped', reason: 'not needed' },
    ],
    chosen: 'streamable',
    explanation: 'the server speaks Streamable HTTP',
  },
  warnings: ['TLS certificate checks are OFF for this connection'],
  connectedAt: 1_750_000_000_000,
  ...over,
});

async function connect(result: ConnectionInfo | Promise<ConnectionInfo>, extra: Parameters<typeof installFakePeriscope>[0] = {}) {
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [makeRemote()],
    'connections:open': () => result,
    'connections:close': () => undefined,
    ...extra,
  });
  stop = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  return fake;
}

/** The window's tabs (connections and sessions), not a connection's section tabs. */
const connectionTabs = () => within(screen.getByRole('tablist', { name: 'Open connections and sessions' })).getAllByRole('tab');

/** The trace is a section of the connection tab. */
const openTrace = () => fireEvent.click(screen.getByRole('tab', { name: 'Trace' }));

describe('Connection tab', () => {
  it('shows what the server said and how we reached it', async () => {
    await connect(info());
    const panel = await screen.findByTestId('connection-info');
    expect(screen.getByTestId('connection-state')).toHaveTextContent('Connected');
    expect(within(panel).getByTestId('server-info')).toHaveTextContent('periscope-playground 0.1.0');
    expect(within(panel).getByTestId('protocol-version')).toHaveTextContent('2025-06-18');
    expect(within(panel).getByTestId('transport-used')).toHaveTextContent(/^Streamable HTTP$/);
    expect(within(panel).getByTestId('session-id')).toHaveTextContent('sess-42');
    expect(within(panel).getByTestId('capabilities')).toHaveTextContent('tools, resources, logging');
    expect(within(panel).getByTestId('detection')).toHaveTextContent('Auto-detection chose Streamable HTTP: the server speaks Streamable HTTP');
    expect(within(panel).getByTestId('detection')).toHaveTextContent('SSE (legacy): skipped — not needed');
    expect(within(panel).getByTestId('instructions')).toHaveTextContent('Call echo to test round trips.');
    expect(within(panel).getByTestId('connection-warnings')).toHaveTextContent('TLS certificate checks are OFF');
  });

  it('marks each connection warning once: one ⚠, hidden from screen readers (the list is named Warnings)', async () => {
    await connect(info({ warnings: ['TLS certificate checks are OFF for this connection', 'The server sent Mcp-Session-Id on a 2026-07-28 request'] }));
    const list = within(await screen.findByTestId('connection-info')).getByRole('list', { name: 'Warnings' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.textContent!.match(/⚠/g)).toHaveLength(1);
      expect(item.querySelector('[aria-hidden="true"]')).toHaveTextContent('⚠');
    }
    // The list draws no bullet of its own beside the sign (workbench CSS: list-style none).
    expect(list).toHaveClass('warnings');
    expect(items[0]).toHaveTextContent(/^⚠TLS certificate checks are OFF for this connection$/);
  });

  it('shows the protocol era, the versions the server offered and why the era was chosen', async () => {
    await connect(info({
      era: 'modern',
      protocolVersion: '2026-07-28',
      supportedVersions: ['2026-07-28'],
      sessionId: undefined,
      eraDetection: { requested: 'auto', chosen: 'modern', probe: { outcome: 'modern', detail: 'offered 2026-07-28' }, explanation: 'Auto: the server answered server/discover, offering 2026-07-28.' },
    }));
    const panel = await screen.findByTestId('connection-info');
    expect(within(panel).getByTestId('protocol-era')).toHaveTextContent('2026-07-28 (modern');
    expect(within(panel).getByTestId('supported-versions')).toHaveTextContent('2026-07-28');
    expect(within(panel).getByTestId('era-detection')).toHaveTextContent('How the protocol era was chosen: Auto: the server answered server/discover, offering 2026-07-28.');
    expect(within(panel).getByTestId('era-detection')).toHaveTextContent('server/discover probe: modern — offered 2026-07-28');
    expect(within(panel).queryByTestId('session-id')).toBeNull();
  });

  it('shows a failed connection with its message and hint in plain words', async () => {
    await connect(
      info({
        state: 'failed',
        serverInfo: undefined,
        warnings: [],
        error: {
          kind: 'refused',
          message: 'Nothing is listening on 127.0.0.1:4100 (connection refused)',
          hint: 'Start the server, or check the port in the URL.',
          detail: { code: 'ECONNREFUSED', address: '127.0.0.1', port: 4100 },
        },
      }),
    );
    const panel = await screen.findByTestId('connection-info');
    expect(screen.getByTestId('connection-state')).toHaveTextContent('Failed');
    expect(within(panel).getByRole('alert')).toHaveTextContent('Nothing is listening on 127.0.0.1:4100');
    expect(within(panel).getByTestId('error-hint')).toHaveTextContent('Try: Start the server, or check the port in the URL.');
    expect(within(panel).getByTestId('error-detail')).toHaveTextContent('"code": "ECONNREFUSED"');
    expect(screen.getByTestId('connection-reconnect')).toBeInTheDocument();
    expect(screen.getByTestId('remote-state')).toHaveTextContent('Failed');
  });

  it('streams trace events into the list and follows state changes', async () => {
    const fake = await connect(info());
    await screen.findByTestId('connection-info');
    openTrace();
    expect(screen.getByText('No traffic yet.')).toBeInTheDocument();
    act(() => fake.emit({ type: 'trace', connectionId: 'c1', entries: makeEntries(4) }));
    expect(screen.getAllByTestId('trace-row')).toHaveLength(4);
    // A repeated batch (snapshot overlap) is not shown twice.
    act(() => fake.emit({ type: 'trace', connectionId: 'c1', entries: makeEntries(4) }));
    expect(screen.getAllByTestId('trace-row')).toHaveLength(4);
    act(() => fake.emit({ type: 'connection-state', info: info({ state: 'closed' }) }));
    expect(screen.getByTestId('connection-state')).toHaveTextContent('Disconnected');
    // The tab says it in the badge's words, not the state's id ("closed").
    expect(screen.getByRole('tab', { name: 'Playground (disconnected)' })).toBeInTheDocument();
  });

  it('follows a server that went away: lost, with the reason, in the badge, the tab and the sidebar', async () => {
    const fake = await connect(info());
    await screen.findByTestId('connection-info');
    const reason = { kind: 'refused' as const, message: 'Nothing is listening on 127.0.0.1:4100 (connection refused)', hint: 'start the server, then connect again' };
    act(() => fake.emit({ type: 'connection-state', info: info({ state: 'lost', error: reason }) }));
    expect(screen.getByTestId('connection-state')).toHaveTextContent('Connection lost');
    expect(screen.getByTestId('remote-state')).toHaveTextContent('Connection lost');
    expect(screen.getByRole('tab', { name: 'Playground (connection lost)' })).toBeInTheDocument();
    const panel = screen.getByTestId('connection-info');
    expect(within(panel).getByRole('alert')).toHaveTextContent('The connection was lost');
    expect(within(panel).getByRole('alert')).toHaveTextContent('Nothing is listening on 127.0.0.1:4100');
    // Not live any more: the way back is offered, and closing the tab does not ask.
    expect(screen.getByTestId('connection-reconnect')).toBeInTheDocument();
    expect(screen.getByTestId('connect-button')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Close tab: Playground' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('disconnects from the tab and saves the session through main', async () => {
    const fake = await connect(info(), { 'session:save': () => ({ cancelled: false as const, path: '/tmp/s.periscope.ndjson', count: 12 }) });
    fireEvent.click(await screen.findByTestId('save-session'));
    expect(await screen.findByText('Saved 12 entries to /tmp/s.periscope.ndjson.')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('connection-disconnect'));
    await waitFor(() => expect(screen.getByTestId('connection-state')).toHaveTextContent('Disconnected'));
    expect(fake.calls('connections:close')).toEqual([{ connectionId: 'c1' }]);
    expect(fake.calls('session:save')).toEqual([{ connectionId: 'c1' }]);
  });

  it('keeps several connections in tabs; arrows switch; closing disconnects', async () => {
    const remotes = [makeRemote(), makeRemote({ id: 'r2', name: 'Staging' })];
    let n = 0;
    const fake = installFakePeriscope({
      'connections:list': () => [],
      'remotes:list': () => remotes,
      'connections:open': () => info({ connectionId: `c${++n}`, label: n === 1 ? 'Playground' : 'Staging' }),
      'connections:close': () => undefined,
    });
    stop = startBridge();
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect Playground' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Connect Staging' }));
    await waitFor(() => expect(connectionTabs()).toHaveLength(2));
    const [first, second] = connectionTabs();
    expect(second).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(second, { key: 'ArrowRight' });
    expect(first).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByRole('tabpanel')[0]).toHaveTextContent('Playground');
    fireEvent.click(screen.getByRole('button', { name: 'Close tab: Playground' }));
    // A live connection: closing its tab ends it, so the window asks first.
    fireEvent.click(within(screen.getByRole('alertdialog', { name: 'Disconnect “Playground”?' })).getByRole('button', { name: 'Disconnect and close' }));
    await waitFor(() => expect(connectionTabs()).toHaveLength(1));
    expect(fake.calls('connections:close')).toEqual([{ connectionId: 'c1' }]);
  });

  it('restores open connections and their trace after a reload', async () => {
    const snapshot = deferred<{ connectionId: string; entries: ReturnType<typeof makeEntries>; evicted: number }>();
    installFakePeriscope({
      'remotes:list': () => [makeRemote()],
      'connections:list': () => [info()],
      'trace:snapshot': () => snapshot.promise,
    });
    stop = startBridge();
    render(<App />);
    expect(await screen.findByTestId('connection-info')).toBeInTheDocument();
    await act(async () => snapshot.resolve({ connectionId: 'c1', entries: makeEntries(6), evicted: 0 }));
    openTrace();
    expect(screen.getAllByTestId('trace-row')).toHaveLength(6);
    expect(screen.getByTestId('remote-state')).toHaveTextContent('Connected');
  });
});
