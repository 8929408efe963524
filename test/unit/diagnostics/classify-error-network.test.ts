import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { probeCertificate } from '../../../main/core/diagnostics/certificate-probe';
import { toErrorInfo } from '../../../main/core/diagnostics/classify-error';
import { type HttpsFixture, type HttpsFixtureKind, startHttpsFixture } from '../../fixtures/tls/https-fixture';
import { cliHint } from '../../../main/cli/fix-options';
import { createRecordingFetch } from '../../../main/core/capture/recording-fetch';
import { Redactor } from '../../../main/core/capture/redaction';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import type { HttpEntry } from '../../../shared/model/trace';
import { refusedPort } from '../../support/refused-port';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

async function fixture(kind: HttpsFixtureKind): Promise<HttpsFixture> {
  const started = await startHttpsFixture(kind);
  cleanups.push(() => started.close());
  return started;
}

describe('toErrorInfo on real network failures', () => {
  it('refused: names host and port, asks whether the server runs', async () => {
    const port = await refusedPort();
    const url = `http://127.0.0.1:${port}/mcp`;
    const info = toErrorInfo(await caught(fetch(url)), { url });
    expect(info.kind).toBe('refused');
    expect(info.message).toBe(`Connection refused by 127.0.0.1:${port}: nothing is listening on that port`);
    expect(info.hint).toContain('is the server running? check the port');
  });

  it('refused inside an AggregateError (both address families failed)', async () => {
    const port = await refusedPort();
    const inner = await caught(fetch(`http://127.0.0.1:${port}/`));
    const aggregate = new AggregateError([(inner as Error).cause], 'connect failed');
    expect(toErrorInfo(aggregate, { url: `http://localhost:${port}/` }).kind).toBe('refused');
  });

  it('dns: a .invalid host says to check the spelling', async () => {
    const url = 'http://no-such-server.invalid/mcp';
    const info = toErrorInfo(await caught(fetch(url)), { url });
    expect(info.kind).toBe('dns');
    expect(info.message).toContain('"no-such-server.invalid" does not exist');
    expect(info.hint).toContain('spelling');
  });

  it('tls: self-signed, with the certificate named when probed', async () => {
    const { url } = await fixture('self-signed');
    const certificate = await probeCertificate(url);
    const info = toErrorInfo(await caught(fetch(url)), { url, certificate });
    expect(info.kind).toBe('tls');
    expect(info.message).toContain('self-signed certificate (subject CN=localhost, issued by CN=localhost');
    expect(info.hint).toBe('add its CA certificate file or, for testing only, accepting invalid certificates skips the check');
    expect(info.fixes?.map((f) => f.field)).toEqual(['tls.caFiles', 'tls.acceptInvalidCertificates']);
    expect(cliHint(info)).toContain('(--ca <file> or --insecure)');
    expect(info.detail).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', certificate: { selfSigned: true } });
  });

  it('tls: expired, with the expiry date', async () => {
    const { url, caFile } = await fixture('expired');
    const dispatcher = new Agent({ connect: { ca: readFileSync(caFile) } });
    cleanups.push(() => dispatcher.close());
    const certificate = await probeCertificate(url);
    const info = toErrorInfo(await caught(undiciFetch(url, { dispatcher })), { url, certificate });
    expect(info.kind).toBe('tls');
    expect(info.message).toContain('has expired on 2021-01-01T00:00:00.000Z');
    expect(info.hint).toContain('clock');
    expect(info.detail).toMatchObject({ code: 'CERT_HAS_EXPIRED' });
  });

  it('tls: wrong host name, listing the names the certificate covers (from the error itself)', async () => {
    const { url, caFile } = await fixture('wrong-host');
    const dispatcher = new Agent({ connect: { ca: readFileSync(caFile) } });
    cleanups.push(() => dispatcher.close());
    const info = toErrorInfo(await caught(undiciFetch(url, { dispatcher })), { url });
    expect(info.kind).toBe('tls');
    expect(info.message).toContain('not valid for the host name "127.0.0.1": it covers DNS:wrong.example');
    expect(info.detail).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID', certificate: { subject: 'CN=wrong.example' } });
  });

  it('tls: a private CA the machine does not trust', async () => {
    const { url } = await fixture('ca-signed');
    const info = toErrorInfo(await caught(fetch(url)), { url, certificate: await probeCertificate(url) });
    expect(info.kind).toBe('tls');
    expect(info.message).toContain('issued by CN=Periscope Test CA, is signed by a CA this computer does not trust');
    expect(info.fixes?.[0]?.field).toBe('tls.caFiles');
    expect(cliHint(info)).toContain('--ca <file>');
  });

  it('spawn: a missing stdio command', async () => {
    const child = spawn('periscope-no-such-command-xyz', ['--stdio']);
    const error = await new Promise((resolve) => child.once('error', resolve));
    const info = toErrorInfo(error, { transport: 'stdio' });
    expect(info.kind).toBe('spawn');
    expect(info.message).toBe('Could not start the stdio server: the command "periscope-no-such-command-xyz" was not found (ENOENT)');
    expect(info.hint).toContain('PATH');
  });

  it('auth over WebSocket: the upgrade answered 401, headers taken from the trace', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="ws"' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
    const error = await new Promise((resolve) => new WebSocket(url).once('error', resolve));
    const lastWebSocket = {
      seq: 1, connectionId: 'c', wallTime: 0, monoTime: 0, type: 'websocket' as const,
      event: 'upgrade' as const, status: 401, responseHeaders: { 'www-authenticate': 'Bearer realm="ws"' },
    };
    const info = toErrorInfo(error, { url, transport: 'websocket', lastWebSocket });
    expect(info.kind).toBe('auth');
    expect(info.message).toContain('answered 401 Unauthorized; it asks for Bearer (realm "ws")');
    expect(info.fixes?.[0]?.field).toBe('header:Authorization');
    expect(cliHint(info)).toContain("-H 'Authorization: Bearer <token>'");
  });
});

describe('toErrorInfo on ports fetch refuses to use', () => {
  const failedEntry = (url: string, error: HttpEntry['error']): HttpEntry => ({
    type: 'http', seq: 1, connectionId: 'c', wallTime: 0, monoTime: 0, exchangeId: 'x', method: 'GET', url, phase: 'failed', requestHeaders: {}, timings: { sent: 0 }, error,
  });

  it('explains a blocked port of the connection URL itself instead of "fetch failed"', async () => {
    const url = 'http://127.0.0.1:6000/mcp';
    const info = toErrorInfo(await caught(fetch(url)), { url });
    expect(info.kind).toBe('invalid-url');
    expect(info.message).toBe("Port 6000 of http://127.0.0.1:6000/mcp is on the Fetch standard's list of blocked ports, so HTTP clients refuse to connect to it");
    expect(info.hint).toBe('run the server on another port (for example 3000 or 8080)');
    expect(info.detail).toEqual({ url, port: '6000' });
  });

  // A connect also fetches URLs the server names (OAuth metadata, the token endpoint); the words
  // must name the request that was refused, whichever it was, not the connection's URL.
  for (const [name, blocked] of [
    ['protected resource metadata', 'http://127.0.0.1:6000/prm'],
    ['authorization server metadata', 'http://127.0.0.1:6665/.well-known/oauth-authorization-server'],
    ['a token endpoint', 'http://127.0.0.1:1/token'],
  ] as const) {
    it(`names the blocked port of ${name} fetched through the recording fetch, not the connection's port`, async () => {
      const connectionUrl = 'http://127.0.0.1:47101/rmblk/mcp';
      const recordingFetch = createRecordingFetch(new TraceBus('c', new Redactor()), new Redactor());
      const info = toErrorInfo(await caught(recordingFetch(blocked)), { url: connectionUrl });
      const port = new URL(blocked).port;
      expect(info.kind).toBe('invalid-url');
      expect(info.message).toBe(`Port ${port} of ${blocked} is on the Fetch standard's list of blocked ports, so HTTP clients refuse to connect to it`);
      expect(info.message).not.toContain('47101');
      expect(info.hint).toContain('the server sent this URL');
      expect(info.detail).toEqual({ url: blocked, port, connectionUrl });
    });
  }

  it('names the failed exchange of the trace when the error was not noted by the recording fetch', async () => {
    const connectionUrl = 'http://127.0.0.1:47101/rmblk/mcp';
    const blocked = 'http://127.0.0.1:6000/prm';
    const recorded = toErrorInfo(await caught(fetch(blocked)), { url: blocked });
    const info = toErrorInfo(await caught(fetch(blocked)), { url: connectionUrl, lastHttp: failedEntry(blocked, recorded) });
    expect(info.message).toContain(`Port 6000 of ${blocked} is on`);
    expect(info.detail).toMatchObject({ url: blocked, port: '6000' });
    // A last exchange that failed otherwise says nothing about this refusal.
    const refused = { kind: 'refused' as const, message: 'Connection refused', hint: 'start it' };
    const other = toErrorInfo(await caught(fetch(blocked)), { url: 'http://127.0.0.1:6666/mcp', lastHttp: failedEntry('http://127.0.0.1:47101/x', refused) });
    expect(other.detail).toEqual({ url: 'http://127.0.0.1:6666/mcp', port: '6666' });
  });
});
