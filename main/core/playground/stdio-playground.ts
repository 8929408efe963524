import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { MessageFaultTransport, type RawMessageChannel } from './message-faults';
import { createPlaygroundMcpServer } from './playground-mcp-server';
import type { FaultOptions } from './playground-options';

export interface StdioPlaygroundOptions {
  faults?: FaultOptions;
  stdin?: Readable;
  stdout?: Writable;
  /** What drop-stream does over stdio: by default the process exits mid-response, as a crash would. */
  onDrop?: () => void;
}

/**
 * Serves one client over stdin/stdout (newline-delimited JSON-RPC) until stdin ends. Nothing else
 * may write to stdout here: it carries the protocol. Faults apply as on WebSocket: latency delays
 * incoming messages, malformed-json writes a broken line, drop-stream ends the process.
 */
export async function runStdioPlayground(opts: StdioPlaygroundOptions = {}): Promise<void> {
  const stdin = opts.stdin ?? process.stdin;
  const stdout = opts.stdout ?? process.stdout;
  const transport = new StdioServerTransport(stdin, stdout);
  const raw: RawMessageChannel = {
    sendText: (text) => new Promise((resolve) => (stdout.write(`${text}\n`) ? resolve() : stdout.once('drain', () => resolve()))),
    terminate: opts.onDrop ?? (() => process.exit(1)),
  };
  const server = createPlaygroundMcpServer();
  const closed = new Promise<void>((resolve) => {
    const wrapped = new MessageFaultTransport(transport, opts.faults ?? {}, raw);
    wrapped.onclose = () => resolve();
    // The SDK's stdio transport does not notice the end of stdin; the client going away means we stop.
    const stop = () => void server.close().catch(() => undefined);
    stdin.once('end', stop);
    stdin.once('close', stop);
    void server.connect(wrapped);
  });
  await closed;
}
