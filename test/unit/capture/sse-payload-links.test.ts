import { describe, expect, it } from 'vitest';
import { SsePayloadLinks } from '../../../main/core/capture/sse-payload-links';

describe('linking an SSE event to the message it carried', () => {
  it('links equal text, and text the SDK reordered (jsonrpc/id first, _meta first)', () => {
    const links = new SsePayloadLinks();
    const wire = '{"result":{"content":[{"type":"text","text":"x"}],"_meta":{"b":1,"a":2}},"jsonrpc":"2.0","id":1}';
    const parsed = '{"jsonrpc":"2.0","id":1,"result":{"_meta":{"b":1,"a":2},"content":[{"type":"text","text":"x"}]}}';
    links.offer(10, '{"jsonrpc":"2.0","method":"n"}');
    links.offer(11, wire);
    expect(links.claim(parsed)).toBe(11);
    expect(links.claim(parsed)).toBeUndefined(); // claimed once only
    expect(links.claim('{"jsonrpc":"2.0","method":"n"}')).toBe(10);
  });

  it('links each of many waiting answers of one length (one call at 32 in flight) to its own event, in any order', () => {
    const links = new SsePayloadLinks();
    const wire = (id: number) => `{"result":{"content":[{"type":"text","text":"load"}]},"jsonrpc":"2.0","id":${id}}`;
    const parsed = (id: number) => `{"jsonrpc":"2.0","id":${id},"result":{"content":[{"type":"text","text":"load"}]}}`;
    for (let id = 10; id < 41; id++) links.offer(id + 100, wire(id));
    // A notification has no id: reordered, it is still told apart from the answers and found.
    links.offer(7, '{"params":{"x":1},"jsonrpc":"2.0","method":"n"}');
    for (const id of [40, 10, 25, 33, 11]) expect(links.claim(parsed(id))).toBe(id + 100);
    expect(links.claim('{"jsonrpc":"2.0","method":"n","params":{"x":1}}')).toBe(7);
    expect(links.claim(parsed(25))).toBeUndefined();
    expect(links.claim(parsed(41))).toBeUndefined();
  });

  it('never links text that differs in anything but key order (nothing can be lost)', () => {
    const links = new SsePayloadLinks();
    const parsed = '{"jsonrpc":"2.0","id":1,"result":{"v":[1,2]}}';
    const others = [
      '{"jsonrpc":"2.1","id":1,"result":{"v":[1,2]}}', // a value differs, same length
      '{"jsonrpc":"2.0","id":1,"result":{"v":[2,1]}}', // array order matters
      '{"jsonrpc":"2.0","id":1,"result":{"w":[1,2]}}', // another key
      '{"jsonrpc":"2.0","id":1,"result": {"v":[1,2]}}', // whitespace (other length)
      '{"jsonrpc":"2.0","id":1,"result":{"v":[1,2]}',
    ];
    others.forEach((text, i) => links.offer(i, text));
    expect(links.claim(parsed)).toBeUndefined();
  });

  it('forgets offers nobody claimed after a while (a refused 200 MB event is not kept)', () => {
    let now = 0;
    const links = new SsePayloadLinks(() => now);
    links.offer(1, '{"a":1}');
    now = 61_000;
    expect(links.claim('{"a":1}')).toBeUndefined();
    for (let i = 0; i < 100; i++) links.offer(i, `{"n":${i}}`);
    expect(links.claim('{"n":0}')).toBeUndefined(); // only the 32 most recent are kept
    expect(links.claim('{"n":99}')).toBe(99);
  });
});
