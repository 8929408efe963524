import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchRemotesFile } from '../../../main/core/service/remotes-watcher';

let dir: string | undefined;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('watchRemotesFile', () => {
  it('reports a rewrite of remotes.json once, and ignores other files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'periscope-watch-'));
    const onChange = vi.fn();
    stop = watchRemotesFile(dir, onChange, { debounceMs: 30 });
    await writeFile(join(dir, 'other.txt'), 'x');
    await new Promise((r) => setTimeout(r, 120));
    expect(onChange).not.toHaveBeenCalled();
    await writeFile(join(dir, 'remotes.json.tmp'), '{}');
    await writeFile(join(dir, 'remotes.json'), '{"schemaVersion":1,"remotes":[]}');
    await writeFile(join(dir, 'remotes.json'), '{"schemaVersion":1,"remotes":[] }');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('stops reporting once stopped', async () => {
    dir = await mkdtemp(join(tmpdir(), 'periscope-watch-'));
    const onChange = vi.fn();
    watchRemotesFile(dir, onChange, { debounceMs: 10 })();
    await writeFile(join(dir, 'remotes.json'), '{}');
    await new Promise((r) => setTimeout(r, 80));
    expect(onChange).not.toHaveBeenCalled();
  });
});
