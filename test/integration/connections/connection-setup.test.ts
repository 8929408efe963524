import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionSetup, SetupPhase } from '../../../shared/model/connection';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { startHttpsFixture } from '../../fixtures/tls/https-fixture';
import { ofType, useManager } from './connection-test-support';

const { manager, cleanup } = useManager({ measureSetup: true });
let playground: RunningPlayground;

beforeAll(async () => {
  playground = await startPlayground();
});
afterAll(async () => {
  await playground?.close();
});

const phase = (setup: ConnectionSetup | undefined, name: SetupPhase['phase']) => setup?.phases.find((p) => p.phase === name);

/** Every phase lies inside the connect: it starts at or after 0 and ends by the total. */
function expectWithinTotal(setup: ConnectionSetup): void {
  for (const p of setup.phases) {
    expect(p.startMs, p.phase).toBeGreaterThanOrEqual(0);
    expect(p.durationMs, p.phase).toBeGreaterThanOrEqual(0);
    expect(p.startMs + p.durationMs, p.phase).toBeLessThanOrEqual(setup.totalMs + 1e-9);
  }
}

describe('connection set-up broken down (DNS, TCP, TLS, first byte, handshake)', () => {
  it('plain HTTP to an IP address, 2025 era: TCP, first byte and initialize; no DNS and no TLS, each saying why', async () => {
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'legacy' });
    const setup = connection.info().setup!;
    expect(setup.phases.map((p) => p.phase)).toEqual(['tcp', 'first-byte', 'handshake']);
    expect(phase(setup, 'tcp')?.detail).toBe('127.0.0.1');
    expect(phase(setup, 'handshake')?.detail).toBe('initialize');
    // The socket is up before the first byte comes back, and the handshake's request opened it.
    expect(phase(setup, 'first-byte')!.startMs).toBeGreaterThanOrEqual(phase(setup, 'tcp')!.startMs + phase(setup, 'tcp')!.durationMs - 1e-9);
    expect(setup.notes).toEqual(['DNS: nothing to look up (the host is an IP address)', 'TLS: none (the URL is http:)']);
    expectWithinTotal(setup);
    // It travels with the "connected" entry, so an opened session file has it too.
    const connected = ofType(connection.buffer.entries(), 'lifecycle').find((e) => e.state === 'connected');
    expect(connected?.info?.setup).toEqual(setup);
  });

  it('a host name: the DNS lookup comes first and names the address it found', async () => {
    const url = playground.urls.streamable.replace('127.0.0.1', 'localhost');
    const connection = await manager.open({ transport: 'streamable', url, protocolEra: 'legacy' });
    const setup = connection.info().setup!;
    expect(setup.phases.map((p) => p.phase)).toEqual(['dns', 'tcp', 'first-byte', 'handshake']);
    expect(phase(setup, 'dns')?.detail).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(phase(setup, 'tcp')!.startMs).toBeCloseTo(phase(setup, 'dns')!.startMs + phase(setup, 'dns')!.durationMs, 2);
    expectWithinTotal(setup);
  });

  it('2026-07-28 era: the handshake is server/discover', async () => {
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'modern' });
    expect(phase(connection.info().setup, 'handshake')?.detail).toBe('server/discover');
  });

  it('HTTPS: the TLS handshake follows TCP', async () => {
    const fixture = await startHttpsFixture('ca-signed');
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'streamable', url: fixture.url, protocolEra: 'legacy', tls: { caFiles: [fixture.caFile] } });
    const setup = connection.info().setup!;
    expect(setup.phases.map((p) => p.phase)).toEqual(['tcp', 'tls', 'first-byte', 'handshake']);
    const [tcp, tls] = [phase(setup, 'tcp')!, phase(setup, 'tls')!];
    expect(tls.startMs).toBeCloseTo(tcp.startMs + tcp.durationMs, 2);
    expect(tls.durationMs).toBeGreaterThan(0);
    expect(setup.notes).toEqual(['DNS: nothing to look up (the host is an IP address)']);
    expectWithinTotal(setup);
  });

  it('a refused certificate still fails as a TLS error with timing on', async () => {
    const fixture = await startHttpsFixture('self-signed');
    cleanup(() => fixture.close());
    const error = await manager.open({ transport: 'streamable', url: fixture.url, protocolEra: 'legacy' }).catch((e: unknown) => e);
    expect((error as { info?: { kind?: string } }).info?.kind).toBe('tls');
  });
});

describe('without measureSetup', () => {
  const plain = useManager();
  it('a connection has no set-up figures (and uses the global fetch)', async () => {
    const connection = await plain.manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'legacy' });
    expect(connection.info().setup).toBeUndefined();
  });
});
