import { describe, expect, it } from 'vitest';
import type { TransportKind } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { HttpEntry } from '../../../shared/model/trace';
import { detectTransport, type DetectionSteps } from '../../../main/core/connections/auto-detect';
import type { LiveSession } from '../../../main/core/connections/connection-attempt';

/** Scripted attempts: each transport either connects or fails with a given HTTP answer. */
function steps(script: Partial<Record<TransportKind, { status?: number; method?: string; kind?: ErrorInfo['kind'] } | 'ok'>>): DetectionSteps<LiveSession> & { tried: TransportKind[] } {
  let failed: HttpEntry | undefined;
  const tried: TransportKind[] = [];
  return {
    tried,
    async attempt(kind) {
      tried.push(kind);
      const outcome = script[kind];
      if (outcome === 'ok') return { kind } as LiveSession;
      failed = outcome?.status ? ({ method: outcome.method ?? 'POST', status: outcome.status } as HttpEntry) : undefined;
      throw new Error(`${kind} failed`);
    },
    async classify(_error, kind) {
      const outcome = script[kind];
      const k = outcome !== 'ok' && outcome?.kind ? outcome.kind : 'http-status';
      return { kind: k, message: `${kind} said no`, hint: 'h' };
    },
    failedHttp: () => failed,
    resetEvidence: () => (failed = undefined),
  };
}

const http = new URL('http://127.0.0.1:1234/mcp');

describe('detectTransport', () => {
  it('ws:// and wss:// go straight to WebSocket', async () => {
    for (const url of ['ws://127.0.0.1/ws', 'wss://127.0.0.1/ws']) {
      const s = steps({ websocket: 'ok' });
      const result = await detectTransport(new URL(url), s);
      expect(result.ok && result.detection.chosen).toBe('websocket');
      expect(s.tried).toEqual(['websocket']);
    }
  });

  it('uses Streamable HTTP when the POST works', async () => {
    const s = steps({ streamable: 'ok' });
    const result = await detectTransport(http, s);
    expect(result.ok && result.detection).toMatchObject({ chosen: 'streamable', attempts: [{ outcome: 'ok' }, { outcome: 'skipped' }] });
    expect(s.tried).toEqual(['streamable']);
  });

  for (const status of [400, 404, 405]) {
    it(`falls back to SSE on ${status} to the POST and says to migrate`, async () => {
      const s = steps({ streamable: { status }, sse: 'ok' });
      const result = await detectTransport(http, s);
      expect(result.ok).toBe(true);
      expect(result.detection.chosen).toBe('sse');
      expect(result.detection.explanation).toBe(
        `The server answered ${status} to the Streamable HTTP POST; it spoke legacy HTTP+SSE. Consider migrating it to Streamable HTTP (SSE is deprecated since MCP 2025-03-26).`,
      );
    });
  }

  for (const status of [401, 403, 500, 502]) {
    it(`does not try SSE after ${status}: that is not how an SSE-only server answers`, async () => {
      const s = steps({ streamable: { status }, sse: 'ok' });
      const result = await detectTransport(http, s);
      expect(result.ok).toBe(false);
      expect(s.tried).toEqual(['streamable']);
      expect(result.detection.attempts[1]).toEqual({ transport: 'sse', outcome: 'skipped', reason: `a ${status} is not what an SSE-only server answers` });
    });
  }

  it('does not try SSE after a network failure', async () => {
    const s = steps({ streamable: { kind: 'refused' } });
    const result = await detectTransport(http, s);
    expect(!result.ok && result.error.kind).toBe('refused');
    expect(s.tried).toEqual(['streamable']);
  });

  it('when both fail, reports the Streamable HTTP error unless the SSE GET got further (auth, timeout, protocol)', async () => {
    const plain = await detectTransport(http, steps({ streamable: { status: 404, kind: 'not-mcp' }, sse: { status: 404, method: 'GET', kind: 'not-mcp' } }));
    expect(!plain.ok && plain.error.message).toBe('streamable said no');
    const further = await detectTransport(http, steps({ streamable: { status: 405 }, sse: { kind: 'auth' } }));
    expect(!further.ok && further.error).toMatchObject({ kind: 'auth', message: 'sse said no' });
    expect(further.detection.chosen).toBe('sse');
  });
});
