import { spawn, type ChildProcessByStdio, type StdioPipe } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The repository's folder, where `--import tsx` resolves whatever folder the bench was started from. */
const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts `node --import tsx FILE ARGS…` (a bench module run as a program) from the repository's
 * folder, its stdout a pipe to read and its stderr ours; its stdin a pipe when `stdin` is 'pipe'
 * (when we end, however we end, that pipe closes and the child can end too), else ignored.
 */
export function spawnTsx(file: string, args: string[], stdin: 'pipe'): ChildProcessByStdio<Writable, Readable, null>;
export function spawnTsx(file: string, args: string[], stdin: 'ignore'): ChildProcessByStdio<null, Readable, null>;
export function spawnTsx(file: string, args: string[], stdin: StdioPipe | 'ignore') {
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: REPOSITORY, stdio: [stdin, 'pipe', 'inherit'] });
}
