// Issue 8 in the CLI: nesting gives a protocol error (exit 33) naming the depth, never exit 70;
// --trace shows a cut payload's marker; --record-cap stops recording with a warning.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSessionFile } from '../../../main/core/capture/session-file';
import { startHostileShapesServer, type HostileShapesServer } from '../../fixtures/sdk-servers/misbehaving/hostile-shapes-fixture';
import { cli, removeTestDataDir } from './cli-harness';

let deepCaps: HostileShapesServer;
let hostile: HostileShapesServer;
let dir: string;

beforeAll(async () => {
  deepCaps = await startHostileShapesServer({ capabilitiesDepth: 5_000 });
  hostile = await startHostileShapesServer({ resultDepth: 100_000, bigBytes: 3 * 1024 * 1024 });
  dir = mkdtempSync(join(tmpdir(), 'periscope-cli-hostile-'));
});
afterAll(async () => {
  await Promise.all([deepCaps?.close(), hostile?.close()]);
  rmSync(dir, { recursive: true, force: true });
  removeTestDataDir();
});

describe('hostile shapes in the CLI', () => {
  it('connect to capabilities nested 5,000 deep: exit 33 (protocol) naming the depth; --record keeps the answer whole', async () => {
    const file = join(dir, 'caps.ndjson');
    const run = await cli(['connect', deepCaps.url, '--record', file]);
    expect(run.code).toBe(33);
    expect(run.stderr).toMatch(/error: The server's answer to initialize is nested 5,004 levels deep; Periscope handles up to 500 levels/);
    const { entries } = await readSessionFile(file);
    expect(entries.some((e) => e.type === 'message' && e.depth === 5_004)).toBe(true);
  });

  it('a result nested 100,000 deep: exit 33 naming the depth, and the trace shows the message with its marker', async () => {
    const run = await cli(['call', hostile.url, 'deep', '--trace']);
    expect(run.code).toBe(33);
    expect(run.stderr).toMatch(/error: The server's answer to tools\/call is nested 100,002 levels deep/);
    expect(run.stderr).toMatch(/truncated +nested 100,002 levels deep; Periscope handles up to 500 levels: shown to 64 levels here; no full copy was recorded/);
  });

  it('a 3 MB answer: printed whole, the trace line says memory holds 1 MiB and the file has it all', async () => {
    const file = join(dir, 'big.ndjson');
    const run = await cli(['call', hostile.url, 'big', '--json', '--trace', '--record', file]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { content: Array<{ text: string }> }).content[0]!.text).toHaveLength(3 * 1024 * 1024);
    expect(run.stderr).toMatch(/truncated +truncated: 3\.0 MB, the first 1\.0 MB kept here; the full copy is in the session file/);
    expect(statSync(file).size).toBeLessThan(3.3 * 1024 * 1024);
  });

  it('--record-cap: recording stops at the cap with a warning; the command still succeeds', async () => {
    const file = join(dir, 'capped.ndjson');
    const run = await cli(['call', hostile.url, 'big', '--record', file, '--record-cap', '1']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: Recording stopped: the session file reached its cap of 1\.0 MB/);
    expect(statSync(file).size).toBeLessThanOrEqual(1024 * 1024);
    expect((await cli(['call', hostile.url, 'echo', '--record-cap', 'lots'])).code).toBe(1);
  });
});
