import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo, ConnectionSetup } from '../../../shared/model/connection';
import type { LifecycleEntry, TraceEntry } from '../../../shared/model/trace';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { ConnectionSetupBars } from '../../../renderer/components/metrics/connection-setup-bars';
import { lastSetup } from '../../../renderer/components/metrics/use-connection-setup';
import { App } from '../../../renderer/views/app';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const SETUP: ConnectionSetup = {
  totalMs: 40,
  phases: [
    { phase: 'dns', startMs: 0, durationMs: 2, detail: '127.0.0.1' },
    { phase: 'tcp', startMs: 2, durationMs: 1, detail: '127.0.0.1' },
    { phase: 'tls', startMs: 3, durationMs: 12 },
    { phase: 'first-byte', startMs: 15, durationMs: 5 },
    { phase: 'handshake', startMs: 0.5, durationMs: 20, detail: 'initialize' },
  ],
  notes: [],
};

describe('the connection set-up waterfall', () => {
  it('names each phase with its duration, places its bar on the connect time, and explains it to screen readers', () => {
    render(<ConnectionSetupBars setup={SETUP} />);
    const rows = screen.getAllByTestId('setup-phase');
    expect(rows.map((r) => r.querySelector('.setup-phase-name')?.textContent)).toEqual(['DNS lookup', 'TCP connect', 'TLS handshake', 'First byte', 'Handshake (initialize)']);
    expect(rows.map((r) => r.querySelector('.setup-phase-time')?.textContent)).toEqual(['2.0 ms · 127.0.0.1', '1.0 ms · 127.0.0.1', '12 ms', '5.0 ms', '20 ms']);
    const tls = rows[2]!.querySelector<HTMLElement>('.setup-phase-bar')!;
    expect(tls.style.left).toBe('7.5%');
    expect(tls.style.width).toBe('30%');
    expect(rows[3]).toHaveTextContent('starts 15 ms after connecting');
    expect(screen.getByRole('heading', { name: /Connection set-up/ })).toHaveTextContent('40 ms from connecting to connected');
  });

  it('time before the first phase and after the last is a row of its own, so the rows account for the whole total', () => {
    render(<ConnectionSetupBars setup={{ totalMs: 300, phases: [{ phase: 'tcp', startMs: 160, durationMs: 15 }, { phase: 'first-byte', startMs: 175, durationMs: 72 }, { phase: 'handshake', startMs: 130, durationMs: 130, detail: 'server/discover' }], notes: [] }} />);
    const gapsShown = screen.getAllByTestId('setup-gap');
    expect(gapsShown.map((r) => r.querySelector('.setup-phase-name')?.textContent)).toEqual(['Getting ready', 'Finishing']);
    expect(gapsShown.map((r) => r.querySelector('.setup-phase-time')?.textContent)).toEqual(['130 ms', '40 ms']);
    expect(gapsShown[1]!.querySelector<HTMLElement>('.setup-phase-bar')!.style.left).toBe(`${(260 / 300) * 100}%`);
    expect(gapsShown[0]).toHaveTextContent('the built-in playground started');
    // The measured phases keep their rows and order.
    expect(screen.getAllByTestId('setup-phase').map((r) => r.getAttribute('data-phase'))).toEqual(['tcp', 'first-byte', 'handshake']);
  });

  it('an OAuth sign-in during the connect is a phase of its own, named for people', () => {
    render(<ConnectionSetupBars setup={{ totalMs: 5000, phases: [{ phase: 'authorization', startMs: 10, durationMs: 4900, detail: 'OAuth' }, { phase: 'handshake', startMs: 4920, durationMs: 60, detail: 'server/discover' }], notes: [] }} />);
    const rows = screen.getAllByTestId('setup-phase');
    expect(rows.map((r) => r.querySelector('.setup-phase-name')?.textContent)).toEqual(['Signing in (OAuth)', 'Handshake (server/discover)']);
    expect(rows[0]!.querySelector('.setup-phase-time')?.textContent).toBe('4900 ms');
  });

  it('lists why a phase is missing', () => {
    render(<ConnectionSetupBars setup={{ totalMs: 5, phases: [{ phase: 'handshake', startMs: 0, durationMs: 4, detail: 'initialize' }], notes: ['stdio: no network set-up (a local process)'] }} />);
    expect(within(screen.getByRole('list', { name: 'Not measured' })).getByText('stdio: no network set-up (a local process)')).toBeInTheDocument();
    // 1 ms after the handshake is not worth a row.
    expect(screen.queryAllByTestId('setup-gap')).toHaveLength(0);
  });

  it('a session file: the last "connected" entry gives the figures (a reconnect replaces the first)', () => {
    const connected = (seq: number, totalMs: number): LifecycleEntry => ({
      seq,
      connectionId: 'c1',
      wallTime: seq,
      monoTime: seq,
      type: 'lifecycle',
      state: 'connected',
      text: 'Connected',
      info: { connectionId: 'c1', label: 'x', state: 'connected', warnings: [], setup: { ...SETUP, totalMs } },
    });
    const entries: TraceEntry[] = [connected(1, 40), { seq: 2, connectionId: 'c1', wallTime: 2, monoTime: 2, type: 'lifecycle', state: 'info', text: 'x' }, connected(3, 9)];
    expect(lastSetup(entries)?.totalMs).toBe(9);
    expect(lastSetup(entries.slice(1, 2))).toBeUndefined();
  });

  it('shows in the Overview and in the Latency section of a live connection', async () => {
    const info: ConnectionInfo = { connectionId: 'c1', label: 'Playground', state: 'connected', transport: 'streamable', url: 'http://127.0.0.1:4100/mcp', warnings: [], setup: SETUP };
    installFakePeriscope({
      'connections:list': () => [],
      'remotes:list': () => [makeRemote()],
      'connections:open': () => info,
      'connections:metrics': () => ({ rows: [], total: { method: '(all requests)', count: 0, answered: 0, errors: {}, throughputPerS: 0 }, pending: 0 }),
    });
    stop = startBridge();
    render(<App />);
    fireEvent.click(await screen.findByTestId('connect-button'));
    expect(within(await screen.findByTestId('connection-info')).getByTestId('connection-setup')).toHaveTextContent('TLS handshake');
    fireEvent.click(await screen.findByRole('tab', { name: 'Latency' }));
    expect(within(await screen.findByTestId('latency-view')).getByTestId('connection-setup')).toHaveTextContent('Handshake (initialize)');
  });
});
