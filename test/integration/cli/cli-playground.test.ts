import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeTestDataDir } from './cli-harness';

afterAll(() => removeTestDataDir());

describe('periscope playground', () => {
  it('prints its endpoint URLs, serves until Ctrl-C, and enforces --require-bearer', async () => {
    let fire: () => void = () => undefined;
    let checks: Promise<void> | undefined;
    const seen: Record<string, number> = {};
    const server = cli(['playground', '--require-bearer', 'tok-9', '--fault', 'latency=5'], {
      interrupt: (f) => (fire = f),
      onStdout: (_chunk, all) => {
        if (checks || !all.includes('Press Ctrl-C')) return;
        const url = /Streamable HTTP\s+(\S+)/.exec(all)![1];
        checks = (async () => {
          seen.denied = (await cli(['ping', url])).code;
          seen.allowed = (await cli(['ping', url, '-H', 'Authorization: Bearer tok-9'])).code;
          fire();
        })();
      },
    });
    const run = await server;
    await checks;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Streamable HTTP\s+http:\/\/127\.0\.0\.1:\d+\/mcp/);
    expect(run.stdout).toMatch(/SSE \(legacy\)\s+http:\/\/127\.0\.0\.1:\d+\/sse/);
    expect(run.stdout).toMatch(/WebSocket\s+ws:\/\/127\.0\.0\.1:\d+\/ws/);
    expect(run.stdout).toMatch(/Faults\s+latencyMs=5/);
    expect(run.stdout + run.stderr).not.toContain('tok-9');
    expect(seen).toEqual({ denied: 31, allowed: 0 });
  });

  it('rejects an unknown fault with the accepted syntax', async () => {
    const run = await cli(['playground', '--fault', 'explode']);
    expect(run.code).toBe(11);
    expect(run.stderr).toContain('Unknown fault "explode"');
  });
});
