import { describe, expect, it } from 'vitest';
import { PeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { roundRobinSender, runEach, runRoundRobin, type InstanceSender } from '../../../main/core/load/instance-spread';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Three instances that count what reached them; the third answers slower, the second fails every other time. */
function instances() {
  const reached = [0, 0, 0];
  const senders: InstanceSender[] = [
    { instance: 'http://mcp-server-1:3000/mcp', send: async () => (reached[0]! += 1, await wait(1), { content: [] }) },
    {
      instance: 'http://mcp-server-2:3000/mcp',
      send: async () => {
        const n = (reached[1]! += 1);
        await wait(1);
        if (n % 2 === 0) throw new PeriscopeError({ kind: 'timeout', message: 'timed out', hint: 'h' });
        return { content: [] };
      },
    },
    { instance: 'http://mcp-server-3:3000/mcp', send: async () => (reached[2]! += 1, await wait(15), { content: [] }) },
  ];
  return { reached, senders };
}

describe('a run spread round-robin over a group\'s instances', () => {
  it('sends request i to instance i mod n, and counts each instance\'s requests, failures and latency', async () => {
    const { reached, senders } = instances();
    const result = await runRoundRobin(senders, { count: 30, concurrency: 3, warmup: 3 });
    // The warm-up reached the instances too (one each), but is counted nowhere.
    expect(reached).toEqual([11, 11, 11]);
    expect(result).toMatchObject({ count: 30, spread: 'round-robin', cancelled: false });
    const [one, two, three] = result.instances!;
    expect(one).toMatchObject({ instance: 'http://mcp-server-1:3000/mcp', count: 10, ok: 10, errors: {} });
    expect(two!.count).toBe(10);
    // Its 11 requests (one of them the warm-up's) failed every other time: 5 of the 10 measured.
    expect(two!.ok).toBe(5);
    expect(two!.errors.timeout!.count).toBe(5);
    expect(three).toMatchObject({ count: 10, ok: 10 });
    // The whole: every instance's requests and failures, the same kinds.
    expect(result.ok).toBe(one!.ok + two!.ok + three!.ok);
    expect(result.errors.timeout!.count).toBe(two!.errors.timeout!.count);
    // The slow instance stands out in its own figures.
    expect(three!.latency!.p50).toBeGreaterThanOrEqual(14);
    expect(one!.latency!.p50).toBeLessThan(three!.latency!.p50);
    // Throughput: each instance's share over the run's duration adds up to the run's.
    const sum = result.instances!.reduce((n, f) => n + f.throughputPerS, 0);
    expect(sum).toBeCloseTo(result.throughputPerS, 6);
  });

  it('forgets what it counted on reset, and refuses an empty group', async () => {
    const { senders } = instances();
    const spread = roundRobinSender(senders);
    await spread.send();
    await spread.send();
    expect(spread.figures(1000).map((f) => f.count)).toEqual([1, 1, 0]);
    spread.reset();
    await spread.send();
    expect(spread.figures(1000).map((f) => f.count)).toEqual([1, 0, 0]);
    expect(spread.figures(1000)[0]!.throughputPerS).toBe(1);
    expect(() => roundRobinSender([])).toThrow(RangeError);
  });

  it('hands a failure on to the runner with its own kind, and an isError result as a tool error', async () => {
    const spread = roundRobinSender([
      { instance: 'a', send: async () => ({ isError: true, content: [] }) },
      { instance: 'b', send: async () => Promise.reject(new PeriscopeError({ kind: 'refused', message: 'refused', hint: 'h' })) },
    ]);
    await expect(spread.send()).resolves.toMatchObject({ isError: true });
    await expect(spread.send()).rejects.toMatchObject({ info: { kind: 'refused' } });
    expect(spread.figures(1).map((f) => Object.keys(f.errors))).toEqual([['tool-error'], ['refused']]);
  });
});

describe('a run on each instance in turn', () => {
  it('runs the whole plan on every instance, one after the other, and reports each', async () => {
    const { reached, senders } = instances();
    const started: string[] = [];
    const result = await runEach(senders, { count: 6, concurrency: 2 }, { onInstance: (instance) => started.push(instance) });
    expect(reached).toEqual([6, 6, 6]);
    expect(started).toEqual(senders.map((s) => s.instance));
    expect(result).toMatchObject({ count: 18, spread: 'each', cancelled: false });
    expect(result.instances!.map((f) => [f.count, f.ok])).toEqual([[6, 6], [6, 3], [6, 6]]);
    expect(result.errors).toEqual({ timeout: { count: 3, example: 'timed out' } });
    expect(result.latency!.max).toBeGreaterThanOrEqual(14);
  });

  it('runs no further instance once stopped', async () => {
    const { reached, senders } = instances();
    const stop = new AbortController();
    const result = await runEach(senders, { durationMs: 10_000, concurrency: 1 }, { signal: stop.signal, onInstance: (_i, index) => index === 0 && setTimeout(() => stop.abort(), 30) });
    expect(result.cancelled).toBe(true);
    expect(result.instances).toHaveLength(1);
    expect(reached[1]).toBe(0);
    expect(reached[2]).toBe(0);
  });
});
