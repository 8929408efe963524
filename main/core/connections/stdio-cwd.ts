import { statSync } from 'node:fs';
import { FIX } from '../diagnostics/fixes';
import { PeriscopeError } from '../diagnostics/periscope-error';

/**
 * Node reports a missing working directory as ENOENT on spawn, exactly like a missing command, so
 * it would read "command not found". Checked first, it is named for what it is.
 */
export function checkWorkingDirectory(cwd: string | undefined): void {
  if (!cwd) return;
  let problem: string | undefined;
  try {
    if (!statSync(cwd).isDirectory()) problem = 'is not a folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problem = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be used (${code ?? 'unknown error'})`;
  }
  if (!problem) return;
  throw new PeriscopeError({
    kind: 'spawn',
    message: `Could not start the stdio server: the working directory "${cwd}" ${problem}`,
    hint: 'give a folder that exists, or leave the working directory empty to use the current one',
    fixes: [FIX.cwd],
    detail: { cwd },
  });
}
