import { formatLimit } from '../diagnostics/wire-errors';
import { streamedResponse } from './streamed-response';

/**
 * The most Periscope reads of one HTTP answer before the next message can begin: a JSON body
 * whole, or what an event stream sends between two events (or before its first). 100 MiB, the
 * WebSocket message limit's default: the same `maxMessageBytes` of a connection target sets both.
 * Without it, a server that sends a body or an event that never ends fills memory until the
 * process dies (the SDK holds what it has not parsed yet).
 */
export const DEFAULT_MAX_ANSWER_BYTES = 100 * 1024 * 1024;

/** Past the limit: the read stops, the caller's body fails with this (the classifier reads `code` and `limitBytes`). */
export class AnswerTooLargeError extends Error {
  override readonly name = 'AnswerTooLargeError';
  readonly code = 'ERR_ANSWER_TOO_LARGE';
  constructor(
    readonly limitBytes: number,
    /** `body`: one response body; `event`: an event stream sent that much without ending an event. */
    readonly part: 'body' | 'event',
  ) {
    super(
      part === 'event'
        ? `The server sent more than ${formatLimit(limitBytes)} on an event stream without ending an event, so Periscope stopped reading it`
        : `The server's answer is larger than ${formatLimit(limitBytes)}, so Periscope stopped reading it`,
    );
  }
}

/**
 * The whole body, at most `limitBytes`; rejects with AnswerTooLargeError past it (the rest is
 * cancelled, never read) or with the read's own error. A Content-Length over the limit is
 * refused before a byte is read; a declared length within it is read with arrayBuffer(), which
 * undici also stops at that length. A compressed body (Content-Encoding) is counted as it is
 * decoded: its Content-Length is the compressed size, and a small one can decode to gigabytes.
 */
export async function readBodyWithin(response: Response, limitBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const encoding = response.headers.get('content-encoding')?.trim().toLowerCase();
  if (Number.isFinite(declared) && (!encoding || encoding === 'identity')) {
    if (declared > limitBytes) {
      response.body?.cancel().catch(() => undefined);
      throw new AnswerTooLargeError(limitBytes, 'body');
    }
    return new Uint8Array(await response.arrayBuffer());
  }
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks.length === 1 ? chunks[0]! : new Uint8Array(Buffer.concat(chunks));
    bytes += value.byteLength;
    if (bytes > limitBytes) {
      reader.cancel().catch(() => undefined);
      throw new AnswerTooLargeError(limitBytes, 'body');
    }
    chunks.push(value);
  }
}

/**
 * The same Response with a body that fails with AnswerTooLargeError once more than `limitBytes`
 * have passed (and stops reading the server's). For the bodies the caller reads itself (error
 * pages, other content types). `onTooLarge` is told first, so the exchange can be recorded as such.
 */
export function bodyWithin(response: Response, limitBytes: number, onTooLarge: (error: AnswerTooLargeError) => void): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  let bytes = 0;
  const limited = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      bytes += value.byteLength;
      if (bytes > limitBytes) {
        const error = new AnswerTooLargeError(limitBytes, 'body');
        reader.cancel(error).catch(() => undefined);
        onTooLarge(error);
        return controller.error(error);
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return streamedResponse(response, limited);
}
