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

async function start(remotes = [makeRemote({ id: 'r1', name: 'Prod', url: 'https://api.example.com/mcp' })]) {
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => remotes,
    'remotes:update': () => ({ remote: remotes[0], warnings: [] }),
  });
  stop = startBridge();
  render(<App />);
  await waitFor(() => expect(useRemotesStore.getState().status).toBe('ready'));
  return fake;
}

describe('Remote editor: session expiry and header values', () => {
  it('has the session-renewal switch on by default, and saves it turned off', async () => {
    const fake = await start();
    editRemote('Prod');
    const renew = screen.getByTestId('remote-renew-session');
    expect(renew).toBeChecked();
    fireEvent.click(renew);
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:update')).toHaveLength(1));
    const { draft } = fake.calls('remotes:update')[0] as { draft: RemoteInput };
    expect(draft.reinitializeOnSessionExpiry).toBe(false);
  });

  it('shows a saved "off" as unchecked', async () => {
    await start([makeRemote({ id: 'r1', name: 'Prod', url: 'https://api.example.com/mcp', reinitializeOnSessionExpiry: false })]);
    editRemote('Prod');
    expect(screen.getByTestId('remote-renew-session')).not.toBeChecked();
  });

  it('refuses a header value that cannot be sent, naming the character and where', async () => {
    const fake = await start();
    editRemote('Prod');
    fireEvent.click(screen.getByTestId('add-header'));
    fireEvent.change(screen.getByLabelText('Header 1 name'), { target: { value: 'X-Team' } });
    fireEvent.change(screen.getByLabelText('Header 1 value'), { target: { value: 'snow\u2603' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(screen.getByLabelText('Header 1 value')).toHaveAccessibleDescription(expect.stringMatching(/Value of header "X-Team" contains "\u2603" \(U\+2603\) at character 5, outside Latin-1/));
    expect(fake.calls('remotes:update')).toEqual([]);
  });
});
