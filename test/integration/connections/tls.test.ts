import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixturePath, startHttpsFixture } from '../../fixtures/tls/https-fixture';
import { startWebSocketFixture } from '../../fixtures/sdk-servers/websocket-fixture';
import { INSECURE_WARNING } from '../../../main/core/connections/tls-dispatcher';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { useManager } from './connection-test-support';
import { cliHint } from '../../../main/cli/fix-options';

const { manager, cleanup } = useManager();

describe('TLS options per connection', () => {
  it('an extra CA file makes a CA-signed HTTPS server work, with no warning', async () => {
    const fixture = await startHttpsFixture('ca-signed');
    cleanup(() => fixture.close());
    const untrusted = await manager.open({ transport: 'streamable', url: fixture.url }).catch((e: unknown) => e);
    expect(isPeriscopeError(untrusted) && untrusted.info.kind).toBe('tls');

    const connection = await manager.open({ transport: 'streamable', url: fixture.url, tls: { caFiles: [fixture.caFile] } });
    expect(connection.info()).toMatchObject({ state: 'connected', serverInfo: { name: 'https-fixture' }, warnings: [] });
    expect((await connection.listTools()).tools).toEqual([]);
  });

  it('accept-invalid makes a self-signed server work, and says so in the warnings', async () => {
    const fixture = await startHttpsFixture('self-signed');
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'auto', url: fixture.url, tls: { acceptInvalidCertificates: true } });
    expect(connection.info().state).toBe('connected');
    expect(connection.info().warnings).toEqual([INSECURE_WARNING]);
    // The insecure switch is this connection's alone: another one still refuses the certificate.
    const strict = await manager.open({ transport: 'streamable', url: fixture.url }).catch((e: unknown) => e);
    expect(isPeriscopeError(strict) && strict.info.kind).toBe('tls');
    expect(connection.info().state).toBe('connected');
  });

  it('WebSocket over TLS honours the same options: refused by default, trusted with the CA file', async () => {
    const fixture = await startWebSocketFixture({ tls: { key: readFileSync(fixturePath('ca-signed.key')), cert: readFileSync(fixturePath('ca-signed.pem')) } });
    cleanup(() => fixture.close());
    const refused = await manager.open({ transport: 'websocket', url: fixture.url }).catch((e: unknown) => e);
    expect(isPeriscopeError(refused) && refused.info.kind).toBe('tls');
    const trusted = await manager.open({ transport: 'websocket', url: fixture.url, tls: { caFiles: [fixturePath('ca.pem')] } });
    expect(trusted.info()).toMatchObject({ state: 'connected', transport: 'websocket', warnings: [] });
    const insecure = await manager.open({ transport: 'websocket', url: fixture.url, tls: { acceptInvalidCertificates: true } });
    expect(insecure.info().warnings).toEqual([INSECURE_WARNING]);
  });

  it('a missing CA file is a clear error naming the file', async () => {
    const error = await manager.open({ transport: 'streamable', url: 'https://127.0.0.1:9/mcp', tls: { caFiles: ['/nonexistent/periscope-ca.pem'] } }).catch((e: unknown) => e);
    expect(isPeriscopeError(error)).toBe(true);
    if (!isPeriscopeError(error)) return;
    expect(error.info.kind).toBe('tls');
    expect(error.info.message).toBe('Could not read the CA certificate file "/nonexistent/periscope-ca.pem" (no such file)');
    expect(error.info.fixes?.[0]?.field).toBe('tls.caFiles');
    expect(cliHint(error.info)).toContain('--ca <file>');
  });
});
