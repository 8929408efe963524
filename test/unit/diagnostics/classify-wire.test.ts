import { constants } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../../main/core/diagnostics/classify-error';
import { formatLimit } from '../../../main/core/diagnostics/wire-errors';
import { StdoutLineReader, StdoutLineTooLongError } from '../../../main/core/connections/stdout-lines';
import { EXIT_CODES } from '../../../main/core/diagnostics/exit-codes';

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('failures below JSON-RPC, named', () => {
  it('text longer than the runtime can hold is too-large (exit 36), never internal', () => {
    // The runtime's own errors: V8 refusing a string, and Buffer refusing to decode one. UTF-8 is
    // refused before any decoding (latin1 decodes the 512 MiB first: 3.5 s, and a timeout once in CI).
    const v8 = thrown(() => 'x'.repeat(2 ** 30));
    const buffer = thrown(() => Buffer.allocUnsafeSlow(constants.MAX_STRING_LENGTH + 1).toString('utf8'));
    expect((buffer as { code?: string }).code).toBe('ERR_STRING_TOO_LONG');
    for (const error of [v8, buffer, new TypeError('fetch failed', { cause: buffer })]) {
      const info = toErrorInfo(error, { url: 'http://127.0.0.1:1/mcp', phase: 'request' });
      expect(info.kind).toBe('too-large');
      expect(info.message).toMatch(/^A message was too large for the JavaScript runtime to hold as text \(the limit is about 512 MiB of text\)/);
      expect(info.hint).toContain('ask the server for less');
    }
    expect(EXIT_CODES['too-large']).toBe(36);
  });

  it('recognises llhttp in a flattened message (eventsource joins the chain into text)', () => {
    const info = toErrorInfo(new Error('SSE error: TypeError: fetch failed: Response does not match the HTTP/1.1 protocol (Expected HTTP/)'), { url: 'http://127.0.0.1:9/sse' });
    expect(info).toMatchObject({ kind: 'not-mcp', detail: { reason: 'Response does not match the HTTP/1.1 protocol (Expected HTTP/)' } });
    expect(info.message).toBe('127.0.0.1:9 did not answer with valid HTTP (Response does not match the HTTP/1.1 protocol (Expected HTTP/)): something other than an HTTP server is listening there');
  });

  it('a stdout line over the read buffer is too-large, with the limit', () => {
    const reader = new StdoutLineReader(() => undefined, 1024);
    const error = thrown(() => reader.append(Buffer.alloc(2048, 'x')));
    expect(error).toBeInstanceOf(StdoutLineTooLongError);
    expect(toErrorInfo(error, { transport: 'stdio' })).toMatchObject({
      kind: 'too-large',
      message: 'The stdio server wrote a line to stdout longer than the 1 KB limit, so the connection was closed',
      detail: { limitBytes: 1024 },
    });
  });

  it('formats limits in binary units, as ws counts them', () => {
    expect(formatLimit(100 * 1024 * 1024)).toBe('100 MB');
    expect(formatLimit(1536)).toBe('1.5 KB');
    expect(formatLimit(512)).toBe('512 bytes');
  });
});

describe('the stdout line reader', () => {
  it('hands out JSON-RPC messages and reports every other line, split across chunks, CRLF or LF', () => {
    const noise: string[] = [];
    const reader = new StdoutLineReader(({ line, reason }) => noise.push(`${reason}: ${line}`));
    reader.append(Buffer.from('Server starting\r\n{"jsonrpc":"2.0","id":1,"res'));
    expect(reader.readMessage()).toBeNull();
    reader.append(Buffer.from('ult":{}}\n\n{"level":"info","msg":"ready"}\n'));
    expect(reader.readMessage()).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    expect(reader.readMessage()).toBeNull();
    expect(noise).toEqual(['not-json: Server starting', 'not-json-rpc: {"level":"info","msg":"ready"}']);
  });

  it('throws the refused JSON-RPC message itself, so it can be paired (an error with id null)', () => {
    const reader = new StdoutLineReader(() => undefined);
    reader.append(Buffer.from('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}\n'));
    const error = thrown(() => reader.readMessage()) as { name: string; raw: unknown };
    expect(error.name).toBe('UnparsedMessageError');
    expect(error.raw).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
  });
});
