import { describe, expect, it } from 'vitest';
import type { AuthDebugRun } from '../../../shared/model/auth-debug';
import { RecentAuthDebugRuns } from '../../../main/core/auth-debug/recent-runs';

const run = (serverUrl: string): { run: AuthDebugRun } => ({ run: { kind: 'periscope-auth-debug-run', version: 1, serverUrl, startedAt: 0, steps: [], finished: false, verdict: 'pass' } });

describe('the auth debugger runs remembered for repro bundles', () => {
  it('gives the latest run per server, however its URL is written', () => {
    const recent = new RecentAuthDebugRuns();
    recent.remember('https://mcp.example.com/mcp', run('first'));
    recent.remember('https://MCP.example.com:443/mcp', run('second'));
    expect(recent.latestFor('https://mcp.example.com/mcp')?.serverUrl).toBe('second');
    expect(recent.latestFor('https://mcp.example.com/other')).toBeUndefined();
    expect(recent.latestFor('not a url')).toBeUndefined();
  });

  it('forgets the server remembered longest ago past 16', () => {
    const recent = new RecentAuthDebugRuns();
    for (let i = 0; i < 17; i++) recent.remember(`https://s${i}.example.com/mcp`, run(String(i)));
    expect(recent.latestFor('https://s0.example.com/mcp')).toBeUndefined();
    expect(recent.latestFor('https://s16.example.com/mcp')?.serverUrl).toBe('16');
    // Remembering a server again makes it the newest.
    recent.remember('https://s1.example.com/mcp', run('again'));
    recent.remember('https://s17.example.com/mcp', run('17'));
    expect(recent.latestFor('https://s1.example.com/mcp')?.serverUrl).toBe('again');
    expect(recent.latestFor('https://s2.example.com/mcp')).toBeUndefined();
  });
});
