import { describe, expect, it } from 'vitest';
import { streamedResponse } from '../../../main/core/capture/streamed-response';

/**
 * The Response the SDK gets for an event stream the capture observes: the server's own Response
 * with the observed stream as its body. It must behave as the server's would, whatever is called.
 */
const EVENTS = 'id: 1\ndata: {"jsonrpc":"2.0","id":1,"result":{}}\n\n';

function served(): { original: Response; body: ReadableStream<Uint8Array> } {
  const original = new Response('(the capture holds this body)', { status: 200, statusText: 'OK', headers: { 'content-type': 'text/event-stream', 'mcp-session-id': 's-1' } });
  Object.defineProperty(original, 'url', { value: 'http://127.0.0.1:1/mcp' });
  const body = new Response(EVENTS).body!;
  return { original, body };
}

describe('an observed event stream handed to the SDK', () => {
  it("is the server's Response: status, headers, url and type are the original's, and it is a Response", () => {
    const { original, body } = served();
    const response = streamedResponse(original, body);
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.url, response.redirected]).toEqual([200, 'OK', true, 'http://127.0.0.1:1/mcp', false]);
    expect(response.headers).toBe(original.headers);
    expect(response.constructor).toBe(Response);
    expect(Object.prototype.toString.call(response)).toBe('[object Response]');
  });

  it('hands out the observed stream as its body, read to the end as the SDK reads it', async () => {
    const { original, body } = served();
    const response = streamedResponse(original, body);
    expect(response.body).toBe(body);
    let text = '';
    for await (const piece of response.body!.pipeThrough(new TextDecoderStream())) text += piece;
    expect(text).toBe(EVENTS);
    expect(response.bodyUsed).toBe(true);
  });

  it.each([
    ['text', async (r: Response) => r.text()],
    ['arrayBuffer', async (r: Response) => new TextDecoder().decode(await r.arrayBuffer())],
    ['blob', async (r: Response) => (await r.blob()).text()],
  ])('reads the observed stream through %s once, then refuses another read as fetch does', async (_name, readIt) => {
    const { original, body } = served();
    const response = streamedResponse(original, body);
    expect(response.bodyUsed).toBe(false);
    expect(await readIt(response)).toBe(EVENTS);
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('clones before a read: both copies read the whole stream', async () => {
    const { original, body } = served();
    const response = streamedResponse(original, body);
    const copy = response.clone();
    expect(await copy.text()).toBe(EVENTS);
    expect(await response.text()).toBe(EVENTS);
  });

  it('once a reader holds the stream, a read or a clone is refused with the TypeError fetch gives', async () => {
    const { original, body } = served();
    const response = streamedResponse(original, body);
    const reader = response.body!.getReader();
    await expect(response.json()).rejects.toBeInstanceOf(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
    expect(response.bodyUsed).toBe(true);
    reader.releaseLock();
  });
});
