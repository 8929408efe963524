import { SdkError, SdkErrorCode } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../../main/core/diagnostics/classify-error';

const timedOut = (timeout: number) => new SdkError(SdkErrorCode.RequestTimeout, 'Request timed out', { timeout });

/**
 * A handshake timeout is reported against the connect timeout the user set: every attempt of a
 * connect shares it, so the SDK only knows what was left when the handshake began (799 ms of 800,
 * or much less after auto-detection tried another transport). A request names its own timeout.
 */
describe('timeouts in words', () => {
  it.each([799, 400, 1])('a handshake given %i ms of an 800 ms connect timeout says 800 ms, and keeps the time it had', (left) => {
    const info = toErrorInfo(timedOut(left), { phase: 'connect', url: 'http://127.0.0.1:1/mcp', connectTimeoutMs: 800 });
    expect(info.kind).toBe('timeout');
    expect(info.message).toBe('The server did not answer the connection handshake after 800 ms (http://127.0.0.1:1/mcp)');
    expect(info.detail).toMatchObject({ timeoutMs: left });
  });

  it('a request names its own timeout, whatever the connect timeout was', () => {
    const info = toErrorInfo(timedOut(60_000), { phase: 'request', connectTimeoutMs: 800 });
    expect(info.message).toBe('The server did not answer the request after 60000 ms');
  });

  it('a handshake with no connect timeout known names the time the SDK had', () => {
    expect(toErrorInfo(timedOut(1234), { phase: 'connect' }).message).toBe('The server did not answer the connection handshake after 1234 ms');
  });
});
