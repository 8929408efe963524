import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { FakeFailure, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';

let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const many = Array.from({ length: 32 }, (_, i) =>
  makeRemote({ id: `r${i}`, name: i % 2 ? `Staging ${i}` : `Prod ${i}`, url: `https://${i % 2 ? 'staging' : 'prod'}-${i}.example.com/mcp` }),
);

function start(handlers: Parameters<typeof installFakePeriscope>[0] = {}) {
  const fake = installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => many, ...handlers });
  stop = startBridge();
  render(<App />);
  return fake;
}

describe('Sidebar with many remotes', () => {
  it('keeps each card compact: name, connect and “More actions”; the rest opens on demand', async () => {
    start();
    const card = await screen.findByRole('listitem', { name: 'Prod 0' });
    expect(within(card).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Show Prod 0', 'Connect Prod 0', 'More actions for Prod 0']);
    const more = within(card).getByRole('button', { name: 'More actions for Prod 0' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    expect(within(card).getByRole('button', { name: 'Edit Prod 0' })).toBeVisible();
  });

  it('finds remotes by name or URL; Down moves from the search box into the results', async () => {
    start();
    await screen.findByRole('listitem', { name: 'Prod 0' });
    const search = screen.getByRole('searchbox', { name: 'Search remotes' });
    fireEvent.change(search, { target: { value: 'staging 1' } });
    const names = screen.getAllByTestId('remote-item').map((li) => li.getAttribute('aria-label'));
    // Every word must match somewhere ("1" is in "Staging 21" too).
    expect(names).toEqual(['Staging 1', 'Staging 11', 'Staging 13', 'Staging 15', 'Staging 17', 'Staging 19', 'Staging 21', 'Staging 31']);
    expect(screen.getByTestId('remote-search-count')).toHaveTextContent('8 of 32');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(screen.getByRole('button', { name: 'Show Staging 1' })).toHaveFocus();
    fireEvent.change(search, { target: { value: 'prod-30.example' } });
    expect(screen.getAllByTestId('remote-item').map((li) => li.getAttribute('aria-label'))).toEqual(['Prod 30']);
    fireEvent.change(search, { target: { value: 'nothing like it' } });
    expect(screen.getByTestId('remotes-no-match')).toHaveTextContent('No remote matches “nothing like it”.');
  });
});

describe('An imported stdio remote runs only after its command is confirmed', () => {
  const imported = makeRemote({ id: 'rs', name: 'Local tools', transport: 'stdio', url: undefined, command: 'npx', args: ['-y', '@acme/mcp-server', '--root', '/srv'], env: { API_TOKEN: 'tok-secret-123', NODE_ENV: 'production' } });
  const needsConfirmation = () => {
    throw new FakeFailure({ kind: 'needs-confirmation', message: 'The command of "Local tools" came from an imported file and was not confirmed yet.', hint: 'Check the command, then confirm it.' });
  };

  it('shows the command, each argument and the environment names (never the values)', async () => {
    const fake = installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => [imported], 'connections:open': needsConfirmation });
    stop = startBridge();
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect Local tools' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Run the command of “Local tools”?' });
    expect(within(dialog).getByTestId('confirm-command-line')).toHaveTextContent('npx');
    expect(within(within(dialog).getByTestId('confirm-command-args')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['-y', '@acme/mcp-server', '--root', '/srv']);
    expect(within(dialog).getByTestId('confirm-command-env')).toHaveTextContent('API_TOKEN, NODE_ENV (values not shown)');
    expect(dialog).not.toHaveTextContent('tok-secret-123');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.calls('remotes:confirm-command')).toEqual([]);
    // Nothing failed: no error is shown on the card.
    expect(within(screen.getByRole('listitem', { name: 'Local tools' })).queryByTestId('error-notice')).toBeNull();
  });

  it('warns about each environment variable that can make the command run other code', async () => {
    const risky = makeRemote({ ...imported, env: { NODE_OPTIONS: '--require /tmp/x.js', LD_PRELOAD: '/tmp/x.so', NODE_ENV: 'production' } });
    installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => [risky], 'connections:open': needsConfirmation });
    stop = startBridge();
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect Local tools' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Run the command of “Local tools”?' });
    expect(within(dialog).getAllByTestId('confirm-command-danger').map((n) => n.textContent)).toEqual([
      'NODE_OPTIONS can make the command load and run other code.',
      'LD_PRELOAD can make the command load and run other code.',
    ]);
    expect(dialog).not.toHaveTextContent('/tmp/x.js');
  });

  it('confirming records it with main, then connects', async () => {
    let confirmed = false;
    const fake = installFakePeriscope({
      'connections:list': () => [],
      'remotes:list': () => [imported],
      'remotes:confirm-command': () => {
        confirmed = true;
        return imported;
      },
      'connections:open': () => {
        if (!confirmed) needsConfirmation();
        return { connectionId: 'c9', label: 'Local tools', state: 'connected', transport: 'stdio', warnings: [] };
      },
    });
    stop = startBridge();
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect Local tools' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Run and connect' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: /Local tools/ })).toBeInTheDocument());
    expect(fake.calls('remotes:confirm-command')).toEqual([{ remoteId: 'rs' }]);
    expect(fake.calls('connections:open')).toHaveLength(2);
  });
});
