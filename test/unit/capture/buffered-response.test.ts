import { describe, expect, it } from 'vitest';
import { bufferedResponse } from '../../../main/core/capture/buffered-response';

/**
 * The Response the SDK gets after the capture has read a JSON body: it must behave as the
 * server's Response would (fetch's Body rules: one read, then "unusable"), whatever the SDK calls.
 */
const BODY = '{"jsonrpc":"2.0","id":7,"result":{"text":"héllo 🌍","big":12345678901234567890}}';

function serverResponse(): { original: Response; bytes: Uint8Array } {
  const bytes = new TextEncoder().encode(BODY);
  // What the capture read; the original's body is used up, as after response.arrayBuffer().
  const original = new Response(BODY, { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json', 'mcp-session-id': 's-1' } });
  void original.arrayBuffer();
  return { original, bytes };
}

describe('a captured JSON response handed to the SDK', () => {
  it('is the server\'s Response: status, headers, ok and type are the original\'s, and it is a Response', () => {
    const { original, bytes } = serverResponse();
    const response = bufferedResponse(original, bytes);
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.type]).toEqual([200, 'OK', true, original.type]);
    expect(response.headers.get('mcp-session-id')).toBe('s-1');
    expect(response.headers).toBe(original.headers);
    // Object's own members are the Response's too, not the proxy's bookkeeping.
    expect(response.constructor).toBe(Response);
    expect(String(response)).toBe('[object Response]');
    expect(Object.prototype.toString.call(response)).toBe('[object Response]');
    expect(typeof response.hasOwnProperty).toBe('function');
  });

  it.each([
    ['json', async (r: Response) => r.json(), JSON.parse(BODY)],
    ['text', async (r: Response) => r.text(), BODY],
    ['arrayBuffer', async (r: Response) => new TextDecoder().decode(await r.arrayBuffer()), BODY],
    ['blob', async (r: Response) => (await r.blob()).text(), BODY],
    ['body', async (r: Response) => new Response(r.body).text(), BODY],
  ])('serves the body once through %s, then refuses another read as fetch does', async (_name, readIt, expected) => {
    const { original, bytes } = serverResponse();
    const response = bufferedResponse(original, bytes);
    expect(response.bodyUsed).toBe(false);
    expect(await readIt(response)).toEqual(expected);
    expect(response.bodyUsed).toBe(true);
    await expect(response.json()).rejects.toBeInstanceOf(TypeError);
    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('serves the text decoded by the capture when it has it, the same as decoding the bytes', async () => {
    const { original, bytes } = serverResponse();
    expect(await bufferedResponse(original, bytes, BODY).text()).toBe(BODY);
  });

  it('clones before a read: both copies read the whole body', async () => {
    const { original, bytes } = serverResponse();
    const response = bufferedResponse(original, bytes);
    const copy = response.clone();
    expect(await copy.text()).toBe(BODY);
    expect(await response.json()).toEqual(JSON.parse(BODY));
  });

  it('hands out copies of its bytes: changing what one read returned changes nothing held', async () => {
    const { original, bytes } = serverResponse();
    const buffer = new Uint8Array(await bufferedResponse(original, bytes).arrayBuffer());
    buffer.fill(0);
    expect(new TextDecoder().decode(bytes)).toBe(BODY);
  });

  it('rejects a body that is not JSON from json() with the SyntaxError fetch gives', async () => {
    const original = new Response('not json', { status: 200, headers: { 'content-type': 'application/json' } });
    await expect(bufferedResponse(original, new TextEncoder().encode('not json')).json()).rejects.toBeInstanceOf(SyntaxError);
  });
});
