import { afterEach, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { TraceEntry } from '../../../shared/model';
import { EventBatcher } from '../../../main/core/service/event-batcher';

function entry(connectionId: string, seq: number): TraceEntry {
  return { type: 'stderr', seq, connectionId, wallTime: Date.now(), monoTime: performance.now(), line: `line ${seq}` };
}

const info = (connectionId: string) => ({ connectionId, label: connectionId, state: 'connected' as const, warnings: [] });

let batcher: EventBatcher | undefined;
afterEach(() => batcher?.dispose());

describe('EventBatcher', () => {
  it('sends a burst of entries as one message with one trace event per connection', async () => {
    const sent: MainEvent[][] = [];
    batcher = new EventBatcher({ send: (events) => sent.push(events) });
    for (let i = 1; i <= 5000; i++) batcher.trace(entry(i % 2 ? 'a' : 'b', i));
    expect(sent).toHaveLength(0); // nothing goes out synchronously, per entry
    await new Promise((r) => setTimeout(r, 40));
    expect(sent).toHaveLength(1);
    expect(sent[0].map((e) => e.type === 'trace' && [e.connectionId, e.entries.length])).toEqual([
      ['a', 2500],
      ['b', 2500],
    ]);
  });

  it('keeps a state change between the entries that came before and after it', () => {
    const sent: MainEvent[][] = [];
    batcher = new EventBatcher({ send: (events) => sent.push(events) });
    batcher.trace(entry('a', 1));
    batcher.event({ type: 'connection-state', info: info('a') });
    batcher.trace(entry('a', 2));
    batcher.trace(entry('a', 3));
    batcher.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0].map((e) => (e.type === 'trace' ? e.entries.map((x) => x.seq) : e.type))).toEqual([[1], 'connection-state', [2, 3]]);
  });

  it('sends at most about one message per frame while entries keep coming', async () => {
    const sent: MainEvent[][] = [];
    batcher = new EventBatcher({ send: (events) => sent.push(events), intervalMs: 16 });
    let seq = 0;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        for (let i = 0; i < 20; i++) batcher!.trace(entry('a', ++seq));
        if (performance.now() - start > 200) {
          clearInterval(tick);
          resolve();
        }
      }, 1);
    });
    batcher.flush();
    const elapsed = performance.now() - start;
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(elapsed / 16) + 2);
    expect(sent.length).toBeGreaterThan(2); // and it does not hold everything back either
    const delivered = sent.flat().flatMap((e) => (e.type === 'trace' ? e.entries.map((x) => x.seq) : []));
    expect(delivered).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
  });

  it('flush sends nothing when nothing is queued, and dispose drops what is queued', async () => {
    const sent: MainEvent[][] = [];
    batcher = new EventBatcher({ send: (events) => sent.push(events) });
    batcher.flush();
    batcher.event({ type: 'remotes-changed' });
    batcher.dispose();
    await new Promise((r) => setTimeout(r, 30));
    expect(sent).toEqual([]);
  });
});
