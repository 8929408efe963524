import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import type { BundleSummary } from '../../../shared/ipc/contract';
import { FakeFailure, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';
import { makeEntries } from '../support/make-entries';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

function start(handlers: Parameters<typeof installFakePeriscope>[0]) {
  const fake = installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => [makeRemote()], ...handlers });
  stop = startBridge();
  render(<App />);
  return fake;
}

const summary: BundleSummary = {
  createdAt: '2026-12-01T10:00:00.000Z',
  remote: { name: 'staging', transport_type: 'streamable', url: 'https://mcp.example.com/mcp', headers: [{ name: 'Authorization', value: '[secret removed]', is_secret: true }] },
  versions: { periscope: '0.1.0', sdk: { '@modelcontextprotocol/client': '2.4.0' }, node: '20.19.0', os: { platform: 'linux', release: '6.1.0', arch: 'x64' } },
  outcome: { ok: false, error: { kind: 'refused', message: 'Connection refused by mcp.example.com:443', hint: 'Is the server running?' } },
  parts: [{ name: 'doctor', title: 'Connection doctor report', json: '{\n  "layers": []\n}', cut: false }],
};

describe('Repro bundles and HAR export in the window', () => {
  it('opens a bundle read-only: its trace, and a summary of the remote, outcome, versions and optional parts; its HAR can be exported', async () => {
    const fake = start({
      'bundle:open': () => ({
        cancelled: false as const,
        path: '/home/u/ticket-7.json',
        header: { format: 'mcp-periscope-session', version: 1, createdAt: Date.UTC(2026, 11, 1) },
        entries: makeEntries(4, 'old-conn'),
        bundle: summary,
      }),
      'session:export-har': () => ({ cancelled: false as const, path: '/home/u/ticket-7.har', entries: 3 }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open repro bundle…' }));
    await screen.findByRole('tab', { name: /ticket-7\.json \(read-only\)/ });
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByRole('note')).toHaveTextContent('Read-only repro bundle /home/u/ticket-7.json');
    const shown = within(panel).getByRole('region', { name: 'Repro bundle summary' });
    expect(within(shown).getByTestId('bundle-remote')).toHaveTextContent('staging · streamable https://mcp.example.com/mcp');
    expect(shown).toHaveTextContent('Authorization: [secret removed]');
    expect(within(shown).getByTestId('bundle-outcome')).toHaveTextContent('Failed: Connection refused by mcp.example.com:443');
    expect(within(shown).getByTestId('bundle-versions')).toHaveTextContent('MCP Periscope 0.1.0 · Node 20.19.0 · linux 6.1.0 (x64) · SDK client 2.4.0');
    expect(within(shown).getByText('Connection doctor report')).toBeInTheDocument();
    expect(within(panel).getAllByTestId('trace-row')).toHaveLength(4);

    fireEvent.click(within(panel).getByRole('button', { name: 'Export HAR…' }));
    await waitFor(() => expect(fake.calls('session:export-har')).toEqual([{ path: '/home/u/ticket-7.json' }]));
    expect(await screen.findByText('Exported 3 HTTP exchanges to /home/u/ticket-7.har.')).toBeInTheDocument();
  });

  it('a damaged bundle is reported with its reason and opens no tab', async () => {
    start({
      'bundle:open': () => {
        throw new FakeFailure({ kind: 'storage', message: '/home/u/bad.json is not a valid MCP Periscope repro bundle: at session.entries.3.seq: Invalid input', hint: 'open a bundle written by MCP Periscope' });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open repro bundle…' }));
    expect(await screen.findByText(/at session\.entries\.3\.seq/)).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: /bad\.json/ })).toBeNull();
  });

  it('a session file tab has no bundle summary', async () => {
    start({
      'session:open': () => ({ cancelled: false as const, path: '/home/u/s.ndjson', header: { format: 'mcp-periscope-session', version: 1 }, entries: makeEntries(2, 'c') }),
    });
    fireEvent.click(screen.getByTestId('open-session'));
    await screen.findByRole('tab', { name: /s\.ndjson \(read-only\)/ });
    expect(screen.queryByTestId('bundle-summary')).toBeNull();
    expect(within(screen.getByRole('tabpanel')).getByRole('button', { name: 'Export HAR…' })).toBeInTheDocument();
  });
});
