import { describe, expect, it, vi } from 'vitest';
import { PeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { runLoad } from '../../../main/core/load/load-run';
import { warningsDuring } from '../../support/node-warnings';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('load runs', () => {
  it('sends exactly N measured requests at concurrency C, after a warm-up that is not counted', async () => {
    let sent = 0;
    let inFlight = 0;
    let most = 0;
    const result = await runLoad(
      async () => {
        sent += 1;
        most = Math.max(most, ++inFlight);
        await wait(2);
        inFlight -= 1;
        return { content: [] };
      },
      { count: 40, concurrency: 4, warmup: 8 },
    );
    expect(sent).toBe(48);
    expect(most).toBe(4);
    expect(result).toMatchObject({ count: 40, ok: 40, errors: {}, cancelled: false });
    // Node timers fire no earlier than 1 ms; the latency is what the request took.
    expect(result.latency!.min).toBeGreaterThanOrEqual(1);
    expect(result.throughputPerS).toBeGreaterThan(0);
  });

  it('counts failures by kind with an example of each: an engine error by its kind, an isError result, anything else', async () => {
    let i = 0;
    const result = await runLoad(
      async () => {
        i += 1;
        if (i % 3 === 0) throw new PeriscopeError({ kind: 'timeout', message: `request ${i} timed out after 50 ms`, hint: 'h' });
        if (i % 3 === 1) return { isError: true, content: [] };
        throw new Error('socket hang up');
      },
      { count: 9, concurrency: 1 },
    );
    expect(result.ok).toBe(0);
    expect(result.errors).toEqual({
      'tool-error': { count: 3, example: 'the tool answered with isError: true' },
      error: { count: 3, example: 'socket hang up' },
      timeout: { count: 3, example: 'request 3 timed out after 50 ms' },
    });
    expect(result.latency).toBeDefined();
  });

  it('at a fixed rate, latency counts from when a request was due: a stall shows in every request queued behind it', async () => {
    // One worker, 100 requests/s, the 5th answer stalls 300 ms: 30 requests due in that time wait.
    const stallOnce = () => {
      let n = 0;
      return async () => {
        n += 1;
        if (n === 5) await wait(300);
        return {};
      };
    };
    const paced = await runLoad(stallOnce(), { count: 60, concurrency: 1, ratePerS: 100 });
    const closedLoop = await runLoad(stallOnce(), { count: 60, concurrency: 1 });
    // Measured from the send, the stall is one slow request in 60 (p90 stays small)...
    expect(closedLoop.latency!.p90).toBeLessThan(50);
    // ...measured from when each was due, a third of the run waited behind it.
    expect(paced.latency!.p90).toBeGreaterThan(100);
    expect(paced.latency!.max).toBeGreaterThanOrEqual(290);
  });

  // Workers claim a request ahead of its due time; those due after the duration must not go.
  it('at a fixed rate for a duration sends exactly the requests due within it, however many workers wait', async () => {
    const run = await runLoad(async () => wait(50), { durationMs: 200, concurrency: 64, ratePerS: 100 });
    expect(run.count).toBe(20);
  });

  it('runs for a duration, and a cancel keeps what ran', async () => {
    const timed = await runLoad(async () => wait(5), { durationMs: 120, concurrency: 2 });
    expect(timed.count).toBeGreaterThan(10);
    expect(timed.durationMs).toBeGreaterThanOrEqual(110);
    expect(timed.durationMs).toBeLessThan(400);

    const controller = new AbortController();
    const progress: number[] = [];
    const stopped = await runLoad(async () => wait(5), { count: 10_000, concurrency: 3 }, { signal: controller.signal, onProgress: (p) => (progress.push(p.done), p.done === 20 && controller.abort()) });
    expect(stopped.cancelled).toBe(true);
    expect(stopped.count).toBeGreaterThanOrEqual(20);
    expect(stopped.count).toBeLessThan(30);
    expect(progress[0]).toBe(1);
  });

  it('starts no more workers than the count has requests, so a huge concurrency with a small count just runs', async () => {
    let sent = 0;
    const result = await runLoad(async () => void (sent += 1), { count: 3, concurrency: 2 ** 40 });
    expect(sent).toBe(3);
    expect(result).toMatchObject({ count: 3, ok: 3 });
  });

  it('waits for a request due later than the longest timer the runtime can set, instead of sending it at once', async () => {
    vi.useFakeTimers();
    try {
      let sent = 0;
      const controller = new AbortController();
      // One request every 1e9 s: the second is due far past setTimeout's 2^31 - 1 ms.
      const running = runLoad(async () => void (sent += 1), { count: 2, concurrency: 1, ratePerS: 1e-9 }, { signal: controller.signal });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(sent).toBe(1);
      controller.abort();
      expect(await running).toMatchObject({ count: 1, cancelled: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a plan that cannot run, before sending anything', async () => {
    let sent = 0;
    const send = async () => void (sent += 1);
    await expect(runLoad(send, { concurrency: 1 })).rejects.toThrow('a load run needs a request count or a duration');
    await expect(runLoad(send, { count: 5, concurrency: 0 })).rejects.toThrow(RangeError);
    await expect(runLoad(send, { count: 0, concurrency: 1 })).rejects.toThrow(RangeError);
    await expect(runLoad(send, { count: 5, concurrency: 1, ratePerS: 0 })).rejects.toThrow(RangeError);
    await expect(runLoad(send, { durationMs: -1, concurrency: 1 })).rejects.toThrow(RangeError);
    expect(sent).toBe(0);
  });
});

describe('a load run at a fixed rate', () => {
  it('with many workers waiting for their due time on the run’s signal, Node prints no warning', async () => {
    const controller = new AbortController();
    const warnings = await warningsDuring(() => runLoad(async () => undefined, { count: 64, concurrency: 32, ratePerS: 400 }, { signal: controller.signal }));
    expect(warnings).toEqual([]);
  });
});
