import { createServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../shared/model';
import { runDoctor } from '../../../main/core/doctor/run-doctor';
import { fixturePath, type HttpsFixtureKind, startHttpsFixture } from '../../fixtures/tls/https-fixture';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function doctorAgainst(kind: HttpsFixtureKind, tls: { caFiles?: string[]; acceptInvalidCertificates?: boolean } = {}): Promise<{ report: DoctorReport; caFile: string }> {
  const fixture = await startHttpsFixture(kind);
  closers.push(fixture.close);
  const url = fixture.url;
  const report = await runDoctor({ target: { url, transport: 'streamable', tls: { caFiles: tls.caFiles ?? [], acceptInvalidCertificates: tls.acceptInvalidCertificates ?? false }, timeouts: { connectMs: 3000 } }, label: kind, stepTimeoutMs: 3000 });
  return { report, caFile: fixture.caFile };
}

const tlsOf = (report: DoctorReport) => report.layers.find((l) => l.layer === 'tls')!;

describe('doctor: the TLS layer', () => {
  it('an https:// URL on a plain-HTTP port: says the port answers plain HTTP and points to the URL field', async () => {
    const server = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const report = await runDoctor({ target: { url: `https://127.0.0.1:${port}/mcp`, transport: 'streamable' }, label: 'plain', stepTimeoutMs: 3000 });
    const tls = tlsOf(report);
    expect(tls).toMatchObject({ verdict: 'fail', errorKind: 'tls', facts: { plainHttp: true } });
    expect(tls.finding).toBe(`Port ${port} answers plain HTTP, not TLS: the URL says https:// but the server there does not speak TLS`);
    expect(tls.fix).toBe(`use http://127.0.0.1:${port}/mcp (or the server's TLS port)`);
    expect(tls.fixes?.map((f) => f.field)).toEqual(['url']);
  });

  it('a port that speaks neither TLS nor HTTP keeps the handshake error', async () => {
    const sockets = new Set<Socket>();
    const server = createNetServer((socket) => {
      sockets.add(socket);
      // The client's TLS hello arrives after the banner: a reset, which is expected here.
      socket.on('error', () => undefined);
      socket.end('SSH-2.0-OpenSSH_9.6\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const { port } = server.address() as AddressInfo;
    const report = await runDoctor({ target: { url: `https://127.0.0.1:${port}/mcp`, transport: 'streamable' }, label: 'ssh', stepTimeoutMs: 3000 });
    const tls = tlsOf(report);
    expect(tls.verdict).toBe('fail');
    expect(tls.finding).not.toMatch(/plain HTTP/);
    expect(tls.facts.plainHttp).toBeUndefined();
  });

  it('fails a self-signed certificate, names it as the CA that would fix it, and stops HTTP', async () => {
    const { report } = await doctorAgainst('self-signed');
    const tls = tlsOf(report);
    expect(tls).toMatchObject({ verdict: 'fail', errorKind: 'tls' });
    expect(tls.finding).toMatch(/self-signed certificate/);
    expect(tls.fix).toMatch(/The CA certificate that would make it trusted: the server's own certificate \(.*CN=localhost.*SHA-256 [0-9A-F:]+\)/);
    expect(tls.fixes?.map((f) => f.field)).toEqual(['tls.caFiles', 'tls.acceptInvalidCertificates']);
    const chain = tls.facts.chain as Array<{ selfSigned: boolean; subject: string; issuer: string }>;
    expect(chain[0]).toMatchObject({ selfSigned: true });
    expect(tls.facts.verification).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(report.layers.find((l) => l.layer === 'http')!.finding).toBe('Not run: the TLS layer failed');
    expect(report.firstFailure).toBe('tls');
  });

  it('passes the same certificate once it is trusted as a CA file, with issuer, expiry and days left', async () => {
    const fixture = await startHttpsFixture('self-signed');
    closers.push(fixture.close);
    const report = await runDoctor({ target: { url: fixture.url, transport: 'streamable', tls: { caFiles: [fixture.caFile] } }, label: 'trusted', stepTimeoutMs: 3000 });
    const tls = tlsOf(report);
    expect(tls.verdict).toBe('pass');
    expect(tls.finding).toMatch(/^TLSv1\.[23]: certificate for .*127\.0\.0\.1.*, issued by .*, valid until 20\d\d-\d\d-\d\d \(\d+ days\)$/);
  });

  it('passes a CA-signed chain given the CA file and reports the chain up to the CA', async () => {
    const fixture = await startHttpsFixture('ca-signed');
    closers.push(fixture.close);
    const report = await runDoctor({ target: { url: fixture.url, transport: 'streamable', tls: { caFiles: [fixture.caFile] } }, label: 'ca', stepTimeoutMs: 3000 });
    const tls = tlsOf(report);
    expect(tls.verdict).toBe('pass');
    expect(tls.finding).toContain('Periscope Test CA');
  });

  it('fails an untrusted CA-signed chain and names the issuing CA', async () => {
    const { report } = await doctorAgainst('ca-signed');
    const tls = tlsOf(report);
    expect(tls.verdict).toBe('fail');
    expect(tls.fix).toMatch(/the CA named .*Periscope Test CA/);
  });

  it('fails an expired certificate with its end date', async () => {
    const { report } = await doctorAgainst('expired', { caFiles: [fixturePath('ca.pem')] });
    const tls = tlsOf(report);
    expect(tls).toMatchObject({ verdict: 'fail', errorKind: 'tls' });
    expect(tls.finding).toMatch(/has expired on 2021-01-01/);
  });

  it('fails a certificate for another host name and lists the names it covers', async () => {
    const { report } = await doctorAgainst('wrong-host', { caFiles: [fixturePath('ca.pem')] });
    const tls = tlsOf(report);
    expect(tls.verdict).toBe('fail');
    expect(tls.finding).toMatch(/not valid for the host name "127\.0\.0\.1": it covers .*wrong\.example/);
  });

  it('only warns when invalid certificates are accepted for the remote, and goes on to HTTP', async () => {
    const { report } = await doctorAgainst('self-signed', { acceptInvalidCertificates: true });
    const tls = tlsOf(report);
    expect(tls.verdict).toBe('warn');
    expect(tls.finding).toMatch(/accepted only because invalid certificates are accepted/);
    expect(report.layers.find((l) => l.layer === 'http')!.verdict).not.toBe('skipped');
  });

  it('fails an unreadable CA file as a TLS problem naming the file', async () => {
    const { report } = await doctorAgainst('ca-signed', { caFiles: ['/nonexistent/ca.pem'] });
    expect(tlsOf(report)).toMatchObject({ verdict: 'fail', errorKind: 'tls' });
    expect(tlsOf(report).finding).toContain('/nonexistent/ca.pem');
  });
});
