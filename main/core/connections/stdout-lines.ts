import { STDIO_DEFAULT_MAX_BUFFER_SIZE, type JSONRPCMessage } from '@modelcontextprotocol/client';
import { isObject } from '../capture/envelope';
import { parseIncoming } from '../capture/unparsed-message';
import { formatLimit } from '../diagnostics/wire-errors';

/** What became of one stdout line that is not a JSON-RPC message. */
export type StdoutNoise = { line: string; reason: 'not-json' | 'not-json-rpc' };

/** A stdout line longer than the buffer without a newline: the transport gives up on the process. */
export class StdoutLineTooLongError extends Error {
  override readonly name = 'StdoutLineTooLongError';
  readonly code = 'ERR_STDOUT_LINE_TOO_LONG';
  constructor(readonly limitBytes: number) {
    super(`The stdio server wrote more than ${formatLimit(limitBytes)} to stdout without a newline`);
  }
}

/**
 * The stdio transport's read buffer, in place of the SDK's (same contract: append chunks,
 * readMessage until null, clear). The SDK skips every stdout line that is not JSON without a
 * word, so a server that prints a banner or logs to stdout loses those lines, and the user never
 * learns why a message went missing. Here each such line goes to `onNoise`; a line that is JSON
 * and claims to be JSON-RPC but fails the schema (an error with `"id": null`) is thrown as an
 * UnparsedMessageError, which the SDK reports through onerror and the traced transport records.
 * Lines are newline-delimited UTF-8 with an optional CR, as the MCP stdio transport specifies.
 */
export class StdoutLineReader {
  private buffer?: Buffer;

  constructor(
    private readonly onNoise: (noise: StdoutNoise) => void,
    private readonly maxBufferBytes = STDIO_DEFAULT_MAX_BUFFER_SIZE,
  ) {}

  append(chunk: Buffer): void {
    if ((this.buffer?.length ?? 0) + chunk.length > this.maxBufferBytes) {
      this.clear();
      throw new StdoutLineTooLongError(this.maxBufferBytes);
    }
    this.buffer = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
  }

  readMessage(): JSONRPCMessage | null {
    while (this.buffer) {
      const index = this.buffer.indexOf('\n');
      if (index === -1) return null;
      const line = this.buffer.toString('utf8', 0, index).replace(/\r$/, '');
      this.buffer = this.buffer.subarray(index + 1);
      if (line.trim() === '') continue;
      const parsed = parseIncoming(line);
      if (parsed === undefined) {
        this.onNoise({ line, reason: 'not-json' });
        continue;
      }
      if ('message' in parsed) return parsed.message;
      // JSON that does not even claim to be JSON-RPC (a structured log line) is noise too.
      if (!isObject(parsed.unparsed.raw) || !('jsonrpc' in parsed.unparsed.raw)) {
        this.onNoise({ line, reason: 'not-json-rpc' });
        continue;
      }
      throw parsed.unparsed;
    }
    return null;
  }

  clear(): void {
    this.buffer = undefined;
  }
}
