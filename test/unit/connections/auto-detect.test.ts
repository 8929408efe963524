import { describe, expect, it } from 'vitest';
import type { TransportKind } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { HttpEntry } from '../../../shared/model/trace';
import { detectTransport, type DetectionSteps } from '../../../main/core/connections/auto-detect';
import type { LiveSession } from '../../../main/core/connections/connection-attempt';

/** Scripted attempts: each transport either connects or fails with a given HTTP answer. */
type Outcome = { status?: number; method?: string; kind?: ErrorInfo['kind']; authFlow?: { status?: number } };

function steps(script: Partial<Record<TransportKind, Outcome | 'ok'>>): DetectionSteps<LiveSession> & { tried: TransportKind[] } {
  let failed: HttpEntry | undefined;
  let authFlow: { status?: number } | undefined;
  const tried: TransportKind[] = [];
  return {
    tried,
    async attempt(kind) {
      tried.push(kind);
      const outcome = script[kind];
      if (outcome === 'ok') return { kind } as LiveSession;
      failed = outcome?.status ? ({ method: outcome.method ?? 'POST', status: outcome.status } as HttpEntry) : undefined;
      authFlow = outcome?.authFlow;
      throw new Error(`${kind} failed`);
    },
    async classify(_error, kind) {
      const outcome = script[kind];
      const k = outcome !== 'ok' && outcome?.kind ? outcome.kind : 'http-status';
      return { kind: k, message: `${kind} said no`, hint: 'h' };
    },
    failedHttp: () => failed,
    authFlow: () => authFlow,
    resetEvidence: () => {
      failed = undefined;
      authFlow = undefined;
    },
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

  // The OAuth flow's own requests come after the endpoint's refusal: its last failed POST (a
  // refused registration, a token request) says nothing about the transport.
  // `endpoint`: the status the detection must report, the endpoint's own answer.
  const refusals: Record<string, { outcome: Outcome; endpoint?: number }> = {
    'a 401 whose OAuth flow ended at a registration answered 404': { outcome: { status: 404, authFlow: { status: 401 } }, endpoint: 401 },
    'a 403 (insufficient_scope) whose OAuth flow ended at a token request answered 405': { outcome: { status: 405, authFlow: { status: 403 } }, endpoint: 403 },
    'an OAuth flow without a recorded challenge that ended at a 400': { outcome: { status: 400, authFlow: {} } },
    'a failure classified as auth after a 404': { outcome: { status: 404, kind: 'auth' }, endpoint: 404 },
  };
  for (const [name, { outcome, endpoint: status }] of Object.entries(refusals)) {
    it(`does not try SSE after ${name}: the OAuth flow runs once`, async () => {
      const s = steps({ streamable: outcome, sse: 'ok' });
      const result = await detectTransport(http, s);
      expect(result.ok).toBe(false);
      expect(s.tried).toEqual(['streamable']);
      expect(!result.ok && result.error.message).toBe('streamable said no');
      expect(result.detection.attempts).toEqual([
        { transport: 'streamable', outcome: 'failed', reason: status ? `POST answered ${status}` : 'streamable said no' },
        { transport: 'sse', outcome: 'skipped', reason: status === 401 || status === 403 ? `a ${status} is not what an SSE-only server answers` : 'an authorization failure is not what an SSE-only server answers' },
      ]);
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
