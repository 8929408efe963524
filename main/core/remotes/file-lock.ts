import { open, readFile, rm, stat } from 'node:fs/promises';

export interface FileLockOptions {
  /** Give up after this long (another process holds the lock). */
  timeoutMs?: number;
  /** A lock older than this was left by a crashed process and is taken over. */
  staleMs?: number;
}

/**
 * Runs `task` while holding `lockPath`, an exclusive-create file. The app and the CLI may share
 * one data folder; without this, two read-modify-write cycles in different processes could
 * interleave and one would silently drop the other's change.
 */
export async function withFileLock<T>(lockPath: string, task: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const staleMs = options.staleMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await lockAge(lockPath);
      if ((age !== undefined && age > staleMs) || (await holderIsGone(lockPath))) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lockPath} is held by another MCP Periscope process (waited ${timeoutMs} ms)`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  try {
    return await task();
  } finally {
    await rm(lockPath, { force: true });
  }
}

/** The lock names its holder's pid; a holder that no longer runs (crashed, killed) left it behind. */
async function holderIsGone(lockPath: string): Promise<boolean> {
  let pid: number;
  try {
    pid = Number((await readFile(lockPath, 'utf8')).trim());
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function lockAge(lockPath: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs;
  } catch {
    return undefined; // released meanwhile: just try again
  }
}
