import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteInput } from '../../../shared/model/remote';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { useRemotesStore } from '../../../renderer/stores/remotes-store';
import { App } from '../../../renderer/views/app';
import { editRemote } from '../support/remote-actions';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';

let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const prod = makeRemote({ id: 'r1', name: 'Prod', url: 'https://api.example.com/mcp' });

async function start() {
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [prod],
    'remotes:update': () => ({ remote: prod, warnings: [] }),
  });
  stop = startBridge();
  render(<App />);
  await waitFor(() => expect(useRemotesStore.getState().status).toBe('ready'));
  editRemote('Prod');
  return fake;
}

const NOTE = 'Secret: the value is kept in the system keychain, because the name looks like a credential.';

describe('Remote editor: a header named like a credential is secret before Save', () => {
  it('ticks Secret and masks the value as the name is typed, says why, and saves it secret', async () => {
    const fake = await start();
    fireEvent.click(screen.getByTestId('add-header'));
    const secret = screen.getByLabelText('Header 1 secret');
    const value = screen.getByLabelText('Header 1 value');
    fireEvent.change(value, { target: { value: 'k-123' } });
    expect(secret).not.toBeChecked();
    expect(value).toHaveAttribute('type', 'text');
    expect(screen.queryByTestId('secret-note')).toBeNull();

    fireEvent.change(screen.getByLabelText('Header 1 name'), { target: { value: 'X-API-Key' } });
    expect(secret).toBeChecked();
    expect(value).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('secret-note')).toHaveTextContent(NOTE);
    expect(secret).toHaveAccessibleDescription(NOTE);
    expect(value).toHaveAccessibleDescription(NOTE);

    // It cannot be unticked: main would store it as secret anyway.
    expect(secret).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(secret);
    expect(secret).toBeChecked();

    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:update')).toHaveLength(1));
    const { draft } = fake.calls('remotes:update')[0] as { draft: RemoteInput };
    expect(draft.headers).toEqual([expect.objectContaining({ name: 'X-API-Key', value: 'k-123', is_secret: true })]);
  });

  it('follows the name: Authorization and *-Token are secret, a plain name shows the box as the user left it', async () => {
    await start();
    fireEvent.click(screen.getByTestId('add-header'));
    const name = screen.getByLabelText('Header 1 name');
    const secret = screen.getByLabelText('Header 1 secret');
    for (const credential of ['Authorization', 'X-Auth-Token', 'cookie']) {
      fireEvent.change(name, { target: { value: credential } });
      expect(secret).toBeChecked();
    }
    fireEvent.change(name, { target: { value: 'X-Team' } });
    expect(secret).not.toBeChecked();
    expect(secret).not.toHaveAttribute('aria-disabled');
    expect(screen.queryByTestId('secret-note')).toBeNull();
    expect(screen.getByLabelText('Header 1 value')).toHaveAttribute('type', 'text');
    // A plain header can still be made secret by hand.
    fireEvent.click(secret);
    expect(secret).toBeChecked();
    expect(screen.getByLabelText('Header 1 value')).toHaveAttribute('type', 'password');
  });
});

describe('Remote editor: the message size limit says what is wrong with the value typed', () => {
  const limit = () => screen.getByLabelText('Message size limit (MB)');

  it('explains the default in words', async () => {
    await start();
    expect(limit()).toHaveAccessibleDescription(expect.stringMatching(/^Leave empty for the default, 100 MB\. .*at most 512 MB$/));
    expect(screen.getByLabelText('Connect timeout (ms)')).toHaveAccessibleDescription('Leave empty for the default, 15000 ms');
    expect(screen.getByLabelText('Request timeout (ms)')).toHaveAccessibleDescription('Leave empty for the default, 60000 ms');
  });

  for (const [typed, message] of [
    ['lots', '"lots" is not a number: enter the limit in megabytes, e.g. 100'],
    ['1,5', '"1,5" is not a number: write decimals with a point, e.g. 1.5'],
    ['0', '0 MB is not above 0: enter a limit above 0, e.g. 100'],
    ['-3', '-3 MB is not above 0: enter a limit above 0, e.g. 100'],
    ['600', '600 MB is above the most a remote may set, 512 MB: a larger message could not be held as text'],
  ] as const) {
    it(`"${typed}": marked invalid, with its own message, and nothing is sent`, async () => {
      const fake = await start();
      fireEvent.change(limit(), { target: { value: typed } });
      fireEvent.click(screen.getByTestId('save-remote'));
      expect(limit()).toHaveAttribute('aria-invalid', 'true');
      expect(limit()).toHaveAccessibleDescription(expect.stringContaining(message));
      expect(limit()).toHaveFocus();
      expect(fake.calls('remotes:update')).toEqual([]);
    });
  }

  it('takes 512 once the value is fixed, and the field is no longer marked', async () => {
    const fake = await start();
    fireEvent.change(limit(), { target: { value: '600' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    fireEvent.change(limit(), { target: { value: '512' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(limit()).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(fake.calls('remotes:update')).toHaveLength(1));
    expect((fake.calls('remotes:update')[0] as { draft: RemoteInput }).draft.maxMessageBytes).toBe(512 * 1024 * 1024);
  });
});

describe('Remote editor: every field with an error is marked invalid', () => {
  it('links each message to a control with aria-invalid', async () => {
    const fake = await start();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'ftp://x.example' } });
    fireEvent.change(screen.getByLabelText('Other instances (one URL per line)'), { target: { value: 'not a url' } });
    fireEvent.click(screen.getByTestId('add-header'));
    fireEvent.change(screen.getByLabelText('Header 1 name'), { target: { value: 'Bad Name' } });
    fireEvent.change(screen.getByLabelText('Header 1 value'), { target: { value: 'snow\u2603' } });
    fireEvent.change(screen.getByLabelText('How to sign in'), { target: { value: 'client_credentials' } });
    fireEvent.change(screen.getByLabelText('Connect timeout (ms)'), { target: { value: 'soon' } });
    fireEvent.change(screen.getByLabelText('Request timeout (ms)'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('Message size limit (MB)'), { target: { value: 'lots' } });
    fireEvent.change(screen.getByLabelText('Pin protocol version'), { target: { value: 'latest' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(fake.calls('remotes:update')).toEqual([]);

    const messages = screen.getAllByTestId('field-error');
    const form = screen.getByTestId('remote-form');
    const invalid = [...form.querySelectorAll('[aria-invalid="true"]')];
    // Every message is read with an invalid control, and every invalid control has a message.
    for (const message of messages) {
      const owners = invalid.filter((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').includes(message.id));
      expect(owners, message.textContent ?? '').toHaveLength(1);
    }
    expect(invalid.map((el) => el.getAttribute('aria-label') ?? el.id)).toEqual([
      'remote-name',
      'remote-url',
      'remote-instances',
      'Header 1 name',
      'Header 1 value',
      'remote-oauth-client-id',
      'remote-oauth-client-secret',
      'remote-connect-ms',
      'remote-request-ms',
      'remote-max-message-mb',
      'remote-protocol-version',
    ]);
  });
});
