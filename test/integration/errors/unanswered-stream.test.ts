import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { useManager } from '../connections/connection-test-support';
import { startHttpServer, type RunningServer } from '../error-kind-servers';

/**
 * A server that answers a POST with an event stream and ends that stream without the response:
 * no answer can come after that, so the request must not be reported as a slow server.
 */
const { manager } = useManager();
const started: RunningServer[] = [];
afterEach(async () => {
  while (started.length) await started.pop()!.close();
});

function endsStream(withEventId: boolean) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    // A keep-alive comment and a progress-like notification, then the end: no response.
    res.write(`: keep-alive\n\n${withEventId ? 'id: e1\n' : ''}data: {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"working"}}\n\n`);
    setTimeout(() => res.end(), 20);
  };
}

async function failureOf(url: string, transport: 'streamable' | 'auto'): Promise<ErrorInfo> {
  const error = await manager.open({ transport, url, timeouts: { connectMs: 2_000, requestMs: 2_000 } }).then(() => undefined, (e: unknown) => e);
  if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
  return error.info;
}

describe('an event stream that ends without the response', () => {
  for (const transport of ['streamable', 'auto'] as const) {
    it(`${transport}: closed, naming the stream and that nothing could resume it, the timeout kept in the detail`, async () => {
      const server = await startHttpServer(endsStream(false));
      started.push(server);
      const info = await failureOf(server.url, transport);
      expect(info.kind).toBe('closed');
      expect(info.message).toBe(`The server ended the event stream answering POST ${server.url} without sending the response, and its events had no ids to resume it from`);
      expect(info.hint).toMatch(/send the JSON-RPC response on that stream before ending it/);
      expect(info.detail).toMatchObject({ then: { kind: 'timeout' } });
    });
  }

  it('with event ids: still being resumed when the time ran out, so a timeout, saying where the answer was awaited', async () => {
    const server = await startHttpServer(endsStream(true));
    started.push(server);
    const info = await failureOf(server.url, 'streamable');
    expect(info.kind).toBe('timeout');
    expect(info.message).toMatch(new RegExp(`: the event stream answering POST ${server.url.replace(/[.]/g, '\\.')} ended without the response, and resuming it with Last-Event-ID brought none before the timeout$`));
    expect(info.hint).toMatch(/longer timeout/);
  });
});
