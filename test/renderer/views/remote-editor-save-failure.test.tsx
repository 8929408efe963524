import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteSaved } from '../../../shared/ipc/contract';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { useRemotesStore } from '../../../renderer/stores/remotes-store';
import { App } from '../../../renderer/views/app';
import { editRemote } from '../support/remote-actions';
import { FakeFailure, installFakePeriscope, makeRemote, resetStores, type Handlers } from '../support/fake-periscope';

let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const prod = makeRemote({ id: 'r1', name: 'Prod', url: 'https://api.example.com/mcp' });

const keychainDown: ErrorInfo = {
  kind: 'keychain',
  message: 'Could not store the secret "new:X-Team" in the system keychain: Cannot autolaunch D-Bus without X11 $DISPLAY',
  hint: 'Make sure a Secret Service is running in a D-Bus session and unlocked; secrets are never stored in plain text instead.',
};

async function start(handlers: Handlers, remotes = [prod]) {
  const fake = installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => remotes, ...handlers });
  stop = startBridge();
  render(<App />);
  await waitFor(() => expect(useRemotesStore.getState().status).toBe('ready'));
  return fake;
}

/** Clicks Save as a pointer does: the button takes the focus first. */
async function clickSave(): Promise<HTMLElement> {
  const save = screen.getByTestId('save-remote');
  save.focus();
  await act(async () => fireEvent.click(save));
  return save;
}

describe('Remote editor: a save that main refuses', () => {
  it('announces the error next to Save, keeps the focus on Save and everything typed', async () => {
    await start({ 'remotes:create': () => Promise.reject(new FakeFailure(keychainDown)) }, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Acme API' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://api.acme.example/mcp' } });
    fireEvent.click(screen.getByTestId('add-header'));
    fireEvent.change(screen.getByLabelText('Header 1 name'), { target: { value: 'X-Team' } });
    fireEvent.change(screen.getByLabelText('Header 1 value'), { target: { value: 'blue' } });
    fireEvent.change(screen.getByLabelText('Message size limit (MB)'), { target: { value: '250' } });
    fireEvent.change(screen.getByLabelText('Notes'), { target: { value: 'staging only' } });

    const save = await clickSave();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not save');
    expect(alert).toHaveTextContent('Cannot autolaunch D-Bus');
    expect(alert).toHaveTextContent('secrets are never stored in plain text');

    // Where the user is: in the footer with Save, right before it, and Save still has the focus
    // (a disabled Save used to drop it to the page) and is described by the error.
    const footer = screen.getByTestId('form-footer');
    expect(within(footer).getByRole('alert')).toBe(alert);
    expect(alert.compareDocumentPosition(save) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(save).toHaveFocus();
    expect(save).toHaveAccessibleDescription(expect.stringContaining('Cannot autolaunch D-Bus'));
    expect(save).not.toHaveAttribute('aria-disabled');
    // Nothing at the top of the form pushes the fields (and Save) down.
    const form = screen.getByTestId('remote-form');
    expect(within(form).getAllByTestId('error-notice')).toHaveLength(1);

    // What was typed is still there, ready for another try.
    expect(screen.getByLabelText('Name')).toHaveValue('Acme API');
    expect(screen.getByLabelText('URL')).toHaveValue('https://api.acme.example/mcp');
    expect(screen.getByLabelText('Header 1 name')).toHaveValue('X-Team');
    expect(screen.getByLabelText('Header 1 value')).toHaveValue('blue');
    expect(screen.getByLabelText('Message size limit (MB)')).toHaveValue('250');
    expect(screen.getByLabelText('Notes')).toHaveValue('staging only');
  });

  it('an edit refused by main: the same; saving again takes the old error away, then shows the new one', async () => {
    let answer: { resolve(v: RemoteSaved): void; reject(e: unknown): void } | undefined;
    const fake = await start({
      'remotes:update': () =>
        new Promise<RemoteSaved>((resolve, reject) => {
          answer = { resolve, reject };
        }),
    });
    editRemote('Prod');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Prod (eu)' } });

    const save = await clickSave();
    // While main works: Save keeps the focus, says so and ignores a second press.
    expect(save).toHaveTextContent('Saving…');
    expect(save).toHaveAttribute('aria-disabled', 'true');
    expect(save).toHaveFocus();
    await act(async () => fireEvent.click(save));
    expect(fake.calls('remotes:update')).toHaveLength(1);

    await act(async () => answer!.reject(new FakeFailure({ kind: 'storage', message: 'Could not write remotes.json: no space left on device', hint: 'Free some disk space and save again.' })));
    expect(await screen.findByRole('alert')).toHaveTextContent('no space left on device');
    expect(save).toHaveFocus();
    expect(screen.getByLabelText('Name')).toHaveValue('Prod (eu)');

    await clickSave();
    expect(screen.queryByRole('alert')).toBeNull();
    await act(async () => answer!.reject(new FakeFailure(keychainDown)));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cannot autolaunch D-Bus');
    expect(alert).not.toHaveTextContent('no space left');
    expect(within(screen.getByTestId('form-footer')).getByTestId('save-remote')).toHaveFocus();
  });
});
