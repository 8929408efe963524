import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TraceEntry } from '../../../shared/model/trace';
import { TraceDetail } from '../../../renderer/components/trace/trace-detail';
import { makeHttpEntry } from '../support/make-entries';

const base = { connectionId: 'c1', wallTime: 1_750_000_000_000, monoTime: 1 };

function show(entry: TraceEntry | undefined, pair?: TraceEntry) {
  const onShowSeq = vi.fn();
  const onCopy = vi.fn(async (_text: string) => true);
  render(<TraceDetail entry={entry} pair={pair} onShowSeq={onShowSeq} copy={onCopy} />);
  return { onShowSeq, onCopy, pane: screen.getByTestId('trace-detail') };
}

describe('TraceDetail', () => {
  it('explains what to do when nothing is selected', () => {
    const { pane } = show(undefined);
    expect(pane).toHaveTextContent('Select an entry to see its details');
    // In a short pane the hint scrolls: with nothing focusable in it, the pane itself takes the focus.
    expect(pane).toHaveAttribute('tabindex', '0');
    expect(within(pane).queryByTestId('copy-json')).toBeNull();
  });

  it('shows a message in pretty or raw JSON and copies it as JSON', async () => {
    const entry: TraceEntry = {
      ...base,
      seq: 7,
      type: 'message',
      direction: 'incoming',
      messageKind: 'response',
      rpcId: 3,
      requestSeq: 6,
      latencyMs: 12.5,
      size: 40,
      message: { jsonrpc: '2.0', id: 3, result: { ok: true } },
    };
    const request: TraceEntry = { ...base, seq: 6, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: 3, method: 'ping', size: 30, message: {} };
    const { pane, onCopy, onShowSeq } = show(entry, request);
    expect(pane).toHaveTextContent('Latency13 ms');
    expect(within(pane).getByTestId('payload-text').textContent).toContain('\n  "id": 3');
    fireEvent.click(within(pane).getByRole('button', { name: 'Raw' }));
    expect(within(pane).getByTestId('payload-text').textContent).toBe('{"jsonrpc":"2.0","id":3,"result":{"ok":true}}');
    fireEvent.click(within(pane).getByTestId('show-pair'));
    expect(onShowSeq).toHaveBeenCalledWith(6);
    fireEvent.click(within(pane).getByTestId('copy-json'));
    expect(JSON.parse(onCopy.mock.calls[0][0])).toEqual(entry);
    // The button itself says it worked (not only a hidden announcement).
    await waitFor(() => expect(within(pane).getByTestId('copy-json')).toHaveTextContent('✓ Copied'));
    expect(within(pane).queryByTestId('copy-curl')).toBeNull();
  });

  it('shows an HTTP exchange with masked headers, bodies, its error, and copies cURL', () => {
    const entry = makeHttpEntry('c1', 9, 0, {
      status: 401,
      statusText: 'Unauthorized',
      responseHeaders: { 'www-authenticate': 'Bearer realm="mcp"' },
      error: { kind: 'auth', message: 'The server refused the credentials (401)', hint: 'Check the Authorization header.' },
    });
    const { pane, onCopy } = show(entry);
    expect(pane).toHaveTextContent('POST https://api.example.com/v1/mcp → 401 Unauthorized in 4.0 ms');
    expect(within(pane).getByTestId('error-message')).toHaveTextContent('refused the credentials');
    const requestHeaders = within(pane).getByRole('region', { name: 'Request headers' });
    expect(within(requestHeaders).getByText('Bearer [redacted]')).toBeInTheDocument();
    expect(within(pane).getByRole('region', { name: 'Response headers' })).toHaveTextContent('www-authenticate');
    expect(within(pane).getByRole('region', { name: 'Request body' })).toHaveTextContent('"method": "ping"');
    fireEvent.click(within(pane).getByTestId('copy-curl'));
    expect(onCopy).toHaveBeenCalledWith(expect.stringContaining('Bearer $AUTHORIZATION'));
  });

  it('says who ended an event stream, next to its status line', () => {
    for (const [endedBy, words] of [['server', '(event stream, ended by the server)'], ['client', '(event stream, closed by Periscope)'], [undefined, '(event stream)']] as const) {
      const entry = makeHttpEntry('c1', 4, undefined, { method: 'GET', streaming: true, requestBody: undefined, responseBody: undefined, ...(endedBy ? { endedBy } : {}) });
      const { pane } = show(entry);
      const line = pane.querySelector('.http-line')!;
      expect(line.textContent!.endsWith(words), `${endedBy}: ${line.textContent}`).toBe(true);
      cleanup();
    }
  });

  it('shows SSE events, WebSocket closes, stderr lines and lifecycle errors', () => {
    const sse: TraceEntry = { ...base, seq: 1, type: 'sse-event', exchangeId: 'x1', event: 'message', eventId: '42', size: 10, data: '{"jsonrpc":"2.0","method":"notifications/progress"}' };
    const { unmount } = render(<TraceDetail entry={sse} pair={undefined} onShowSeq={() => {}} copy={async () => true} />);
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('Event message, id 42');
    expect(screen.getByTestId('payload-text').textContent).toContain('"method": "notifications/progress"');
    unmount();

    const ws: TraceEntry = { ...base, seq: 2, type: 'websocket', event: 'close', closeCode: 1011, closeReason: 'internal error' };
    const second = render(<TraceDetail entry={ws} pair={undefined} onShowSeq={() => {}} copy={async () => true} />);
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('WebSocket close, close code 1011 (internal error)');
    second.unmount();

    const stderr: TraceEntry = { ...base, seq: 3, type: 'stderr', line: 'Error: ENOENT config.json' };
    const third = render(<TraceDetail entry={stderr} pair={undefined} onShowSeq={() => {}} copy={async () => true} />);
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('Error: ENOENT config.json');
    third.unmount();

    const lifecycle: TraceEntry = {
      ...base,
      seq: 4,
      type: 'lifecycle',
      state: 'error',
      text: 'Connection failed',
      error: { kind: 'dns', message: 'api.example.invalid does not resolve', hint: 'Check the host name.' },
    };
    show(lifecycle);
    expect(screen.getByTestId('error-message')).toHaveTextContent('api.example.invalid does not resolve');
    expect(screen.getByTestId('error-hint')).toHaveTextContent('Check the host name.');
  });

  it('names the cancelled request of a notifications/cancelled', () => {
    const cancel: TraceEntry = {
      ...base,
      seq: 5,
      type: 'message',
      direction: 'outgoing',
      messageKind: 'notification',
      method: 'notifications/cancelled',
      endsRequestSeq: 2,
      outcome: 'timeout',
      size: 60,
      message: {},
    };
    const request: TraceEntry = { ...base, seq: 2, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: 1, method: 'tools/call', size: 30, message: {} };
    show(cancel, request);
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('Request #2 ended: timeout');
    expect(screen.getByTestId('show-pair')).toHaveTextContent('Show request #2');
  });

  it('opens a newly selected entry at its top, and keeps the place while the same entry re-renders', () => {
    const props = { onShowSeq: () => {}, copy: async () => true };
    const http = makeHttpEntry('c1', 9);
    const { rerender } = render(<TraceDetail entry={http} pair={undefined} {...props} />);
    const pane = screen.getByTestId('trace-detail');
    pane.scrollTop = 300;
    pane.scrollLeft = 40;
    // New traffic: the same entry (a copy, as after IPC) re-rendered with its pair now known.
    const request: TraceEntry = { ...base, seq: 8, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: 1, method: 'ping', size: 30, message: {} };
    rerender(<TraceDetail entry={structuredClone(http)} pair={request} {...props} />);
    expect(screen.getByTestId('trace-detail')).toBe(pane);
    expect(pane.scrollTop).toBe(300);
    expect(pane.scrollLeft).toBe(40);

    rerender(<TraceDetail entry={makeHttpEntry('c1', 10)} pair={undefined} {...props} />);
    expect(pane).toHaveTextContent('#10 http');
    expect(pane.scrollTop).toBe(0);
    expect(pane.scrollLeft).toBe(0);
  });
});
