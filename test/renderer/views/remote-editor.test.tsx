import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteInput } from '../../../shared/model/remote';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { useRemotesStore } from '../../../renderer/stores/remotes-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { App } from '../../../renderer/views/app';
import { editRemote } from '../support/remote-actions';
import { FakeFailure, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';

let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const secretRemote = makeRemote({
  id: 'r1',
  name: 'Prod',
  url: 'https://api.example.com/v1/mcp',
  headers: [
    { name: 'Authorization', value: '', description: 'Bearer token', is_required: true, is_secret: true, has_value: true },
    { name: 'X-Team', value: 'core', description: '', is_required: false, is_secret: false },
  ],
});

const edit = editRemote;

async function start(handlers: Parameters<typeof installFakePeriscope>[0] = {}, remotes = [secretRemote]) {
  const fake = installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => remotes, ...handlers });
  stop = startBridge();
  render(<App />);
  await waitFor(() => expect(useRemotesStore.getState().status).toBe('ready'));
  return fake;
}

describe('Remote editor', () => {
  it('validates before sending: empty name, bad URL, bad header name, bad timeout', async () => {
    const fake = await start({}, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'ftp://x.example' } });
    fireEvent.change(screen.getByLabelText('Transport'), { target: { value: 'streamable' } });
    fireEvent.click(screen.getByTestId('add-header'));
    fireEvent.change(screen.getByLabelText('Header 1 name'), { target: { value: 'Bad Name' } });
    fireEvent.change(screen.getByLabelText('Connect timeout (ms)'), { target: { value: '-5' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(screen.getByTestId('form-errors')).toHaveTextContent(/^Fix 4 problems before saving:/);
    // Announced: the count alone (the focused field is heard with its own problem, once).
    expect(screen.getByRole('alert')).toHaveTextContent(/^Fix 4 problems before saving:$/);
    expect(screen.getByRole('group', { name: 'Fix 4 problems before saving:' })).toBe(screen.getByTestId('form-errors'));
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Name is empty');
    // Save sits at the end of the form: the refusal takes the keyboard focus to the first field to fix.
    expect(screen.getByLabelText('Name')).toHaveFocus();
    // The summary names each field with its problem, and takes the focus to it (a long form).
    const summary = within(screen.getByTestId('form-errors'));
    expect(summary.getAllByTestId('form-error-item').map((item) => item.textContent)).toEqual([
      // A message that starts with its field's name is not headed by that name again.
      'Name is empty',
      expect.stringMatching(/^URL scheme "ftp:" does not fit the Streamable HTTP transport/),
      expect.stringMatching(/^Header 1 name: "Bad Name" is not a valid HTTP header name/),
      expect.stringMatching(/^Connect timeout \(ms\): .*whole number/),
    ]);
    expect(summary.getByRole('button', { name: 'Name' })).toBeInTheDocument();
    fireEvent.click(summary.getByRole('button', { name: 'Connect timeout (ms)' }));
    expect(screen.getByLabelText('Connect timeout (ms)')).toHaveFocus();
    fireEvent.click(summary.getByRole('button', { name: 'Header 1 name' }));
    // The summary's buttons are not taken for the fields they go to.
    expect(screen.getAllByLabelText(/Header 1 name/)).toHaveLength(1);
    expect(screen.getByLabelText('Header 1 name')).toHaveFocus();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Named now' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(screen.getByLabelText('URL')).toHaveFocus();
    expect(screen.getByLabelText('URL')).toHaveAccessibleDescription(expect.stringContaining('does not fit the Streamable HTTP transport'));
    expect(screen.getByLabelText('Header 1 name')).toHaveAccessibleDescription(expect.stringContaining('"Bad Name" is not a valid HTTP header name'));
    expect(screen.getByLabelText('Connect timeout (ms)')).toHaveAccessibleDescription(expect.stringContaining('whole number'));
    expect(fake.calls('remotes:create')).toEqual([]);
  });

  it('sets the protocol era and a pinned version, and refuses a version of the other era', async () => {
    const fake = await start({ 'remotes:create': (input: { draft: RemoteInput }) => ({ remote: makeRemote({ id: 'new2', name: input.draft.name }), warnings: [] }) }, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Old server' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://old.example.com/mcp' } });
    fireEvent.change(screen.getByLabelText('Protocol era'), { target: { value: 'legacy' } });
    fireEvent.change(screen.getByLabelText('Pin protocol version'), { target: { value: '2026-07-28' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(screen.getByLabelText('Pin protocol version')).toHaveAccessibleDescription(expect.stringContaining('belongs to the modern era'));
    expect(fake.calls('remotes:create')).toEqual([]);
    fireEvent.change(screen.getByLabelText('Pin protocol version'), { target: { value: '2025-06-18' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:create')).toHaveLength(1));
    expect((fake.calls('remotes:create')[0] as { draft: RemoteInput }).draft).toMatchObject({ protocolEra: 'legacy', protocolVersion: '2025-06-18' });
  });

  it('creates a remote with a secret header, then closes the editor with the focus on its card', async () => {
    const fake = await start({ 'remotes:create': (input: { draft: RemoteInput }) => ({ remote: makeRemote({ id: 'new1', name: input.draft.name }), warnings: [] }) }, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Staging' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://staging.example.com/mcp' } });
    fireEvent.click(screen.getByTestId('add-header'));
    fireEvent.change(screen.getByLabelText('Header 1 name'), { target: { value: 'X-Api-Key' } });
    fireEvent.click(screen.getByLabelText('Header 1 secret'));
    expect(screen.getByLabelText('Header 1 value')).toHaveAttribute('type', 'password');
    fireEvent.change(screen.getByLabelText('Header 1 value'), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:create')).toHaveLength(1));
    const { draft } = fake.calls('remotes:create')[0] as { draft: RemoteInput };
    expect(draft).toMatchObject({ name: 'Staging', transport: 'auto', url: 'https://staging.example.com/mcp' });
    expect(draft.headers).toEqual([expect.objectContaining({ name: 'X-Api-Key', value: 's3cret', is_secret: true })]);
    await waitFor(() => expect(useUiStore.getState().editor).toBeUndefined());
  });

  it('shows a stored secret only as "set" and keeps it unless replaced or cleared', async () => {
    const fake = await start({ 'remotes:update': () => ({ remote: secretRemote, warnings: ['Credentials would travel unencrypted'] }) });
    edit('Prod');
    const value = screen.getByLabelText('Header 1 value');
    expect(value).toHaveValue('');
    expect(value).toHaveAttribute('placeholder', 'set (type to replace)');
    expect(screen.getByTestId('secret-state')).toHaveTextContent('set');
    expect(screen.getByLabelText('Header 2 value')).toHaveValue('core');
    fireEvent.change(screen.getByLabelText('Header 2 name'), { target: { value: 'X-Squad' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:update')).toHaveLength(1));
    const { draft } = fake.calls('remotes:update')[0] as { draft: RemoteInput };
    expect(draft.headers![0]).toMatchObject({ name: 'Authorization', value: undefined, is_secret: true });
    expect(draft.headers![0].clearValue).toBeUndefined();
    expect(draft.headers![1]).toMatchObject({ name: 'X-Squad', value: 'core', previousName: 'X-Team' });
    expect(await screen.findByText('Credentials would travel unencrypted')).toBeInTheDocument();

    edit('Prod');
    fireEvent.click(screen.getByRole('button', { name: 'Clear stored value of header 1' }));
    expect(screen.getByTestId('secret-state')).toHaveTextContent('will be cleared');
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:update')).toHaveLength(2));
    expect((fake.calls('remotes:update')[1] as { draft: RemoteInput }).draft.headers![0]).toMatchObject({ clearValue: true });
  });

  it('the error summary follows the form: another transport after a refused Save is checked again', async () => {
    await start({}, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Named' } });
    fireEvent.change(screen.getByLabelText('Transport'), { target: { value: 'streamable' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'ftp://x.example' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    const summary = () => within(screen.getByTestId('form-errors'));
    expect(summary().getByRole('button', { name: 'URL' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Transport'), { target: { value: 'stdio' } });
    // The URL is gone with its problem; what a local process needs is asked for instead.
    expect(summary().queryByRole('button', { name: 'URL' })).toBeNull();
    expect(summary().getAllByTestId('form-error-item').map((item) => item.textContent)).toEqual([expect.stringMatching(/^Command: /)]);
    fireEvent.click(summary().getByRole('button', { name: 'Command' }));
    expect(screen.getByLabelText('Command')).toHaveFocus();
  });

  it('the error summary follows the form as it is typed in after a refused Save: a fixed field loses its problem at once, the focus stays', async () => {
    await start({}, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.click(screen.getByTestId('save-remote'));
    const items = () => screen.queryAllByTestId('form-error-item').map((item) => item.textContent);
    expect(items()).toEqual(['Name is empty', expect.stringMatching(/^URL: /)]);
    const name = screen.getByLabelText('Name');
    name.focus();
    fireEvent.change(name, { target: { value: 'My server' } });
    expect(name).not.toHaveAttribute('aria-invalid', 'true');
    expect(name).not.toHaveAccessibleDescription(/empty/);
    expect(name).toHaveFocus();
    expect(items()).toEqual([expect.stringMatching(/^URL: /)]);
    // A new problem while typing shows too: the URL without a scheme, with its suggestion.
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'localhost:3000/mcp' } });
    expect(items()).toEqual([expect.stringMatching(/^URL: .*did you mean http:\/\/localhost:3000\/mcp\?/)]);
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'http://localhost:3000/mcp' } });
    expect(screen.queryByTestId('form-errors')).toBeNull();
  });

  it('Add header puts the focus in the new row\'s name; empty names are said to be empty, once each, not duplicates', async () => {
    await start({}, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.click(screen.getByTestId('add-header'));
    await waitFor(() => expect(screen.getByLabelText('Header 1 name')).toHaveFocus());
    fireEvent.click(screen.getByTestId('add-header'));
    await waitFor(() => expect(screen.getByLabelText('Header 2 name')).toHaveFocus());
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Two empty headers' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://mcp.example.com/mcp' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(screen.getAllByTestId('form-error-item').map((item) => item.textContent)).toEqual(['Header 1 name is empty', 'Header 2 name is empty']);
  });

  it('a URL that does not fit the transport, or none at all, names each transport as the Transport field shows it', async () => {
    await start({}, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Named' } });
    const transport = screen.getByLabelText('Transport') as HTMLSelectElement;
    const url = screen.getByLabelText('URL');
    for (const [value, wrongUrl] of [['streamable', 'ws://x.example/mcp'], ['sse', 'wss://x.example/sse'], ['websocket', 'https://x.example/ws']]) {
      fireEvent.change(transport, { target: { value } });
      const shown = [...transport.options].find((option) => option.value === value)!.textContent!;
      fireEvent.change(url, { target: { value: wrongUrl } });
      fireEvent.click(screen.getByTestId('save-remote'));
      expect(url).toHaveAccessibleDescription(expect.stringContaining(`does not fit the ${shown} transport`));
      expect(url).not.toHaveAccessibleDescription(expect.stringContaining(`"${value}"`));
      fireEvent.change(url, { target: { value: '' } });
      fireEvent.click(screen.getByTestId('save-remote'));
      expect(url).toHaveAccessibleDescription(expect.stringContaining(`The ${shown} transport needs a URL`));
    }
  });

  it('edits a stdio remote: command, arguments, environment', async () => {
    const fake = await start({ 'remotes:create': () => ({ remote: makeRemote({ id: 'x' }), warnings: [] }) }, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Local' } });
    // A header row left empty from an HTTP transport: hidden for stdio, it must not block Save.
    fireEvent.change(screen.getByLabelText('Transport'), { target: { value: 'streamable' } });
    fireEvent.click(screen.getByTestId('add-header'));
    fireEvent.change(screen.getByLabelText('Transport'), { target: { value: 'stdio' } });
    expect(screen.queryByLabelText('URL')).toBeNull();
    expect(screen.queryByLabelText('Header 1 name')).toBeNull();
    fireEvent.change(screen.getByLabelText('Command'), { target: { value: 'npx' } });
    fireEvent.change(screen.getByLabelText('Arguments'), { target: { value: '-y\n@acme/mcp-server\n' } });
    fireEvent.change(screen.getByLabelText('Environment'), { target: { value: 'NODE_ENV=production\nnot-a-pair' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(screen.getByLabelText('Environment')).toHaveAccessibleDescription(expect.stringContaining('"not-a-pair" is not KEY=VALUE'));
    fireEvent.change(screen.getByLabelText('Environment'), { target: { value: 'NODE_ENV=production' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:create')).toHaveLength(1));
    expect((fake.calls('remotes:create')[0] as { draft: RemoteInput }).draft).toMatchObject({
      transport: 'stdio',
      command: 'npx',
      args: ['-y', '@acme/mcp-server'],
      env: { NODE_ENV: 'production' },
      headers: [],
    });
    expect(screen.queryByTestId('form-errors')).toBeNull();
  });

  it('shows stdio env credentials only as "set", keeps them unless replaced or removed, and never puts them in the text field', async () => {
    const local = makeRemote({ id: 's1', name: 'Local', transport: 'stdio', url: undefined, command: 'npx', env: { OPENAI_API_KEY: '', GITHUB_TOKEN: '', REGION: 'eu' }, envHasValue: { OPENAI_API_KEY: true, GITHUB_TOKEN: false } });
    const fake = await start({ 'remotes:update': () => ({ remote: local, warnings: [] }) }, [local]);
    edit('Local');
    expect(screen.getByLabelText('Environment')).toHaveValue('REGION=eu');
    const openai = screen.getByLabelText('Value of OPENAI_API_KEY');
    expect(openai).toHaveAttribute('type', 'password');
    expect(openai).toHaveValue('');
    expect(openai).toHaveAttribute('placeholder', 'set (type to replace)');
    // The state says "not set" beside it; the empty field says what to do, not the same words again.
    expect(screen.getByLabelText('Value of GITHUB_TOKEN')).toHaveAttribute('placeholder', 'type to set');
    expect(screen.getAllByTestId('env-secret-state').map((e) => e.textContent)).toEqual(['set', 'not set']);

    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:update')).toHaveLength(1));
    expect((fake.calls('remotes:update')[0] as { draft: RemoteInput }).draft.env).toEqual({ OPENAI_API_KEY: '', GITHUB_TOKEN: '', REGION: 'eu' });

    // Saving closes the editor; open it again to replace and remove.
    await waitFor(() => expect(screen.queryByTestId('save-remote')).toBeNull());
    edit('Local');
    fireEvent.change(screen.getByLabelText('Value of GITHUB_TOKEN'), { target: { value: 'ghp-typed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove OPENAI_API_KEY' }));
    fireEvent.change(screen.getByLabelText('Environment'), { target: { value: 'REGION=eu\nDB_PASSWORD=typed-pw' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:update')).toHaveLength(2));
    expect((fake.calls('remotes:update')[1] as { draft: RemoteInput }).draft.env).toEqual({ GITHUB_TOKEN: 'ghp-typed', REGION: 'eu', DB_PASSWORD: 'typed-pw' });
  });

  it('shows what main answered when saving fails', async () => {
    await start({
      'remotes:update': () => {
        throw new FakeFailure({ kind: 'keychain', message: 'The keychain is locked', hint: 'Unlock it and save again.' });
      },
    });
    edit('Prod');
    await act(async () => fireEvent.click(screen.getByTestId('save-remote')));
    const form = screen.getByTestId('remote-form');
    expect(within(form).getByTestId('error-message')).toHaveTextContent('The keychain is locked');
    expect(within(form).getByTestId('error-hint')).toHaveTextContent('Unlock it and save again.');
    expect(screen.getByTestId('save-remote')).toBeEnabled();
  });

  it('cancel closes the editor and gives the focus back to the remote’s card', async () => {
    await start();
    edit('Prod');
    fireEvent.click(screen.getByTestId('cancel-remote'));
    expect(screen.queryByTestId('remote-form')).toBeNull();
    expect(screen.getByTestId('welcome')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Show Prod' })).toHaveFocus());
  });
});
