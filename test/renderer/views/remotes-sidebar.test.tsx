import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { Remote } from '../../../shared/model/remote';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { deferred, FakeFailure, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

function start(handlers: Parameters<typeof installFakePeriscope>[0]) {
  const fake = installFakePeriscope({ 'connections:list': () => [], ...handlers });
  stop = startBridge();
  render(<App />);
  return fake;
}

/** Edit, Duplicate and Delete sit under each card's "More actions" button. */
function moreActions(name: string) {
  fireEvent.click(screen.getByRole('button', { name: `More actions for ${name}` }));
}

const connected = (over: Partial<ConnectionInfo> = {}): ConnectionInfo => ({
  connectionId: 'c1',
  label: 'Playground',
  state: 'connected',
  transport: 'streamable',
  warnings: [],
  serverInfo: { name: 'periscope-playground', version: '1.2.3' },
  protocolVersion: '2025-06-18',
  ...over,
});

describe('Remotes sidebar', () => {
  it('shows loading, then the remotes', async () => {
    const list = deferred<Remote[]>();
    start({ 'remotes:list': () => list.promise });
    expect(screen.getByTestId('remotes-loading')).toHaveTextContent('Loading remotes');
    await act(async () => list.resolve([makeRemote()]));
    expect(screen.queryByTestId('remotes-loading')).toBeNull();
    const item = screen.getByRole('listitem', { name: 'Playground' });
    expect(within(item).getByTestId('remote-state')).toHaveTextContent('Not connected');
    expect(within(item).getByRole('button', { name: 'Connect Playground' })).toBeEnabled();
  });

  it('names each remote\'s transport as the editor\'s Transport field does, not by its id', async () => {
    const transports = ['streamable', 'sse', 'websocket', 'auto'] as const;
    start({ 'remotes:list': () => transports.map((transport) => makeRemote({ id: `r-${transport}`, name: transport, transport })) });
    const shown = await Promise.all(transports.map(async (transport) => within(await screen.findByRole('listitem', { name: transport })).getByTestId('remote-transport')));
    expect(shown.map((tag) => tag.textContent)).toEqual(['Streamable HTTP', 'SSE (legacy)', 'WebSocket', 'Auto-detect']);
    expect(shown[3]).toHaveAttribute('title', 'Transport: Auto-detect (Streamable HTTP, then SSE; WebSocket for ws://)');
  });

  it('offers Debug auth under ⋯ for HTTP remotes only: not WebSocket, nor Auto-detect on a ws:// URL', async () => {
    const remotes = [
      makeRemote({ id: 'r-http', name: 'Over HTTP', transport: 'auto', url: 'https://mcp.example.com/mcp' }),
      makeRemote({ id: 'r-ws', name: 'Over WS', transport: 'websocket', url: 'ws://127.0.0.1:3000/ws' }),
      makeRemote({ id: 'r-auto-ws', name: 'Auto on ws', transport: 'auto', url: 'wss://mcp.example.com/ws' }),
    ];
    start({ 'remotes:list': () => remotes });
    await screen.findByRole('listitem', { name: 'Over HTTP' });
    for (const { name } of remotes) moreActions(name);
    expect(screen.getAllByRole('button', { name: /^Debug the authorization of / }).map((b) => b.getAttribute('aria-label'))).toEqual(['Debug the authorization of Over HTTP']);
  });

  it('More actions: Escape closes them, from the button or any action, and gives the focus back to the button', async () => {
    start({ 'remotes:list': () => [makeRemote()] });
    const more = await screen.findByRole('button', { name: 'More actions for Playground' });
    for (const from of [() => more, () => screen.getByRole('button', { name: 'Duplicate Playground' })]) {
      fireEvent.click(more);
      expect(more).toHaveAttribute('aria-expanded', 'true');
      const focused = from();
      focused.focus();
      fireEvent.keyDown(focused, { key: 'Escape' });
      expect(more).toHaveAttribute('aria-expanded', 'false');
      expect(screen.queryByRole('button', { name: 'Edit Playground' })).toBeNull();
      expect(more).toHaveFocus();
    }
  });

  it('moves between remotes with the arrow keys', async () => {
    start({ 'remotes:list': () => [makeRemote(), makeRemote({ id: 'r2', name: 'Staging' }), makeRemote({ id: 'r3', name: 'Prod' })] });
    const first = await screen.findByRole('button', { name: 'Show Playground' });
    first.focus();
    const list = screen.getByRole('list', { name: 'Saved remotes' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(screen.getByRole('button', { name: 'Show Staging' })).toHaveFocus();
    screen.getByRole('button', { name: 'More actions for Staging' }).focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(screen.getByRole('button', { name: 'Show Prod' })).toHaveFocus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(screen.getByRole('button', { name: 'Show Prod' })).toHaveFocus();
    fireEvent.keyDown(list, { key: 'Home' });
    expect(first).toHaveFocus();
  });

  it('lists again when main says the remotes changed, and shows main’s notices', async () => {
    let remotes = [makeRemote()];
    const fake = start({ 'remotes:list': () => remotes });
    await screen.findByRole('listitem', { name: 'Playground' });
    remotes = [...remotes, makeRemote({ id: 'cli', name: 'Added by the CLI' })];
    act(() => fake.emit({ type: 'remotes-changed' }));
    expect(await screen.findByRole('listitem', { name: 'Added by the CLI' })).toBeInTheDocument();
    act(() => fake.emit({ type: 'notice', level: 'warning', message: 'remotes.json was damaged and moved aside' }));
    expect(screen.getByTestId('notice-warning')).toHaveTextContent('remotes.json was damaged and moved aside');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByTestId('notice-warning')).toBeNull();
  });

  it('shows an empty state with what to do, without pointing at a playground that is not there', async () => {
    start({ 'remotes:list': () => [] });
    expect(await screen.findByTestId('remotes-empty')).toHaveTextContent('No remotes yet');
    const welcome = screen.getByTestId('welcome');
    expect(welcome).not.toHaveTextContent(/Press Connect next to/);
    expect(welcome).toHaveTextContent('Add your own server: create a remote.');
  });

  it('the welcome names the playground remote as it is called now', async () => {
    start({ 'remotes:list': () => [makeRemote({ name: 'Local playground', url: 'http://playground.localhost/mcp' }), makeRemote({ id: 'r2', name: 'Staging', url: 'https://staging.example.com/mcp' })] });
    const welcome = await screen.findByTestId('welcome');
    await waitFor(() => expect(welcome).toHaveTextContent('Press Connect next to Local playground in the sidebar'));
    expect(welcome).toHaveTextContent('Or add your own server');
  });

  it('shows a load error with its hint, and retries', async () => {
    let fail = true;
    start({
      'remotes:list': () => {
        if (fail) throw new FakeFailure({ kind: 'storage', message: 'remotes.json is not valid JSON', hint: 'Restore it from remotes.json.bak' });
        return [makeRemote()];
      },
    });
    const error = await screen.findByTestId('remotes-error');
    expect(within(error).getByTestId('error-message')).toHaveTextContent('remotes.json is not valid JSON');
    expect(within(error).getByTestId('error-hint')).toHaveTextContent('Restore it from remotes.json.bak');
    fail = false;
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('listitem', { name: 'Playground' })).toBeInTheDocument();
  });

  it('connects: connecting state, then a tab with the server details', async () => {
    const open = deferred<ConnectionInfo>();
    const fake = start({ 'remotes:list': () => [makeRemote()], 'connections:open': () => open.promise });
    fireEvent.click(await screen.findByTestId('connect-button'));
    expect(screen.getByTestId('remote-state')).toHaveTextContent('Connecting…');
    expect(fake.calls('connections:open')).toEqual([{ remoteId: 'r-playground' }]);
    await act(async () => open.resolve(connected()));
    expect(screen.getByTestId('remote-state')).toHaveTextContent('Connected');
    expect(screen.getByRole('tab', { name: /Playground/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('server-info')).toHaveTextContent('periscope-playground 1.2.3');
    expect(screen.getByTestId('disconnect-button')).toBeEnabled();
  });

  it('Connect while the auth debugger is shown brings the new tab to the front; so do a click on a tab and New remote', async () => {
    const fake = start({ 'remotes:list': () => [makeRemote()], 'connections:open': () => connected() });
    await screen.findByTestId('connect-button');
    fireEvent.click(screen.getByTestId('open-auth-debugger'));
    expect(screen.getByTestId('auth-debug-close')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('connect-button'));
    await waitFor(() => expect(screen.getByTestId('server-info')).toHaveTextContent('periscope-playground 1.2.3'));
    expect(screen.queryByTestId('auth-debug-close')).toBeNull();
    expect(screen.getByRole('tab', { name: /Playground/ })).toHaveAttribute('aria-selected', 'true');
    expect(fake.calls('connections:open')).toHaveLength(1);

    fireEvent.click(screen.getByTestId('open-auth-debugger'));
    expect(screen.getByTestId('auth-debug-close')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /Playground/ })).toHaveAttribute('aria-selected', 'false');
    fireEvent.click(screen.getByRole('tab', { name: /Playground/ }));
    expect(screen.queryByTestId('auth-debug-close')).toBeNull();
    expect(screen.getByTestId('server-info')).toBeInTheDocument();

    // New remote too: the editor comes to the front.
    fireEvent.click(screen.getByTestId('open-auth-debugger'));
    fireEvent.click(screen.getByTestId('new-remote'));
    expect(screen.queryByTestId('auth-debug-close')).toBeNull();
    expect(screen.getByTestId('remote-form')).toBeInTheDocument();
  });

  it('marks the remote whose view is in front: the tab\'s, the auth debugger\'s, none for a typed URL', async () => {
    start({ 'remotes:list': () => [makeRemote(), makeRemote({ id: 'r-staging', name: 'Staging', url: 'https://staging.example/mcp' })], 'connections:open': () => connected() });
    await screen.findAllByTestId('connect-button');
    const marked = () => screen.getAllByRole('button', { name: /^Show / }).filter((b) => b.getAttribute('aria-current') === 'true').map((b) => b.textContent);
    fireEvent.click(screen.getByRole('button', { name: 'Connect Playground' }));
    await waitFor(() => expect(screen.getByTestId('server-info')).toBeInTheDocument());
    expect(marked()).toEqual(['Playground']);
    // The debugger of the tab in front runs on its remote: still that one.
    fireEvent.click(screen.getByTestId('open-auth-debugger'));
    expect(marked()).toEqual(['Playground']);
    // Another URL typed: no saved remote is in front (the tab is not either).
    fireEvent.click(screen.getByTestId('auth-debug-other-url'));
    expect(marked()).toEqual([]);
    // Debug auth under Staging's ⋯: Staging.
    moreActions('Staging');
    fireEvent.click(screen.getByRole('button', { name: 'Debug the authorization of Staging' }));
    expect(marked()).toEqual(['Staging']);
  });

  it('keeps the keyboard focus on the button while Connect turns into a Disconnect that waits for the connection', async () => {
    const open = deferred<ConnectionInfo>();
    const fake = start({ 'remotes:list': () => [makeRemote()], 'connections:open': () => open.promise, 'connections:close': () => undefined });
    const connect = await screen.findByTestId('connect-button');
    connect.focus();
    fireEvent.click(connect);
    const disconnect = screen.getByTestId('disconnect-button');
    // The same button, still focusable (a disabled one would drop the focus to the page), and inert until there is a connection.
    expect(disconnect).toBe(connect);
    expect(document.activeElement).toBe(disconnect);
    expect(disconnect).not.toHaveAttribute('disabled');
    expect(disconnect).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(disconnect);
    expect(fake.calls('connections:close')).toEqual([]);
    await act(async () => open.resolve(connected()));
    expect(disconnect).not.toHaveAttribute('aria-disabled');
    expect(document.activeElement).toBe(disconnect);
  });

  it('opens the tab as soon as main reports the connection, before connect finishes', async () => {
    const open = deferred<ConnectionInfo>();
    const fake = start({ 'remotes:list': () => [makeRemote()], 'connections:open': () => open.promise });
    fireEvent.click(await screen.findByTestId('connect-button'));
    act(() => fake.emit({ type: 'connection-state', info: connected({ state: 'connecting', serverInfo: undefined }) }));
    expect(screen.getByTestId('connection-state')).toHaveTextContent('Connecting…');
    await act(async () => open.resolve(connected()));
    expect(within(screen.getByRole('tablist', { name: 'Open connections and sessions' })).getAllByRole('tab')).toHaveLength(1);
  });

  it('shows why a connect could not even start', async () => {
    start({
      'remotes:list': () => [makeRemote()],
      'connections:open': () => {
        throw new FakeFailure({ kind: 'missing-secret', message: 'Header "Authorization" has no value', hint: 'Edit the remote and set it.' });
      },
    });
    fireEvent.click(await screen.findByTestId('connect-button'));
    const item = await screen.findByRole('listitem', { name: 'Playground' });
    await waitFor(() => expect(within(item).getByTestId('error-message')).toHaveTextContent('Header "Authorization" has no value'));
    expect(within(item).getByTestId('error-hint')).toHaveTextContent('Edit the remote and set it.');
    expect(within(item).getByTestId('remote-state')).toHaveTextContent('Not connected');
  });

  it('disconnects', async () => {
    const fake = start({ 'remotes:list': () => [makeRemote()], 'connections:open': () => connected(), 'connections:close': () => undefined });
    fireEvent.click(await screen.findByTestId('connect-button'));
    fireEvent.click(await screen.findByTestId('disconnect-button'));
    await waitFor(() => expect(screen.getByTestId('remote-state')).toHaveTextContent('Disconnected'));
    expect(fake.calls('connections:close')).toEqual([{ connectionId: 'c1' }]);
    expect(screen.getByTestId('connect-button')).toBeInTheDocument();
  });

  it('a long name stays whole for the user while Disconnect shows: in the tooltip and the button\'s name, in a box that may take two lines', async () => {
    const name = 'Customer staging server behind the corporate proxy (EU west)';
    start({ 'remotes:list': () => [makeRemote({ name })], 'connections:open': () => connected({ label: name }) });
    fireEvent.click(await screen.findByTestId('connect-button'));
    const item = await screen.findByRole('listitem', { name });
    await within(item).findByRole('button', { name: `Disconnect ${name}` });
    const show = within(item).getByRole('button', { name: `Show ${name}` });
    expect(show).toHaveAttribute('title', name);
    // The text sits in its own box, which the sidebar's CSS lets wrap to a second line before cutting.
    expect(show.querySelector('.remote-name-text')).toHaveTextContent(name);
  });

  it('deletes only after confirmation', async () => {
    let remotes = [makeRemote(), makeRemote({ id: 'r2', name: 'Staging' })];
    const fake = start({
      'remotes:list': () => remotes,
      'remotes:remove': (input: { remoteId: string }) => {
        remotes = remotes.filter((r) => r.id !== input.remoteId);
      },
    });
    await screen.findByRole('listitem', { name: 'Staging' });
    moreActions('Staging');
    // A real click focuses the button (happy-dom's synthetic one does not).
    screen.getByRole('button', { name: 'Delete Staging' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Staging' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete “Staging”?' });
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    // Focus wraps around inside the dialog (the browser moves it between the two in the middle).
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // Focus goes back to the button that opened it.
    expect(screen.getByRole('button', { name: 'Delete Staging' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Staging' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(fake.calls('remotes:remove')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Staging' }));
    fireEvent.click(screen.getByTestId('confirm-accept'));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Staging' })).toBeNull());
    expect(fake.calls('remotes:remove')).toEqual([{ remoteId: 'r2' }]);
    // The deleted card's neighbour takes the focus (it is not lost to the page).
    await waitFor(() => expect(screen.getByRole('button', { name: 'Show Playground' })).toHaveFocus());
  });

  it('duplicates and opens the copy in the editor', async () => {
    const copy = makeRemote({ id: 'r3', name: 'Playground (copy)' });
    let remotes = [makeRemote()];
    start({
      'remotes:list': () => remotes,
      'remotes:duplicate': () => {
        remotes = [...remotes, copy];
        return copy;
      },
    });
    await screen.findByRole('listitem', { name: 'Playground' });
    moreActions('Playground');
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate Playground' }));
    expect(await screen.findByRole('heading', { name: 'Edit Playground (copy)' })).toBeInTheDocument();
  });

  it('the import report says what an imported stdio entry will run, names its env variables only, flags those that load code', async () => {
    start({
      'remotes:list': () => [makeRemote()],
      'remotes:import': () => ({
        cancelled: false as const,
        path: '/home/u/claude.json',
        outcomes: [
          {
            name: 'files',
            status: 'imported' as const,
            remoteId: 'f',
            warnings: [],
            command: { command: 'npx', args: ['-y', 'my server'], envNames: ['API_KEY', 'NODE_OPTIONS'], dangerousEnv: ['NODE_OPTIONS'], needsConfirmation: true },
          },
          { name: 'web', status: 'imported' as const, remoteId: 'w', warnings: [] },
        ],
      }),
    });
    fireEvent.click(await screen.findByTestId('import-remotes'));
    const report = await screen.findByRole('dialog', { name: 'Import from claude.json' });
    const [command] = within(report).getAllByTestId('import-command');
    expect(within(report).getAllByTestId('import-command')).toHaveLength(1);
    expect(command).toHaveTextContent('Runs npx -y "my server" with API_KEY, NODE_OPTIONS (values not shown).');
    expect(within(command).getByRole('note')).toHaveTextContent('NODE_OPTIONS can make the command load and run other code.');
    expect(command).toHaveTextContent('It asks you to confirm it before it first runs.');
  });

  it('imports and exports through main’s dialogs and reports the result', async () => {
    const fake = start({
      'remotes:list': () => [makeRemote()],
      'remotes:import': () => ({
        cancelled: false as const,
        path: '/home/u/remotes.json',
        outcomes: [
          { name: 'A', status: 'imported' as const, remoteId: 'a', warnings: ['Credentials travel unencrypted'] },
          { name: 'B', status: 'skipped' as const, reason: 'URL is empty', warnings: [] },
          { name: 'C', status: 'skipped' as const, reason: 'already present as "C"', duplicateOf: 'C', warnings: [] },
          { name: 'D', status: 'imported' as const, remoteId: 'd', warnings: [] },
        ],
      }),
      'remotes:export': () => ({ cancelled: false as const, path: '/home/u/out.json', count: 1 }),
    });
    fireEvent.click(await screen.findByTestId('import-remotes'));
    // One report for the whole file, as a dialog; no pop-up per entry.
    const report = await screen.findByRole('dialog', { name: 'Import from remotes.json' });
    expect(within(report).getByTestId('import-summary')).toHaveTextContent('2 imported, 1 already present, 1 skipped.');
    expect(within(report).getByRole('region', { name: 'Imported' })).toHaveTextContent('A: Credentials travel unencrypted');
    expect(within(report).getByRole('region', { name: 'Already present (not imported again)' })).toHaveTextContent('C: same as “C”');
    expect(within(report).getByRole('region', { name: 'Skipped' })).toHaveTextContent('B: URL is empty');
    expect(screen.queryAllByTestId(/^notice-/)).toHaveLength(0);
    expect(within(report).getByRole('button', { name: 'Close' })).toHaveFocus();
    fireEvent.keyDown(report, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByTestId('export-remotes'));
    expect(await screen.findByText('Exported 1 remote to /home/u/out.json.')).toBeInTheDocument();
    expect(fake.calls('remotes:export')).toEqual([{ includeSecrets: false }]);
    // The checkbox says it is about the export (it sits under Import… as well).
    fireEvent.click(screen.getByRole('checkbox', { name: 'Export secret values too' }));
    fireEvent.click(screen.getByTestId('export-remotes'));
    await waitFor(() => expect(fake.calls('remotes:export')).toEqual([{ includeSecrets: false }, { includeSecrets: true }]));
  });
});
