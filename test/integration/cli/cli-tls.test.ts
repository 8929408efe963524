import { afterEach, describe, expect, it } from 'vitest';
import { startHttpsFixture, type HttpsFixture } from '../../fixtures/tls/https-fixture';
import { cli, removeTestDataDir } from './cli-harness';

let fixture: HttpsFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  removeTestDataDir();
});

describe('TLS options of connecting commands', () => {
  it('a CA-signed server fails as tls (exit 22) until --ca trusts the CA', async () => {
    fixture = await startHttpsFixture('ca-signed');
    const untrusted = await cli(['connect', fixture.url, '--transport', 'streamable']);
    expect(untrusted.code).toBe(22);
    expect(untrusted.stderr).toMatch(/^error: .+/m);
    expect(untrusted.stderr).toMatch(/^hint: .+/m);

    const trusted = await cli(['connect', fixture.url, '--transport', 'streamable', '--ca', fixture.caFile]);
    expect(trusted.code, trusted.stderr).toBe(0);
    expect(trusted.stdout).toMatch(/Server:\s+https-fixture 1\.0\.0/);
  });

  it('--insecure accepts a self-signed certificate and says so as a warning', async () => {
    fixture = await startHttpsFixture('self-signed');
    const run = await cli(['connect', fixture.url, '--transport', 'streamable', '--insecure']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^warning: .*TLS certificate checks are OFF/m);
  });
});
