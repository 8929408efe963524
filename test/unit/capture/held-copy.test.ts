import { describe, expect, it } from 'vitest';
import { heldCopy } from '../../../main/core/capture/held-copy';
import { DEPTH_PREVIEW_LEVELS, MAX_JSON_DEPTH, valueDepth } from '../../../shared/json/json-depth';
import type { MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { deepText } from '../../fixtures/deep-json';

const base = { seq: 5, connectionId: 'c', wallTime: 1, monoTime: 1 };
const CAP = 1024;
const recorded = { entryCapBytes: CAP, inSessionFile: true };

function message(payload: unknown, extra: Partial<MessageEntry> = {}): MessageEntry {
  const size = Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8');
  return { ...base, type: 'message', direction: 'incoming', messageKind: 'response', rpcId: 1, size, message: payload, ...extra };
}

describe('the in-memory copy of an entry (heldCopy)', () => {
  it('is the entry itself when nothing is too big or too deep', () => {
    const entries: TraceEntry[] = [
      message({ jsonrpc: '2.0', id: 1, result: { text: 'x'.repeat(CAP - 100) } }),
      { ...base, type: 'sse-event', exchangeId: 'x', size: 5, data: 'hello' },
      { ...base, type: 'stderr', line: 'y'.repeat(300) },
      { ...base, type: 'client-input', method: 'elicitation/create', answeredBy: 'default', source: 'default', outcome: 'decline', request: { a: 1 } },
      { ...base, type: 'lifecycle', state: 'info', text: 'ok' },
    ];
    for (const entry of entries) expect(heldCopy(entry, recorded)).toBe(entry);
  });

  it('cuts every kind of payload to the cap, with a marker naming the full size and where it is', () => {
    const big = 'é'.repeat(5_000); // 10,000 UTF-8 bytes
    const cases: TraceEntry[] = [
      message({ jsonrpc: '2.0', id: 1, result: { text: big } }),
      { ...base, type: 'sse-event', exchangeId: 'x', size: Buffer.byteLength(big), data: big },
      { ...base, type: 'stderr', line: big },
      { ...base, type: 'client-input', method: 'sampling/createMessage', answeredBy: 'user', source: 'the user', outcome: 'answered', request: { big }, answer: { big } },
    ];
    for (const entry of cases) {
      const held = heldCopy(entry, recorded) as TraceEntry & { truncated?: { reason: string; bytes: number; keptBytes?: number; fullCopy: string; note: string } };
      expect(held, entry.type).not.toBe(entry);
      expect(held.truncated).toMatchObject({ reason: 'size', fullCopy: 'session-file' });
      expect(held.truncated!.bytes).toBeGreaterThan(CAP);
      expect(held.truncated!.keptBytes).toBeLessThanOrEqual(CAP);
      expect(held.truncated!.note).toMatch(/^truncated: .* kept here; the full copy is in the session file$/);
      // Whatever is kept is at most the cap, and a valid string (no character cut in half).
      const kept = JSON.stringify(held).length;
      expect(kept).toBeLessThan(CAP * 4);
      expect(JSON.stringify(held)).not.toContain('\ufffd');
    }
    const cut = heldCopy(cases[0]!, recorded) as MessageEntry;
    expect(typeof cut.message).toBe('string');
    expect(JSON.stringify((cases[0] as MessageEntry).message).startsWith(cut.message as string)).toBe(true);
    expect(cut.size).toBe((cases[0] as MessageEntry).size); // the size still says how big it was
  });

  it('says when no full copy exists (no recording, or it stopped)', () => {
    const held = heldCopy(message({ text: 'x'.repeat(5_000) }), { entryCapBytes: CAP, inSessionFile: false }) as MessageEntry;
    expect(held.truncated).toMatchObject({ fullCopy: 'none' });
    expect(held.truncated!.note).toMatch(/no full copy was recorded/);
  });

  it('shows a too-deep message to its first levels, with the depth and the limit', () => {
    const deep = JSON.parse(`{"jsonrpc":"2.0","id":1,"result":${deepText(100_000)}}`) as unknown;
    const entry = message(undefined, { message: deep, size: 600_000, depth: 100_002 });
    const held = heldCopy(entry, { entryCapBytes: 1024 * 1024, inSessionFile: true }) as MessageEntry;
    expect(valueDepth(held.message)).toBe(DEPTH_PREVIEW_LEVELS);
    expect(() => structuredClone(held)).not.toThrow();
    expect(held.truncated).toMatchObject({ reason: 'depth', depth: 100_002, maxDepth: MAX_JSON_DEPTH, fullCopy: 'session-file' });
    expect(held.truncated!.note).toMatch(/nested 100,002 levels deep; Periscope handles up to 500 levels/);
  });

  it('keeps a server\'s huge error text out of lifecycle entries', () => {
    const text = 'boom '.repeat(1_000_000);
    const entry: TraceEntry = { ...base, type: 'lifecycle', state: 'error', text, error: { kind: 'protocol', message: text, hint: 'h', detail: { data: text } } };
    const held = heldCopy(entry, recorded) as Extract<TraceEntry, { type: 'lifecycle' }>;
    expect(held.text.length).toBeLessThan(20_000);
    expect(held.error!.message.length).toBeLessThan(20_000);
    expect(held.error!.detail).toBeUndefined();
  });
});
