import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingFetch } from '../../../main/core/capture/recording-fetch';
import { Redactor } from '../../../main/core/capture/redaction';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import { valueDepth } from '../../../shared/json/json-depth';
import type { HttpEntry, TraceEntry } from '../../../shared/model/trace';
import { findLeaks, jsonUnicodeEscaped } from '../../support/secret-leaks';

const SECRET = 'sk+/=ü"split-7731';
/** One SSE event carrying the secret percent-encoded in its id and JSON-escaped (\u, \/) in its data. */
const EVENT = `id: ${encodeURIComponent(SECRET)}-1\nevent: message\ndata: {"jsonrpc":"2.0","method":"m","params":{"a":"${jsonUnicodeEscaped(SECRET)}","b":"${JSON.stringify(SECRET).slice(1, -1).replace(/\//g, '\\/')}"}}\n\n`;
const CAP = 4096;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.socket?.setNoDelay(true);
    if (url.pathname === '/split') {
      // The event in two writes, cut at `at`: the two pieces reach the client as separate chunks.
      const at = Number(url.searchParams.get('at'));
      const bytes = Buffer.from(EVENT, 'utf8');
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(bytes.subarray(0, at));
      setTimeout(() => res.end(bytes.subarray(at)), 2);
      return;
    }
    // A body whose cap falls inside the secret, at every offset the test asks for.
    const offset = Number(url.searchParams.get('offset'));
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`${'a'.repeat(CAP - offset)}${SECRET} and more after it`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function recorder() {
  const redactor = new Redactor({ secretValues: [SECRET] });
  const bus = new TraceBus('conn-boundaries', redactor);
  const entries: TraceEntry[] = [];
  bus.subscribe((e) => entries.push(e));
  return { fetch: createRecordingFetch(bus, redactor, { bodyCapBytes: CAP }), entries };
}

describe('a secret straddling a boundary is masked whole', () => {
  it('SSE: the event split into two network chunks at every byte position', async () => {
    const length = Buffer.byteLength(EVENT, 'utf8');
    for (let at = 1; at < length; at++) {
      const { fetch, entries } = recorder();
      await (await fetch(`${base}/split?at=${at}`)).text();
      const events = entries.filter((e) => e.type === 'sse-event');
      expect(events, `split at ${at}`).toHaveLength(1);
      expect(findLeaks(JSON.stringify(entries), [SECRET]), `split at ${at}`).toEqual([]);
      expect(events[0]).toMatchObject({ eventId: '[redacted]-1' });
    }
    // One real HTTP exchange per byte position: seconds on a busy machine.
  }, 30_000);

  it('an HTTP body whose cap falls anywhere inside the secret shows no part of it', async () => {
    for (let offset = 0; offset <= Buffer.byteLength(SECRET, 'utf8'); offset++) {
      const { fetch, entries } = recorder();
      await (await fetch(`${base}/capped?offset=${offset}`)).text();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const complete = entries.find((e): e is HttpEntry => e.type === 'http' && e.phase === 'complete');
      const body = complete?.responseBody ?? '';
      expect(body.length, `offset ${offset}`).toBeGreaterThan(CAP - 20);
      // Not even its first few characters (a half-shown secret is a leak too).
      expect(body.includes(SECRET.slice(0, 4)), `offset ${offset}: ${body.slice(-20)}`).toBe(false);
    }
  });
});

describe('redaction of values nested deeper than it walks', () => {
  it('masks a secret at the bottom of a 100,000-level value and keeps the whole structure', () => {
    const redactor = new Redactor({ secretValues: ['deep-secret-9f8e7d'] });
    let value: unknown = { token: 'deep-secret-9f8e7d', other: 'kept' };
    for (let i = 0; i < 100_000; i++) value = { child: value };
    const masked = redactor.value(value) as Record<string, unknown>;
    expect(valueDepth(masked)).toBe(valueDepth(value));
    let bottom: unknown = masked;
    while ((bottom as { child?: unknown }).child) bottom = (bottom as { child: unknown }).child;
    expect(bottom).toEqual({ token: '[redacted]', other: 'kept' });
    // A deep value without a secret comes back as the very same object (nothing copied).
    let clean: unknown = { other: 'kept' };
    for (let i = 0; i < 1_000; i++) clean = { child: clean };
    expect(redactor.value(clean)).toBe(clean);
  });
});

describe('the mask of a base64 credential stops at the text around it', () => {
  const token = Buffer.from('ada:s3cr3t-value-123').toString('base64');
  // A percent escape just before the token (its hex digits are base64 characters too) stays whole.
  for (const escape of ['%20', '%3A', '%3d', '%2C', '%0A', '%09']) {
    it(`Basic${escape}<token>: the escape is kept, the token masked`, () => {
      const redactor = new Redactor();
      redactor.headers({ Authorization: `Basic ${token}` });
      const echoed = `echo=Basic${escape}${encodeURIComponent(token)}&next=1`;
      expect(redactor.text(echoed)).toBe(`echo=Basic${escape}[redacted]&next=1`);
    });
  }
});
