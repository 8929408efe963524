import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SetupPhase } from '../../../shared/model/connection';

/** The connect's clock, moved by the test: the timer reads it at start() and finish(). */
const clock = vi.hoisted(() => ({ now: 0 }));
vi.mock('../../../main/core/capture/clock', () => ({ monoNow: () => clock.now }));

const { SetupTimer } = await import('../../../main/core/connections/setup-timer');
const { TraceBus } = await import('../../../main/core/capture/trace-bus');
const { Redactor } = await import('../../../main/core/capture/redaction');

/** Float noise of adding two numbers already rounded to microseconds (the figures are in ms). */
const FLOAT_NOISE = 1e-9;

/** A deterministic stream of fractions in [0, 1): the same timelines on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

interface Timeline {
  startedAt: number;
  lookedUpAt?: number;
  connectedAt: number;
  securedAt?: number;
  sent: number;
  headers: number;
  answeredAt: number;
  finishedAt: number;
}

/** One connect's events, each a sub-microsecond-precise time after the previous. */
function randomTimeline(random: () => number, withDns: boolean, withTls: boolean): Timeline {
  let t = 1_764_000_000_000 + random() * 1_000;
  const next = () => (t += random() * 5);
  const startedAt = next();
  const lookedUpAt = withDns ? next() : undefined;
  const connectedAt = next();
  const securedAt = withTls ? next() : undefined;
  // The request is written once the socket is ready (and, rarely, stamped a hair before it).
  const sent = (securedAt ?? connectedAt) + (random() < 0.5 ? 0 : random() * 0.002 - 0.001);
  const headers = next();
  const answeredAt = next();
  return { startedAt, lookedUpAt, connectedAt, securedAt, sent, headers, answeredAt, finishedAt: next() };
}

/** The phases one connect gets; the connect begins at `connectAt` (by default just before the socket). */
function phasesOf(timeline: Timeline, connectAt = timeline.startedAt - 0.0003) {
  const bus = new TraceBus('setup', new Redactor());
  const timer = new SetupTimer(bus);
  clock.now = connectAt;
  timer.start();
  timer.onSocket({
    origin: timeline.securedAt === undefined ? 'http://127.0.0.1:1' : 'https://127.0.0.1:1',
    remoteAddress: '127.0.0.1',
    startedAt: timeline.startedAt,
    lookedUpAt: timeline.lookedUpAt,
    connectedAt: timeline.connectedAt,
    securedAt: timeline.securedAt,
  });
  const request = bus.emit({ type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: 0, method: 'initialize', size: 2, message: {}, monoTime: timeline.sent });
  bus.emit({
    type: 'http',
    exchangeId: 'x1',
    phase: 'headers',
    method: 'POST',
    url: 'http://127.0.0.1:1/mcp',
    status: 200,
    requestHeaders: {},
    timings: { sent: timeline.sent, headers: timeline.headers },
  });
  bus.emit({ type: 'message', direction: 'incoming', messageKind: 'response', rpcId: 0, size: 2, message: {}, requestSeq: request.seq, monoTime: timeline.answeredAt });
  clock.now = timeline.finishedAt;
  return timer.finish('streamable')!;
}

const end = (p: SetupPhase) => p.startMs + p.durationMs;

describe('the connection set-up phases', () => {
  beforeEach(() => {
    clock.now = 0;
  });

  it('tile without a gap or an overlap: each network phase starts exactly where the one before it ends', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 3_000; i++) {
      const setup = phasesOf(randomTimeline(random, i % 2 === 0, i % 3 === 0));
      const network = setup.phases.filter((p) => p.phase !== 'handshake');
      for (let k = 1; k < network.length; k++) {
        const [before, after] = [network[k - 1]!, network[k]!];
        if (after.phase === 'first-byte') expect(after.startMs, `${after.phase} after ${before.phase}`).toBeGreaterThanOrEqual(end(before) - FLOAT_NOISE);
        else expect(Math.abs(after.startMs - end(before)), `${after.phase} after ${before.phase}`).toBeLessThanOrEqual(FLOAT_NOISE);
      }
      for (const p of setup.phases) {
        expect(p.durationMs, p.phase).toBeGreaterThanOrEqual(0);
        expect(end(p), p.phase).toBeLessThanOrEqual(setup.totalMs + FLOAT_NOISE);
      }
    }
  });

  it('round each bound to the microsecond: a socket up at 1.0012 ms ends TCP at 1.001, where the first byte starts', () => {
    // Rounded on their own, the start (0.0006 → 0.001) and the duration (1.0006 → 1.001) would end TCP at 1.002.
    const setup = phasesOf({ startedAt: 1000.0006, connectedAt: 1001.0012, sent: 1001.0012, headers: 1003.0001, answeredAt: 1003.5, finishedAt: 1004 }, 1000);
    expect(setup.phases).toEqual([
      { phase: 'tcp', startMs: 0.001, durationMs: 1, detail: '127.0.0.1' },
      { phase: 'first-byte', startMs: 1.001, durationMs: 1.999 },
      { phase: 'handshake', startMs: 1.001, durationMs: 2.499, detail: 'initialize' },
    ]);
    expect(setup.totalMs).toBe(4);
  });
});
