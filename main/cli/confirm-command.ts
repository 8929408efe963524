import type { Readable, Writable } from 'node:stream';
import { describeCommandReview, type CommandReview } from '../../shared/model';
import { PeriscopeError } from '../core/diagnostics/periscope-error';
import { terminalSafe } from './terminal-safe';

/** A readable that may be a terminal (process.stdin when it is one). */
export type PromptInput = Readable & { isTTY?: boolean };

/**
 * Asks, on a terminal, whether an imported stdio remote's command may run: shows the command,
 * its arguments, the env NAMES (values hidden) and the dangerous ones, then `Run it? [y/N]`.
 * Anything but y/yes is a no. Returns undefined when stdin is not a terminal (no one to ask).
 */
export async function askToRunCommand(remoteName: string, review: CommandReview, stdin: PromptInput, stderr: Writable): Promise<boolean | undefined> {
  if (!stdin.isTTY) return undefined;
  const lines = [`Remote "${remoteName}" was imported from a file and runs a command on this machine:`, ...describeCommandReview(review).map((l) => `  ${l}`)];
  // The command came from a file someone else wrote: terminal-safe, like every other output.
  stderr.write(terminalSafe(`${lines.join('\n')}\n`));
  // Loaded on the rare ask, not at every start of the CLI.
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: stdin, output: stderr, terminal: false });
  try {
    stderr.write('Run it (asked once; `periscope remotes confirm` does the same)? [y/N] ');
    const answer = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}

/** The refusal after the user answered no at the prompt. */
export function notConfirmed(remoteName: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'needs-confirmation',
    message: `The command of remote "${remoteName}" was not confirmed; nothing was run.`,
    hint: 'Check the command with `periscope remotes show`, change it with `periscope remotes edit`, or confirm it with `periscope remotes confirm`.',
  });
}
