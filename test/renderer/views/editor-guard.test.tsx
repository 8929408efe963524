import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { RemoteInput } from '../../../shared/model/remote';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { useRemotesStore } from '../../../renderer/stores/remotes-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { App } from '../../../renderer/views/app';
import { FakeFailure, installFakePeriscope, makeRemote, resetStores, type Handlers } from '../support/fake-periscope';
import { editRemote } from '../support/remote-actions';

let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const prod = makeRemote({ id: 'r1', name: 'Prod', url: 'https://api.example.com/mcp' });
const staging = makeRemote({ id: 'r2', name: 'Staging', url: 'https://staging.example.com/mcp' });

async function start(handlers: Handlers = {}, remotes = [prod, staging]) {
  const fake = installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => remotes, ...handlers });
  stop = startBridge();
  render(<App />);
  await waitFor(() => expect(useRemotesStore.getState().status).toBe('ready'));
  return fake;
}

const edit = editRemote;

describe('Remote editor: focus, Esc and unsaved edits', () => {
  it('focuses the name of a new remote; Cancel gives the focus back to “New remote”', async () => {
    await start();
    fireEvent.click(screen.getByTestId('new-remote'));
    expect(screen.getByLabelText('Name')).toHaveFocus();
    fireEvent.click(screen.getByTestId('cancel-remote'));
    await waitFor(() => expect(screen.getByTestId('new-remote')).toHaveFocus());
  });

  it('closes on Esc, back to the remote’s card', async () => {
    await start();
    edit('Prod');
    fireEvent.keyDown(screen.getByLabelText('URL'), { key: 'Escape' });
    expect(screen.queryByTestId('remote-form')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Show Prod' })).toHaveFocus());
  });

  it('asks before dropping unsaved edits: switching remotes, Cancel, Esc', async () => {
    await start();
    edit('Prod');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Prod (eu)' } });

    // Another remote: the question, and "Keep editing" keeps everything as typed.
    fireEvent.click(screen.getByRole('button', { name: 'Show Staging' }));
    const ask = screen.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    expect(ask).toHaveTextContent('Your changes to “Prod” are not saved.');
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText('Name')).toHaveValue('Prod (eu)');

    // Esc in the form asks too; Esc in the question keeps editing.
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(screen.getByLabelText('Name')).toHaveValue('Prod (eu)');

    // Cancel, then discard: the editor closes and nothing was sent.
    fireEvent.click(screen.getByTestId('cancel-remote'));
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.queryByTestId('remote-form')).toBeNull();
  });

  it('a new remote: the question says what is lost', async () => {
    await start();
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Half typed' } });
    fireEvent.click(screen.getByTestId('cancel-remote'));
    expect(screen.getByRole('alertdialog', { name: 'Discard unsaved changes?' })).toHaveTextContent('The new remote is not saved. If you go on, what you typed is lost.');
  });

  it('the URL field\'s example is in the schemes the chosen transport takes', async () => {
    await start();
    fireEvent.click(screen.getByTestId('new-remote'));
    const examples: Array<[string, RegExp, RegExp | undefined]> = [
      ['streamable', /e\.g\. https:\/\//, /wss:/],
      ['sse', /e\.g\. https:\/\//, /wss:/],
      ['websocket', /e\.g\. wss:\/\//, /https:/],
      ['auto', /https:\/\/.* or wss:\/\//, undefined],
    ];
    for (const [transport, shown, notShown] of examples) {
      fireEvent.change(screen.getByLabelText('Transport'), { target: { value: transport } });
      const description = screen.getByLabelText('URL').getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      expect(description, transport).toMatch(shown);
      if (notShown) expect(description, transport).not.toMatch(notShown);
    }
  });

  it('switches remotes at once when nothing was changed, and after discarding', async () => {
    await start();
    edit('Prod');
    fireEvent.click(screen.getByRole('button', { name: 'Show Staging' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Edit Staging' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://other.example.com/mcp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show Prod' }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByRole('heading', { name: 'Edit Prod' })).toBeInTheDocument();
    expect(screen.getByLabelText('URL')).toHaveValue('https://api.example.com/mcp');
  });

  it('suggests the scheme a URL is missing, and puts it in with one click', async () => {
    const fake = await start({ 'remotes:create': (input: { draft: RemoteInput }) => ({ remote: makeRemote({ id: 'n', name: input.draft.name }), warnings: [] }) }, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Local' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'localhost:3000/mcp' } });
    // While the field still has focus: leaving it must not change the layout (see the e2e test).
    expect(screen.getByTestId('url-suggestion')).toHaveTextContent('Did you mean http://localhost:3000/mcp?');
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(screen.getByLabelText('URL')).toHaveAccessibleDescription(expect.stringContaining('did you mean http://localhost:3000/mcp?'));
    // The field's message asks now: the line beside it keeps only its button, not the question again.
    expect(screen.getByTestId('url-suggestion')).toHaveTextContent(/^Use http:\/\/localhost:3000\/mcp$/);
    expect(screen.getAllByText(/did you mean/i)).toHaveLength(2);
    expect(fake.calls('remotes:create')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Use http://localhost:3000/mcp' }));
    expect(screen.getByLabelText('URL')).toHaveValue('http://localhost:3000/mcp');
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:create')).toHaveLength(1));
  });
});

describe('Hints in the app’s own terms: a button opens the right field', () => {
  const failed = (error: ConnectionInfo['error']): ConnectionInfo => ({ connectionId: 'c1', label: 'Prod', state: 'failed', warnings: [], error });

  it('a timeout’s fix opens the editor on the request timeout, marked', async () => {
    await start({
      'connections:open': () =>
        failed({ kind: 'timeout', message: 'The server did not answer the request after 60000 ms', hint: 'raise the timeout, or check the server', fixes: [{ field: 'timeouts.requestMs', label: 'Raise the request timeout' }] }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Prod' }));
    const panel = await screen.findByTestId('connection-info');
    expect(within(panel).getByTestId('error-hint').textContent).not.toMatch(/--|periscope /);
    fireEvent.click(within(panel).getByRole('button', { name: 'Raise the request timeout…' }));
    expect(screen.getByRole('heading', { name: 'Edit Prod' })).toBeInTheDocument();
    expect(screen.getByLabelText('Request timeout (ms)')).toHaveFocus();
    expect(screen.getByLabelText('Request timeout (ms)').closest('.field')).toHaveAttribute('data-fix-target', 'true');
  });

  it('a too-large answer’s fix opens the editor on the message size limit, and the limit typed there is saved in bytes', async () => {
    const fake = await start({
      'connections:open': () =>
        failed({ kind: 'too-large', message: 'The answer from api.example.com is larger than the 100 MB limit, so Periscope stopped reading it', hint: 'ask the server for less at once, or raise the message size limit for this connection', fixes: [{ field: 'maxMessageBytes', label: 'Raise the message size limit' }] }),
      'remotes:update': () => ({ remote: prod, warnings: [] }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Prod' }));
    const panel = await screen.findByTestId('connection-info');
    fireEvent.click(within(panel).getByRole('button', { name: 'Raise the message size limit…' }));
    const field = screen.getByLabelText('Message size limit (MB)');
    expect(field).toHaveFocus();
    expect(field.closest('.field')).toHaveAttribute('data-fix-target', 'true');
    fireEvent.change(field, { target: { value: '250' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:update')).toHaveLength(1));
    expect((fake.calls('remotes:update')[0] as { draft: RemoteInput }).draft.maxMessageBytes).toBe(250 * 1024 * 1024);
  });

  it('a missing secret’s fix adds the header row, secret, and focuses its value', async () => {
    await start({
      'connections:open': () => {
        throw new FakeFailure({ kind: 'missing-secret', message: 'Remote "Prod" needs a value for required header "X-API-Key"', hint: 'Enter its value in the remote’s settings.', fixes: [{ field: 'header:X-API-Key', label: 'Set the X-API-Key header' }] });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Prod' }));
    const card = screen.getByRole('listitem', { name: 'Prod' });
    fireEvent.click(await within(card).findByRole('button', { name: 'Set the X-API-Key header…' }));
    expect(screen.getByLabelText('Header 1 name')).toHaveValue('X-API-Key');
    expect(screen.getByLabelText('Header 1 secret')).toBeChecked();
    expect(screen.getByLabelText('Header 1 value')).toHaveFocus();
  });

  it('a transport fix preselects the proposed transport, unsaved', async () => {
    await start({
      'connections:open': () => failed({ kind: 'http-status', message: 'POST answered 405', hint: 'this looks like an SSE-only server: try the SSE transport', fixes: [{ field: 'transport', label: 'Use the SSE transport', value: 'sse' }] }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Prod' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use the SSE transport…' }));
    expect(screen.getByLabelText('Transport')).toHaveValue('sse');
    expect(screen.getByLabelText('Transport')).toHaveFocus();
    expect(useUiStore.getState().editorDirty).toBe(true);
  });

  it('shows no button for a fix that is not a remote setting (the trace is already on screen)', async () => {
    await start({ 'connections:open': () => failed({ kind: 'protocol', message: 'bad JSON', hint: 'look at the raw message in the trace', fixes: [{ field: 'trace', label: 'Look at the trace' }] }) });
    fireEvent.click(screen.getByRole('button', { name: 'Connect Prod' }));
    const panel = await screen.findByTestId('connection-info');
    await act(async () => undefined);
    expect(within(panel).queryByTestId('fix-button')).toBeNull();
  });
});
