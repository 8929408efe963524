import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { probeCertificate } from '../../../main/core/diagnostics/certificate-probe';
import { describeFailure } from '../../../main/core/diagnostics/describe-failure';
import { type HttpsFixture, type HttpsFixtureKind, startHttpsFixture } from '../../fixtures/tls/https-fixture';

let fixture: HttpsFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function probe(kind: HttpsFixtureKind, options?: { ca?: Buffer }) {
  fixture = await startHttpsFixture(kind);
  const summary = await probeCertificate(fixture.url, 3_000, options);
  expect(summary).toBeDefined();
  return summary!;
}

describe('probeCertificate', () => {
  it('describes a self-signed certificate', async () => {
    const cert = await probe('self-signed');
    expect(cert.selfSigned).toBe(true);
    expect(cert.subject).toBe('CN=localhost');
    expect(cert.issuer).toBe('CN=localhost');
    expect(cert.subjectAltNames).toEqual(['DNS:localhost', 'IP Address:127.0.0.1']);
    expect(cert.authorizationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(cert.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(cert.hostnameMismatch).toBeUndefined();
  });

  it('spots an expired certificate and its dates', async () => {
    const cert = await probe('expired', { ca: readFileSync(new URL('../../fixtures/tls/ca.pem', import.meta.url)) });
    expect(cert.expired).toBe(true);
    expect(cert.validTo).toBe('2021-01-01T00:00:00.000Z');
    expect(cert.issuer).toBe('CN=Periscope Test CA');
    expect(cert.authorizationError).toBe('CERT_HAS_EXPIRED');
  });

  it('reports a certificate for another host name', async () => {
    const cert = await probe('wrong-host');
    expect(cert.subjectAltNames).toEqual(['DNS:wrong.example']);
    expect(cert.hostnameMismatch).toContain('127.0.0.1');
    expect(cert.selfSigned).toBe(false);
  });

  it('finds nothing to probe on plain URLs or closed ports', async () => {
    expect(await probeCertificate('http://127.0.0.1:1/mcp')).toBeUndefined();
    fixture = await startHttpsFixture('ca-signed');
    const port = new URL(fixture.url).port;
    await fixture.close();
    fixture = undefined;
    expect(await probeCertificate(`https://127.0.0.1:${port}/mcp`, 1_000)).toBeUndefined();
  });
});

describe('describeFailure', () => {
  it('adds the probed certificate to a TLS failure that lacked it', async () => {
    fixture = await startHttpsFixture('self-signed');
    const error = await fetch(fixture.url).then(
      () => undefined,
      (e: unknown) => e,
    );
    const info = await describeFailure(error, { url: fixture.url });
    expect(info.kind).toBe('tls');
    expect(info.detail?.certificate).toMatchObject({ subject: 'CN=localhost', selfSigned: true });
    expect(info.message).toContain('issued by CN=localhost, valid');
  });

  it('leaves other failures alone', async () => {
    const info = await describeFailure(new Error('connect ECONNREFUSED 127.0.0.1:1'), { url: 'https://127.0.0.1:1/' });
    expect(info.kind).toBe('refused');
    expect(info.detail?.certificate).toBeUndefined();
  });
});
