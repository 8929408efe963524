import { lookup } from 'node:dns/promises';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../shared/model';
import { runDoctor } from '../../../main/core/doctor/run-doctor';
import { proxyForUrl } from '../../../main/core/doctor/proxy-env';
import { refusedPort } from '../../support/refused-port';

function layer(report: DoctorReport, id: string) {
  return report.layers.find((l) => l.layer === id)!;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('doctor: URL, DNS and TCP layers', () => {
  it('fails the URL layer with the diagnostics\' own words and skips every later layer, saying why', async () => {
    const report = await runDoctor({ target: { url: 'http//example.com/mcp', transport: 'auto' }, label: 'x' });
    expect(layer(report, 'url')).toMatchObject({ verdict: 'fail', errorKind: 'invalid-url' });
    expect(layer(report, 'url').finding).toMatch(/no scheme/);
    expect(report.layers.slice(1).every((l) => l.verdict === 'skipped' && l.finding === 'Not run: the URL layer failed')).toBe(true);
    expect(report).toMatchObject({ ok: false, firstFailure: 'url' });
  });

  it('an IP address needs no DNS; a closed port fails TCP as refused and stops the layers above it', async () => {
    const port = await refusedPort();
    const report = await runDoctor({ target: { url: `http://127.0.0.1:${port}/mcp`, transport: 'auto' }, label: 'closed' });
    expect(layer(report, 'dns')).toMatchObject({ verdict: 'pass', finding: '127.0.0.1 is an IPv4 address: nothing to resolve' });
    const tcp = layer(report, 'tcp');
    expect(tcp).toMatchObject({ verdict: 'fail', errorKind: 'refused' });
    expect(tcp.finding).toContain(`127.0.0.1:${port}`);
    expect(tcp.fix).toBeTruthy();
    expect(layer(report, 'tls').finding).toBe('Not run: the TCP layer failed');
    expect(layer(report, 'metrics').verdict).toBe('skipped');
    expect(report.firstFailure).toBe('tcp');
    for (const l of report.layers) expect(l.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports the order lookup returns for localhost and connects to the first address that accepts', async () => {
    const expected = await lookup('localhost', { all: true, verbatim: true });
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as { port: number };
    const report = await runDoctor({ target: { url: `http://localhost:${port}/mcp`, transport: 'auto' }, label: 'localhost', stepTimeoutMs: 2000 });
    const dns = layer(report, 'dns');
    expect(dns.verdict).toBe('pass');
    expect(dns.facts.addresses).toEqual(expected.map((a) => ({ address: a.address, family: a.family })));
    expect(dns.finding).toContain(`localhost resolves to ${expected.map((a) => a.address).join(', ')}`);
    expect(dns.finding).toMatch(new RegExp(`(IPv4|IPv6) \\(${expected[0]!.address.replace(/[.:]/g, '\\$&')}\\) is tried first`));
    const tcp = layer(report, 'tcp');
    // ::1 first and a server on 127.0.0.1 only: connected, but with a warning naming the refusal.
    expect(tcp.verdict).toBe(expected[0]!.address === '127.0.0.1' ? 'pass' : 'warn');
    expect(tcp.finding).toContain(`127.0.0.1:${port}`);
  });

  it('fails DNS for a name that does not exist', async () => {
    const report = await runDoctor({ target: { url: 'http://no-such-host.invalid/mcp', transport: 'auto' }, label: 'x', stepTimeoutMs: 5000 });
    expect(layer(report, 'dns')).toMatchObject({ verdict: 'fail', errorKind: 'dns' });
    expect(layer(report, 'dns').finding).toContain('no-such-host.invalid');
    expect(layer(report, 'tcp').finding).toBe('Not run: the DNS layer failed');
  });
});

describe('proxy variables', () => {
  const url = new URL('https://api.example.com/mcp');
  it('picks HTTPS_PROXY for https, lower case first, and honours NO_PROXY suffixes and ports', () => {
    expect(proxyForUrl(url, { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' })).toMatchObject({ proxy: 'http://lower:2', from: 'https_proxy' });
    expect(proxyForUrl(url, { HTTP_PROXY: 'http://p:1' })).toEqual({ variables: { HTTP_PROXY: 'http://p:1' } });
    expect(proxyForUrl(url, { ALL_PROXY: 'socks5://p:1', NO_PROXY: 'localhost,.example.com' })).toMatchObject({ proxy: 'socks5://p:1', exemptBy: '.example.com' });
    expect(proxyForUrl(url, { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'example.com:8443' }).exemptBy).toBeUndefined();
    expect(proxyForUrl(url, { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'example.com:443' }).exemptBy).toBe('example.com:443');
    expect(proxyForUrl(url, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*' }).exemptBy).toBe('*');
    expect(proxyForUrl(new URL('http://example.org/'), { HTTPS_PROXY: 'http://p:1' }).proxy).toBeUndefined();
  });
});
