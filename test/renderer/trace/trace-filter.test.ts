import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../../shared/model/trace';
import { EMPTY_FILTER, filterIndices, isFilterActive, type TraceFilter } from '../../../renderer/trace/trace-filter';
import { SEARCH_TEXT_LIMIT } from '../../../renderer/trace/search-text';
import { TraceLog } from '../../../renderer/trace/trace-log';
import { makeEntries, makeHttpEntry } from '../support/make-entries';

const base = { connectionId: 'c1', wallTime: 1, monoTime: 1 };
function sample(): TraceEntry[] {
  return [
    { ...base, seq: 1, type: 'lifecycle', state: 'connecting', text: 'Connecting to playground' },
    { ...base, seq: 2, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: 1, method: 'tools/call', size: 10, message: { params: { name: 'Weather' } } },
    { ...base, seq: 3, type: 'message', direction: 'incoming', messageKind: 'response', rpcId: 1, requestSeq: 2, latencyMs: 4, size: 10, message: { result: { isError: true, content: [{ type: 'text', text: 'Boom' }] } } },
    { ...base, seq: 4, type: 'message', direction: 'incoming', messageKind: 'notification', method: 'notifications/progress', size: 10, message: {} },
    makeHttpEntry('c1', 5, 0, { status: 401, url: 'https://x.example/mcp' }),
    { ...base, seq: 6, type: 'sse-event', exchangeId: 'x5', size: 3, data: '{"hello":"SSE"}' },
    { ...base, seq: 7, type: 'stderr', line: 'warning: slow disk' },
    { ...base, seq: 8, type: 'websocket', event: 'close', closeCode: 1011, closeReason: 'server error' },
  ];
}

function run(filter: Partial<TraceFilter>, entries = sample()): number[] {
  const log = new TraceLog();
  log.append(entries);
  return filterIndices(log.entries, { ...EMPTY_FILTER, ...filter }, log).map((i) => log.entries[i].seq);
}

describe('trace filters', () => {
  it('keeps everything with the empty filter', () => {
    expect(run({})).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, text: 'x' })).toBe(true);
  });

  it('filters by direction; entries without one only show for "all"', () => {
    expect(run({ direction: 'outgoing' })).toEqual([2, 5]);
    expect(run({ direction: 'incoming' })).toEqual([3, 4, 6, 7]);
  });

  it('filters by transport kind and JSON-RPC kind, several at once', () => {
    expect(run({ kinds: ['http', 'sse'] })).toEqual([5, 6]);
    expect(run({ kinds: ['notification'] })).toEqual([4]);
    expect(run({ kinds: ['message'] })).toEqual([2, 3, 4]);
    expect(run({ kinds: ['stderr', 'lifecycle', 'websocket'] })).toEqual([1, 7, 8]);
  });

  it('matches the method case-insensitively, and a response by its request method', () => {
    expect(run({ method: 'TOOLS/CALL' })).toEqual([2, 3]);
    expect(run({ method: 'progress' })).toEqual([4]);
  });

  it('errors only: JSON-RPC errors, tool errors, HTTP >= 400, abnormal closes', () => {
    expect(run({ errorsOnly: true })).toEqual([3, 5, 8]);
  });

  it('searches payloads, headers and lines case-insensitively', () => {
    expect(run({ text: 'weather' })).toEqual([2]);
    expect(run({ text: 'hello' })).toEqual([6]);
    expect(run({ text: 'SLOW DISK' })).toEqual([7]);
    expect(run({ text: 'mcp-session-id' })).toEqual([5]);
    expect(run({ text: '  boom ' })).toEqual([3]);
  });

  it('combines criteria with AND', () => {
    expect(run({ direction: 'incoming', errorsOnly: true, text: 'boom' })).toEqual([3]);
    expect(run({ kinds: ['request'], errorsOnly: true })).toEqual([]);
  });

  it('continues incrementally from an index without rescanning', () => {
    const log = new TraceLog();
    const entries = makeEntries(30);
    log.append(entries.slice(0, 20));
    const filter = { ...EMPTY_FILTER, kinds: ['request' as const] };
    const indices = filterIndices(log.entries, filter, log);
    const before = indices.length;
    log.append(entries.slice(20));
    filterIndices(log.entries, filter, log, 20, indices);
    expect(indices).toEqual(filterIndices(log.entries, filter, log));
    expect(indices.length).toBeGreaterThan(before);
  });

  // Its speed is a benchmark figure (npm run bench: trace-view-filter-ms), never a timed test.
  it('filters 100,000 entries by text with warm search texts, finding exactly the matching ones', { timeout: 60_000 }, () => {
    const log = new TraceLog();
    const entries = makeEntries(100_000);
    log.append(entries);
    log.warmUp(Number.POSITIVE_INFINITY);
    const hits = filterIndices(log.entries, { ...EMPTY_FILTER, text: 'city 4242' }, log);
    const expected = entries.flatMap((e, i) => (JSON.stringify(e).toLowerCase().includes('city 4242') ? [i] : []));
    expect(expected.length).toBeGreaterThan(0);
    expect(hits).toEqual(expected);
  });
});

describe('TraceLog', () => {
  it('finds entries by seq and pairs requests with responses both ways', () => {
    const log = new TraceLog();
    log.append(sample());
    const request = log.bySeq(2)!;
    const response = log.bySeq(3)!;
    expect(log.pairOf(request)).toBe(response);
    expect(log.pairOf(response)).toBe(request);
    expect(log.pairOf(log.bySeq(4)!)).toBeUndefined();
    expect(log.bySeq(99)).toBeUndefined();
  });

  it('drops the oldest entries beyond its capacity and bumps its generation', () => {
    const log = new TraceLog(100);
    log.append(makeEntries(150));
    expect(log.length).toBe(90);
    expect(log.entries[0].seq).toBe(61);
    expect(log.generation).toBe(1);
    expect(log.bySeq(60)).toBeUndefined();
    expect(log.bySeq(61)).toBe(log.entries[0]);
  });

  it('warms search texts in slices within a time budget', () => {
    const log = new TraceLog();
    log.append(makeEntries(2000));
    let clock = 0;
    expect(log.warmUp(5, () => (clock += 1))).toBe(false);
    expect(log.warmUp(Number.POSITIVE_INFINITY)).toBe(true);
  });
});

describe('search text', () => {
  const big = (seq: number, size: number): TraceEntry => ({ ...base, seq, type: 'stderr', line: `START ${'x'.repeat(size)} THE END ${seq}` });

  it('searches a 5 MB entry to its very end', () => {
    const log = new TraceLog();
    log.append([big(1, 5_000_000), { ...base, seq: 2, type: 'stderr', line: 'small' }]);
    expect(filterIndices(log.entries, { ...EMPTY_FILTER, text: 'the end 1' }, log)).toEqual([0]);
    expect(log.partlySearched.size).toBe(0);
  });

  it('past the budget for big texts, cuts to the first megabyte and remembers which entries', () => {
    const log = new TraceLog(undefined, undefined, 6_000_000);
    log.append([big(1, 5_000_000), big(2, 5_000_000)]);
    // The first fits the budget and is searched whole; the second is searched in its first megabyte only.
    expect(filterIndices(log.entries, { ...EMPTY_FILTER, text: 'the end' }, log)).toEqual([0]);
    expect([...log.partlySearched]).toEqual([2]);
    expect(log.searchTextAt(1).length).toBe(SEARCH_TEXT_LIMIT);
  });
});
