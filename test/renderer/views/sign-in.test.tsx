import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { RemoteInput } from '../../../shared/model/remote';
import type { SignInStatus } from '../../../shared/model/remote-oauth';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { deferred, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';
import { editRemote } from '../support/remote-actions';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const remote = makeRemote({ id: 'r1', name: 'Protected', url: 'https://mcp.example.com/mcp' });
const connected = (over: Partial<ConnectionInfo> = {}): ConnectionInfo => ({
  connectionId: 'c1',
  label: 'Protected',
  state: 'connected',
  transport: 'streamable',
  url: 'https://mcp.example.com/mcp',
  warnings: [],
  ...over,
});

function start(handlers: Parameters<typeof installFakePeriscope>[0], remotes = [remote]) {
  const fake = installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => remotes, ...handlers });
  stop = startBridge();
  render(<App />);
  return fake;
}

describe('The remote form\'s Authorization group', () => {
  it('labels every control; the client credentials grant asks for a client id and secret before saving; the secret is sent, never shown', async () => {
    const fake = start({ 'remotes:create': (input: { draft: RemoteInput }) => ({ remote: makeRemote({ id: 'n1', name: input.draft.name }), warnings: [] }) }, []);
    fireEvent.click(await screen.findByTestId('new-remote'));
    const group = screen.getByRole('group', { name: 'Authorization' });
    for (const label of ['How to sign in', 'Client id', 'Client secret', 'Scopes', 'Client metadata document URL']) expect(within(group).getByLabelText(label)).toBeInTheDocument();
    expect(within(group).getByLabelText(/Sign in with OAuth when the server asks for it/)).toBeChecked();
    expect(within(group).getByLabelText('Client secret')).toHaveAttribute('type', 'password');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Machine' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://mcp.example.com/mcp' } });
    fireEvent.change(within(group).getByLabelText('How to sign in'), { target: { value: 'client_credentials' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(within(group).getByLabelText('Client id')).toHaveAccessibleDescription(expect.stringContaining('needs the client id'));
    expect(within(group).getByText(/needs the client secret/)).toBeInTheDocument();
    expect(fake.calls('remotes:create')).toEqual([]);
    fireEvent.change(within(group).getByLabelText('Client id'), { target: { value: 'machine-client' } });
    fireEvent.change(within(group).getByLabelText('Client secret'), { target: { value: 'cc-s3cret-value' } });
    fireEvent.change(within(group).getByLabelText('Client metadata document URL'), { target: { value: 'ftp://nope' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(within(group).getByLabelText('Client metadata document URL')).toHaveAccessibleDescription(expect.stringContaining('must be an http(s) URL'));
    fireEvent.change(within(group).getByLabelText('Client metadata document URL'), { target: { value: '' } });
    fireEvent.change(within(group).getByLabelText('Scopes'), { target: { value: 'mcp:tools' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:create')).toHaveLength(1));
    const draft = (fake.calls('remotes:create')[0] as { draft: RemoteInput }).draft;
    expect(draft.oauth).toEqual({ grant: 'client_credentials', clientId: 'machine-client', scope: 'mcp:tools' });
    expect(draft.oauthClientSecret).toBe('cc-s3cret-value');
  });

  it('a stored client secret shows as set; saving without typing keeps it; Forget deletes it; turning OAuth off is saved', async () => {
    const stored = makeRemote({ ...remote, oauth: { grant: 'authorization_code', clientId: 'pre-registered' }, oauthClientSecretSet: true });
    const fake = start({ 'remotes:update': (input: { draft: RemoteInput }) => ({ remote: { ...stored, name: input.draft.name }, warnings: [] }) }, [stored]);
    await screen.findByRole('button', { name: 'More actions for Protected' });
    editRemote('Protected');
    expect(screen.getByTestId('remote-oauth-secret-state')).toHaveTextContent('set');
    expect(screen.getByLabelText('Client secret')).toHaveValue('');
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:update')).toHaveLength(1));
    const kept = (fake.calls('remotes:update')[0] as { draft: RemoteInput }).draft;
    expect(kept.oauth).toEqual({ grant: 'authorization_code', clientId: 'pre-registered' });
    expect(kept).not.toHaveProperty('oauthClientSecret');
    expect(kept).not.toHaveProperty('clearOAuthClientSecret');

    await screen.findByRole('button', { name: 'More actions for Protected' });
    editRemote('Protected');
    fireEvent.click(screen.getByTestId('remote-oauth-forget-secret'));
    expect(screen.getByTestId('remote-oauth-secret-state')).toHaveTextContent('not set');
    fireEvent.click(screen.getByLabelText(/Sign in with OAuth when the server asks for it/));
    expect(screen.getByLabelText('Client id')).toBeDisabled();
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:update')).toHaveLength(2));
    const forgotten = (fake.calls('remotes:update')[1] as { draft: RemoteInput }).draft;
    expect(forgotten.clearOAuthClientSecret).toBe(true);
    expect(forgotten.oauth).toMatchObject({ enabled: false });
  });

  it('is not offered for a local process (stdio)', async () => {
    start({}, []);
    fireEvent.click(await screen.findByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Transport'), { target: { value: 'stdio' } });
    expect(screen.queryByRole('group', { name: 'Authorization' })).toBeNull();
  });
});

describe('Signing in from the remote\'s card and Overview', () => {
  it('while the browser has the authorization page: the card waits with the authorization server\'s host and a Cancel that stops the connect', async () => {
    const opening = deferred<ConnectionInfo>();
    const fake = start({ 'connections:open': () => opening.promise, 'connections:close': () => undefined, 'oauth:status': () => ({ signedIn: false, scopes: [], refreshable: false }) });
    fireEvent.click(await screen.findByTestId('connect-button'));
    fake.emit({ type: 'connection-state', info: connected({ state: 'connecting', signIn: { host: 'auth.example.com', startedAt: Date.now() } }) });
    const card = await screen.findByTestId('remote-item');
    const waiting = await within(card).findByTestId('sign-in-waiting');
    expect(waiting).toHaveTextContent('Waiting for you to sign in in your browser… (auth.example.com)');
    expect(waiting).toHaveAttribute('role', 'status');
    fireEvent.click(within(waiting).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.calls('connections:close')).toEqual([{ connectionId: 'c1' }]));
    opening.resolve(connected({ state: 'closed' }));
  });

  it('once connected: who it is signed in as, the issuer, scopes and expiry; Sign out revokes and the panel goes', async () => {
    let status: SignInStatus = { signedIn: true, subject: 'user-42', email: 'ada@example.com', name: 'Ada', issuer: 'https://auth.example.com', scopes: ['openid', 'mcp:tools'], expiresAt: Date.now() + 55 * 60_000 + 30_000, refreshable: true, tokenFormat: 'jwt' };
    const fake = start({
      'connections:open': () => connected(),
      'oauth:status': () => status,
      'oauth:sign-out': () => {
        status = { signedIn: false, scopes: [], refreshable: false };
        return { found: true, outcomes: [{ issuer: 'https://auth.example.com', result: 'revoked' as const }] };
      },
    });
    fireEvent.click(await screen.findByTestId('connect-button'));
    const panel = await screen.findByTestId('signed-in-panel');
    expect(within(panel).getByTestId('signed-in-as')).toHaveTextContent('Ada (ada@example.com)');
    expect(within(panel).getByTestId('signed-in-subject')).toHaveTextContent('user-42');
    expect(within(panel).getByTestId('signed-in-issuer')).toHaveTextContent('https://auth.example.com');
    expect(within(panel).getByTestId('signed-in-scopes')).toHaveTextContent('openid mcp:tools');
    expect(within(panel).getByTestId('signed-in-expiry')).toHaveTextContent('expires in 55 min (renewed automatically)');
    expect(within(screen.getByTestId('remote-item')).getByTestId('remote-signed-in')).toHaveTextContent('Signed in as Ada (ada@example.com)');
    fireEvent.click(within(panel).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.queryByTestId('signed-in-panel')).toBeNull());
    expect(fake.calls('oauth:sign-out')).toEqual([{ remoteId: 'r1' }]);
    expect(screen.queryByTestId('remote-signed-in')).toBeNull();
    expect(await screen.findByText(/the tokens were revoked and forgotten/)).toBeInTheDocument();
  });

  it('a refused sign-in says why, and its fixes open the remote\'s Authorization group on the client id or the grant', async () => {
    const error = {
      kind: 'auth' as const,
      message: 'The authorization server did not authorize MCP Periscope (access_denied).',
      hint: 'Try again and approve the request; or check the scopes asked for and the client id.',
      fixes: [
        { field: 'oauth-client' as const, label: 'Use a pre-registered client' },
        { field: 'oauth-grant' as const, label: 'Use the client credentials grant', value: 'client_credentials' },
      ],
    };
    start({ 'connections:open': () => connected({ state: 'failed', error }), 'oauth:status': () => ({ signedIn: false, scopes: [], refreshable: false }) });
    fireEvent.click(await screen.findByTestId('connect-button'));
    const notice = await screen.findByTestId('error-notice');
    expect(notice).toHaveTextContent('did not authorize MCP Periscope (access_denied)');
    fireEvent.click(within(notice).getByRole('button', { name: 'Use a pre-registered client…' }));
    await waitFor(() => expect(screen.getByLabelText('Client id')).toHaveFocus());
    expect(screen.getByText('The connection’s error points here.')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('cancel-remote'));
    fireEvent.click(within(await screen.findByTestId('error-notice')).getByRole('button', { name: 'Use the client credentials grant…' }));
    await waitFor(() => expect(screen.getByLabelText('How to sign in')).toHaveFocus());
    expect(screen.getByLabelText('How to sign in')).toHaveValue('client_credentials');
  });
});
