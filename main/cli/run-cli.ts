import { CommanderError } from 'commander';
import { createRemoteLookup } from '../core/remotes/lookup-remote';
import { createCliContext, type CliIo } from './cli-context';
import { UsageError, type CommandContext } from './command-context';
import { reportError } from './error-report';
import { CommandOutput } from './output';
import { buildProgram } from './program';

/**
 * Runs the CLI in-process and resolves to the exit code; never calls process.exit and never
 * throws. index.ts is a thin wrapper around this; tests call it directly with their own streams.
 */
export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  const ctx = createCliContext(io);
  const { args, stdioCommand } = splitStdioCommand(argv);
  const out = new CommandOutput(ctx.stdout, ctx.stderr, args.includes('--json'));
  ctx.lookupRemote ??= createRemoteLookup({
    dataDir: ctx.dataDir,
    env: ctx.env,
    onNotice: (notice) => out.note(`warning: ${notice.message}`),
  });
  const cctx: CommandContext = { ...ctx, out, stdioCommand };
  const program = buildProgram(cctx, args[0]);
  try {
    if (args.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return reportUsage(error, out);
    if (error instanceof UsageError) return reportUsage(error, out);
    return reportError(error, out);
  }
}

/**
 * `periscope tools --stdio -- node server.js --port 1` : everything after the first `--` is the
 * server's command line, split off before commander sees it so the server's own flags are not
 * taken for ours. Without --stdio before it, `--` keeps its usual meaning.
 */
export function splitStdioCommand(argv: string[]): { args: string[]; stdioCommand?: string[] } {
  const dashes = argv.indexOf('--');
  if (dashes < 0 || !argv.slice(0, dashes).includes('--stdio')) return { args: argv };
  return { args: argv.slice(0, dashes), stdioCommand: argv.slice(dashes + 1) };
}

const COMMANDER_DONE = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

function reportUsage(error: CommanderError | UsageError, out: CommandOutput): number {
  if (error instanceof CommanderError && COMMANDER_DONE.has(error.code)) return error.exitCode;
  const message = error.message.replace(/^error:\s*/, '');
  const hint = error instanceof UsageError ? error.hint : 'Run `periscope help` or `periscope <command> --help` for usage.';
  if (out.json) out.rawOut(`${JSON.stringify({ error: { kind: 'invalid-input', message, hint } }, null, 2)}\n`);
  out.note(`error: ${message}`);
  out.note(`hint: ${hint}`);
  return 1;
}
