import type { IncomingMessage, ServerResponse } from 'node:http';

/** Same bound the SDK applies to the bodies it reads itself. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Reads and parses a JSON request body. On a too-large or unparsable body it answers the request
 * itself (413 / 400 with a JSON-RPC error) and resolves undefined.
 */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      writeJsonRpcError(res, 413, -32000, `Request body larger than ${MAX_BODY_BYTES} bytes`);
      return undefined;
    }
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    writeJsonRpcError(res, 400, -32700, `Parse error: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

export function writeJsonRpcError(res: ServerResponse, status: number, code: number, message: string): void {
  const body = JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null });
  if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
