import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingFetch } from '../../../main/core/capture/recording-fetch';
import { Redactor } from '../../../main/core/capture/redaction';
import { SharedSignalFollower } from '../../../main/core/capture/request-signal';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import { warningsDuring } from '../../support/node-warnings';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/sse') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: {"jsonrpc":"2.0","method":"a"}\n\n');
      return;
    }
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 5_000);
    if (req.url === '/brief') return void setTimeout(() => res.end('{}'), 100);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('one signal per request, following the caller’s long-lived one', () => {
  it('many exchanges in flight at once on one shared signal make Node print no warning (a load run at 40 in flight)', async () => {
    const shared = new AbortController();
    const recordingFetch = createRecordingFetch(new TraceBus('c', new Redactor()), new Redactor());
    const warnings = await warningsDuring(() =>
      Promise.all(Array.from({ length: 40 }, () => recordingFetch(`${base}/brief`, { method: 'POST', body: '{}', signal: shared.signal }).then((r) => r.text()))),
    );
    expect(warnings).toEqual([]);
    // And none left behind once they are over but undici's from the first exchange.
    expect(getEventListeners(shared.signal, 'abort').length).toBeLessThanOrEqual(1);
  });

  it('leaves no listener on the shared signal once each exchange is over (JSON, event stream, failure), whatever many', async () => {
    const shared = new AbortController();
    const recordingFetch = createRecordingFetch(new TraceBus('c', new Redactor()), new Redactor());
    for (let i = 0; i < 60; i++) {
      const path = i % 3 === 0 ? '/sse' : '/json';
      const response = await recordingFetch(`${base}${path}`, { method: 'POST', body: '{}', signal: shared.signal });
      await response.text();
    }
    await recordingFetch('http://127.0.0.1:9/refused', { signal: shared.signal }).catch(() => undefined);
    // The clone read by capture ends a moment after the caller's: let it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // At most undici's own from the first exchange (the signal was not known to be shared yet),
    // which it drops at garbage collection; none per exchange.
    expect(getEventListeners(shared.signal, 'abort').length).toBeLessThanOrEqual(1);
  });

  it('an abort of the shared signal still aborts the request in flight, with the same reason', async () => {
    const shared = new AbortController();
    const recordingFetch = createRecordingFetch(new TraceBus('c', new Redactor()), new Redactor());
    const pending = recordingFetch(`${base}/slow`, { signal: shared.signal }).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.name : String(error)),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(1);
    shared.abort(new DOMException('transport closed', 'AbortError'));
    expect(await pending).toBe('AbortError');
  });

  it('follows a shared signal aborted before the request, and needs none', () => {
    const done = new AbortController();
    done.abort('gone');
    const signals = new SharedSignalFollower();
    signals.follow(done.signal);
    const followed = signals.follow(done.signal);
    expect(followed.signal!.aborted).toBe(true);
    expect(followed.signal!.reason).toBe('gone');
    expect(signals.follow(undefined).signal).toBeUndefined();
  });

  it('a signal passed once (the 2026-07-28 requests each have their own) reaches the network as it is; one passed again is followed', async () => {
    const given: Array<AbortSignal | null | undefined> = [];
    const baseFetch = ((input: string | URL | Request, init?: RequestInit) => {
      given.push(init?.signal);
      return fetch(input, init);
    }) as typeof fetch;
    const recordingFetch = createRecordingFetch(new TraceBus('c', new Redactor()), new Redactor(), { baseFetch });
    const own = [new AbortController(), new AbortController(), new AbortController()];
    for (const controller of own) await (await recordingFetch(`${base}/json`, { method: 'POST', body: '{}', signal: controller.signal })).text();
    expect(given).toEqual(own.map((controller) => controller.signal));

    const shared = new AbortController();
    given.length = 0;
    await (await recordingFetch(`${base}/json`, { method: 'POST', body: '{}', signal: shared.signal })).text();
    const pending = recordingFetch(`${base}/slow`, { signal: shared.signal }).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.name : String(error)),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(given[0]).toBe(shared.signal);
    // The second time, undici gets a signal of the exchange's own that follows the shared one.
    expect(given[1]).not.toBe(shared.signal);
    expect(given[1]!.aborted).toBe(false);
    shared.abort(new DOMException('transport closed', 'AbortError'));
    expect(given[1]!.aborted).toBe(true);
    expect(await pending).toBe('AbortError');
  });
});
