import type { Readable, Writable } from 'node:stream';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { MessageFaultTransport, type RawMessageChannel } from './message-faults';
import { createPlaygroundMcpServer } from './playground-mcp-server';
import type { FaultOptions } from './playground-options';
import { PlaygroundSharedState } from './playground-shared-state';

export interface StdioPlaygroundOptions {
  faults?: FaultOptions;
  stdin?: Readable;
  stdout?: Writable;
  /** What drop-stream does over stdio: by default the process exits mid-response, as a crash would. */
  onDrop?: () => void;
  /** Out-of-band problems (an unparsable line, a failed send); never written to stdout. Default: ignored. */
  onError?: (error: Error) => void;
}

/**
 * Serves one client over stdin/stdout (newline-delimited JSON-RPC, spec transports: stdio) until
 * stdin ends, in either protocol era: the SDK's serveStdio entry pins the connection to a 2025-era
 * instance on an `initialize` opening and to a 2026-07-28 one on a `server/discover` or enveloped
 * opening. Nothing else may write to stdout here: it carries the protocol. Faults apply as on
 * WebSocket: latency delays incoming messages, malformed-json writes a broken line, drop-stream
 * ends the process. Resolves once the connection has closed.
 */
export async function runStdioPlayground(opts: StdioPlaygroundOptions = {}): Promise<void> {
  const stdin = opts.stdin ?? process.stdin;
  const stdout = opts.stdout ?? process.stdout;
  const raw: RawMessageChannel = {
    sendText: (text) => new Promise((resolve) => (stdout.write(`${text}\n`) ? resolve() : stdout.once('drain', () => resolve()))),
    terminate: opts.onDrop ?? (() => process.exit(1)),
  };
  // The SDK's stdio transport closes itself when stdin ends, which ends the connection.
  const wire = new MessageFaultTransport(new StdioServerTransport(stdin, stdout), opts.faults ?? {}, raw);
  const shared = new PlaygroundSharedState();
  serveStdio(({ era }) => createPlaygroundMcpServer({ era, lifetime: 'connection', shared }), {
    transport: wire,
    onerror: opts.onError ?? (() => undefined),
  });
  await wire.closed;
}
