import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../shared/model';
import { runDoctor } from '../../../main/core/doctor/run-doctor';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { startModernOnlyFixture, type V2StreamableFixture } from '../../fixtures/sdk-servers/v2-streamable-fixture';

const at = (report: DoctorReport, id: string) => report.layers.find((l) => l.layer === id)!;

let playground: RunningPlayground;
let legacy: StreamableFixture;
let modern: V2StreamableFixture;
beforeAll(async () => {
  [playground, legacy, modern] = await Promise.all([startPlayground(), startStreamableFixture(), startModernOnlyFixture()]);
});
afterAll(async () => {
  await Promise.all([playground.close(), legacy.close(), modern.close()]);
});

describe('doctor: transport, era and initialize layers', () => {
  it('finds Streamable HTTP and the 2026-07-28 era on the playground, timing server/discover', async () => {
    const report = await runDoctor({ target: { url: `http://127.0.0.1:${playground.port}/mcp`, transport: 'auto' }, label: 'pg', env: {} });
    expect(at(report, 'transport').verdict).toBe('pass');
    expect(at(report, 'transport').finding).toMatch(/^Streamable HTTP, 2026-07-28 era/);
    const init = at(report, 'initialize');
    expect(init.verdict).toBe('pass');
    expect(init.finding).toMatch(/^periscope-playground [\d.]+ answered server\/discover in [\d.]+ ms, then a server\/discover round trip in [\d.]+ ms; capabilities: .*tools/);
    expect(init.durationMs).toBeGreaterThan(0);
    expect(at(report, 'health')).toMatchObject({ verdict: 'pass' });
    expect(report.ok).toBe(true);
  });

  it('finds the 2025 era on a 2025-only SDK server (initialize, then ping)', async () => {
    const report = await runDoctor({ target: { url: legacy.url, transport: 'auto' }, label: 'legacy', env: {} });
    expect(at(report, 'transport').finding).toMatch(/^Streamable HTTP, 2025 era \(2025-/);
    expect(at(report, 'initialize').finding).toMatch(/^sdk-fixture 9\.9\.9 answered initialize in [\d.]+ ms, then a ping round trip in [\d.]+ ms/);
    expect(report.ok).toBe(true);
  });

  it('warns about the deprecated HTTP+SSE transport on the playground\'s SSE endpoint', async () => {
    const report = await runDoctor({ target: { url: `http://127.0.0.1:${playground.port}/sse`, transport: 'auto' }, label: 'sse', env: {} });
    expect(at(report, 'transport')).toMatchObject({ verdict: 'warn' });
    expect(at(report, 'transport').finding).toMatch(/^legacy HTTP\+SSE, 2025 era/);
    expect(report.ok).toBe(true);
  });

  it('speaks the modern era to a 2026-07-28-only server, and fails initialize when made to speak 2025', async () => {
    const ok = await runDoctor({ target: { url: modern.url, transport: 'auto' }, label: 'modern', env: {} });
    expect(at(ok, 'initialize').finding).toMatch(/answered server\/discover/);
    const pinned = await runDoctor({ target: { url: modern.url, transport: 'streamable', protocolEra: 'legacy' }, label: 'modern', env: {} });
    expect(pinned.ok).toBe(false);
    const failed = pinned.layers.find((l) => l.verdict === 'fail')!;
    expect(['transport', 'initialize']).toContain(failed.layer);
    expect(failed.errorKind).toBe('protocol-version');
  });

  it('reaches WebSocket endpoints: the HTTP layer leaves the upgrade to the transport layer', async () => {
    const report = await runDoctor({ target: { url: `ws://127.0.0.1:${playground.port}/ws`, transport: 'auto' }, label: 'ws', env: {} });
    expect(at(report, 'http')).toMatchObject({ verdict: 'skipped', finding: 'A WebSocket URL: its HTTP upgrade is checked by the transport layer' });
    expect(at(report, 'transport').finding).toMatch(/^WebSocket, /);
    expect(report.ok).toBe(true);
  });
});
