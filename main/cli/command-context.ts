import type { Command } from 'commander';
import type { CliContext } from './cli-context';
import { normalizeConnectionOptions, type ConnectionOptions } from './connection-options';
import type { CommandOutput } from './output';

/** What each command group's register function receives: the context plus this run's output. */
export interface CommandContext extends CliContext {
  out: CommandOutput;
  /** The server command line after `--` when --stdio was given (split off before parsing). */
  stdioCommand?: string[];
}

/** A missing or extra positional: reported like commander's own usage errors (exit code 1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Commander passes (args..., options, command) to actions; this picks the command. */
export function actionCommand(params: unknown[]): Command {
  return params[params.length - 1] as Command;
}

/**
 * The positionals of a connecting command, split into the target and the rest. With --stdio
 * there is no target positional: the server's command line follows `--`.
 */
export function connectingArgs(cmd: Command, cctx: CommandContext): { options: ConnectionOptions; target?: string; rest: string[] } {
  const options = { ...normalizeConnectionOptions(cmd.opts()), stdioCommand: cctx.stdioCommand };
  const positionals = [...cmd.args];
  if (options.stdio) return { options, rest: positionals };
  if (cctx.stdioCommand) {
    throw new UsageError('A command after `--` needs --stdio.', 'Write e.g. `periscope tools --stdio -- node server.js`.');
  }
  const [target, ...rest] = positionals;
  if (target === undefined) {
    throw new UsageError(`missing server: \`periscope ${cmd.name()}\` needs a URL or a saved remote's name.`, `Run \`periscope ${cmd.name()} --help\`, or use --stdio -- <command> for a local server.`);
  }
  return { options, target, rest };
}

export function requireArg(value: string | undefined, what: string, cmd: Command): string {
  if (value === undefined || value === '') {
    throw new UsageError(`missing ${what}.`, `Run \`periscope ${cmd.name()} --help\` for the arguments it takes.`);
  }
  return value;
}

export const TARGET_HELP = "server URL (http(s):// or ws(s)://) or a saved remote's name; omit with --stdio";
