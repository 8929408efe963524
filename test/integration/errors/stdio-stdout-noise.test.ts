import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleEntry, StdoutEntry, TraceEntry } from '../../../shared/model/trace';
import { readSessionFile } from '../../../main/core/capture/session-file';
import { startScriptedServer, type ScriptedServer } from '../../fixtures/sdk-servers/misbehaving/scripted-server';
import { useManager } from '../connections/connection-test-support';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptedTarget } from './scripted-targets';

const { manager } = useManager();
let server: ScriptedServer;
let dir: string;
beforeAll(async () => {
  server = await startScriptedServer();
  dir = mkdtempSync(join(tmpdir(), 'periscope-stdout-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a stdio server that writes non-JSON to stdout', () => {
  for (const era of ['legacy', 'modern'] as const) {
    it(`${era} era: the call works, every line is a stdout trace entry, and the connection warns once`, async () => {
      const file = join(dir, `${era}.ndjson`);
      const connection = manager.create(scriptedTarget(server, 'stdio', era, ['--banner']), { recordTo: file });
      const entries: TraceEntry[] = [];
      connection.bus.subscribe((e) => entries.push(e));
      await connection.connect();
      const noise = ['[info] loading config', 'DEBUG: handling tools/call', '{"level":"info","msg":"structured log on stdout"}'];
      const result = await connection.callTool('misbehave', { stdoutLines: noise });
      expect((result as { content: Array<{ text: string }> }).content[0]!.text).toBe('done');
      await connection.callTool('misbehave', { stdoutLines: ['second call noise'] });

      const stdout = entries.filter((e): e is StdoutEntry => e.type === 'stdout');
      expect(stdout.map((e) => e.line)).toEqual(['Server starting (this line is not JSON-RPC)', ...noise, 'second call noise']);
      expect(stdout[0]!.warnings).toEqual(['The server wrote non-JSON to stdout; the MCP stdio transport reserves stdout for JSON-RPC messages (logs belong on stderr)']);
      expect(stdout[3]!.warnings![0]).toMatch(/^The server wrote JSON that is not a JSON-RPC message to stdout/);
      const warnings = entries.filter((e): e is LifecycleEntry => e.type === 'lifecycle' && e.state === 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.text).toMatch(/^The server wrote non-JSON to stdout \("Server starting \(this line is not JSON-RPC\)"\); every such line is in the trace as a stdout entry/);
      expect(connection.info().state).toBe('connected');

      await manager.close(connection.id);
      const saved = await readSessionFile(file);
      expect(saved.entries.filter((e) => e.type === 'stdout')).toHaveLength(stdout.length);
    });
  }
});
