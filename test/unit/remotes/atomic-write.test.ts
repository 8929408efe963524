import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WriteQueue, writeFileAtomic } from '../../../main/core/remotes/atomic-write';

const crashScript = fileURLToPath(new URL('./crash-mid-write.ts', import.meta.url));

function runChild(args: string[]): Promise<{ signal: NodeJS.Signals | null; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', crashScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('atomic writes', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'periscope-atomic-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('replaces the file and leaves no temporary file behind', async () => {
    const target = join(dir, 'remotes.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['remotes.json']);
  });

  it('a process killed between writing the temporary file and the rename leaves the old file intact', async () => {
    const target = join(dir, 'remotes.json');
    const before = JSON.stringify({ schemaVersion: 1, remotes: [] });
    await writeFile(target, before);
    const next = JSON.stringify({ schemaVersion: 1, remotes: [], big: 'x'.repeat(200_000) });

    const contentFile = join(tmpdir(), `periscope-next-${process.pid}.json`);
    await writeFile(contentFile, next);
    const result = await runChild([target, contentFile]).finally(() => rm(contentFile, { force: true }));
    expect(result.stderr).toBe('');
    expect(result.signal).toBe('SIGKILL');
    expect(await readFile(target, 'utf8')).toBe(before);
    // The crash really happened mid-write: the complete new content sits in the orphaned temp file.
    const tempPath = result.stdout.trim();
    expect(tempPath.startsWith(join(dir, '.remotes.json.'))).toBe(true);
    expect(await readFile(tempPath, 'utf8')).toBe(next);
  }, 20_000);

  it('a failure before the rename removes the temporary file and keeps the old one', async () => {
    const target = join(dir, 'remotes.json');
    await writeFile(target, 'old');
    await expect(writeFileAtomic(target, 'new', { beforeRename: () => Promise.reject(new Error('disk gone')) })).rejects.toThrow('disk gone');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['remotes.json']);
  });

  it('the write queue runs tasks one at a time, in order, and survives a failing task', async () => {
    const queue = new WriteQueue();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((resolve, reject) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          if (fail) reject(new Error(name));
          else resolve(name);
        }, ms);
      });
    const results = await Promise.allSettled([queue.run(task('a', 20)), queue.run(task('b', 1, true)), queue.run(task('c', 1))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
