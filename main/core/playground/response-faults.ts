import type { ServerResponse } from 'node:http';

/**
 * HTTP-level fault injection on a node ServerResponse. The SDK transports write through
 * res.write/res.end (Hono's adapter for Streamable HTTP, plain writes for legacy SSE), so patching
 * those three methods reaches every byte without touching the transports themselves.
 */

/** Broken on purpose: an object cut off mid-value, the way a truncated proxy answer looks. */
export const BROKEN_JSON = '{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"cut off';

/** After this many JSON-RPC messages on one event stream, dropStream destroys the socket. */
export const DROP_AFTER_MESSAGES = 2;

// ServerResponse.write/end are overloaded; these loose shapes let the wrappers pass any form on.
type WriteArgs = [chunk: unknown, ...rest: unknown[]];
type EndArgs = unknown[];

/**
 * Holds every byte of the response (headers included) for `ms`, then lets it through in order.
 * Headers go out with the first write in node, so gating write/end/flushHeaders is enough.
 */
export function holdFirstByte(res: ServerResponse, ms: number): void {
  const write = res.write.bind(res) as unknown as (...args: WriteArgs) => boolean;
  const end = res.end.bind(res) as unknown as (...args: EndArgs) => ServerResponse;
  const flushHeaders = res.flushHeaders.bind(res);
  const queued: Array<() => void> = [];
  let open = false;
  const timer = setTimeout(() => {
    open = true;
    res.write = write as unknown as ServerResponse['write'];
    res.end = end as unknown as ServerResponse['end'];
    res.flushHeaders = flushHeaders;
    for (const replay of queued.splice(0)) if (!res.destroyed) replay();
  }, ms);
  res.on('close', () => clearTimeout(timer));
  res.write = ((...args: WriteArgs) => {
    if (open) return write(...args);
    queued.push(() => write(...args));
    return true; // pretend the buffer has room: the writer must not wait for a drain we delay
  }) as unknown as ServerResponse['write'];
  res.end = ((...args: EndArgs) => {
    if (open) return end(...args);
    queued.push(() => end(...args));
    return res;
  }) as unknown as ServerResponse['end'];
  res.flushHeaders = () => {
    if (open) flushHeaders();
    else queued.push(flushHeaders);
  };
}

/**
 * On an event stream, lets DROP_AFTER_MESSAGES JSON-RPC messages through and then destroys the
 * socket without ending the response: the client sees the stream cut in the middle, as when a
 * proxy or load balancer kills a long-lived connection. Single-message streams are untouched.
 */
export function dropMidStream(res: ServerResponse, onDrop?: () => void): void {
  const isEventStream = eventStreamDetector(res);
  const write = res.write.bind(res) as unknown as (...args: WriteArgs) => boolean;
  let messages = 0;
  res.write = ((...args: WriteArgs) => {
    const [chunk] = args;
    if (!isEventStream() || !containsMessage(chunk)) return write(...args);
    messages++;
    if (messages < DROP_AFTER_MESSAGES) return write(...args);
    if (messages > DROP_AFTER_MESSAGES) return true; // already dropping: swallow
    return write(chunk, () => {
      onDrop?.();
      res.socket?.destroy();
    });
  }) as unknown as ServerResponse['write'];
}

/** Rewrites every JSON-RPC message event of a stream into broken JSON. */
export function corruptEventData(res: ServerResponse): void {
  const write = res.write.bind(res) as unknown as (...args: WriteArgs) => boolean;
  res.write = ((...args: WriteArgs) => {
    const [chunk] = args;
    if (!containsMessage(chunk)) return write(...args);
    return write(`event: message\ndata: ${BROKEN_JSON}\n\n`);
  }) as unknown as ServerResponse['write'];
}

/** Answers a POST the way a broken server or proxy might: 200, JSON content type, invalid JSON. */
export function writeMalformedJson(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(BROKEN_JSON) });
  res.end(BROKEN_JSON);
}

/**
 * Whether the response is an event stream. Hono passes headers straight to writeHead, which node
 * does not expose through getHeader, so the content type is noted as writeHead runs.
 */
function eventStreamDetector(res: ServerResponse): () => boolean {
  let contentType = '';
  const writeHead = res.writeHead.bind(res) as unknown as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null);
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) if (String(headers[i]).toLowerCase() === 'content-type') contentType = String(headers[i + 1]);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() === 'content-type') contentType = String(value);
    }
    return writeHead(...args);
  }) as unknown as ServerResponse['writeHead'];
  return () => (contentType || String(res.getHeader('content-type') ?? '')).includes('text/event-stream');
}

function containsMessage(chunk: unknown): boolean {
  if (typeof chunk === 'string') return chunk.includes('data: {');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).includes('data: {');
  return false;
}
