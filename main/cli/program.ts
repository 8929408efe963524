import { Command } from 'commander';
import { registerRemotesCommand } from './commands/remotes';
import { registerCallCommand } from './commands/call';
import { registerCompleteCommand } from './commands/complete';
import { registerFanoutCommand } from './commands/fanout';
import { registerLoadCommand } from './commands/load';
import { registerLogsCommand } from './commands/logs';
import { registerLoginCommands } from './commands/login';
import { registerAuthCommands } from './commands/auth-debug';
import { registerSubscribeCommand } from './commands/subscribe';
import { registerConnectCommand } from './commands/connect';
import { registerDemoCommand } from './commands/demo';
import { registerDoctorCommand } from './commands/doctor';
import { registerExerciseCommand } from './commands/exercise';
import { registerExportHarCommand } from './commands/export-har';
import { registerBundleCommand } from './commands/bundle';
import { registerHealthCommand } from './commands/health';
import { registerHelpCommand } from './commands/help';
import { registerPingCommand } from './commands/ping';
import { registerPlaygroundCommand } from './commands/playground';
import { registerPromptsCommands } from './commands/prompts';
import { registerResourcesCommands } from './commands/resources';
import { registerToolsCommand } from './commands/tools';
import type { CommandContext } from './command-context';
import { CLI_VERSION } from './version';

type Register = (program: Command, cctx: CommandContext) => void;

/**
 * Each registration with the top-level command names it adds (command-tree.test.ts checks
 * this list against what the registrations really add).
 */
export const COMMAND_REGISTRATIONS: ReadonlyArray<readonly [names: readonly string[], register: Register]> = [
  [['connect'], registerConnectCommand],
  [['tools'], registerToolsCommand],
  [['call'], registerCallCommand],
  [['resources', 'read'], registerResourcesCommands],
  [['prompts', 'prompt'], registerPromptsCommands],
  [['complete'], registerCompleteCommand],
  [['subscribe'], registerSubscribeCommand],
  [['logs'], registerLogsCommand],
  [['load'], registerLoadCommand],
  [['fanout'], registerFanoutCommand],
  [['ping'], registerPingCommand],
  [['health'], registerHealthCommand],
  [['doctor'], registerDoctorCommand],
  [['exercise'], registerExerciseCommand],
  [['bundle'], registerBundleCommand],
  [['export-har'], registerExportHarCommand],
  [['login', 'logout'], registerLoginCommands],
  [['auth'], registerAuthCommands],
  [['playground'], registerPlaygroundCommand],
  [['demo'], registerDemoCommand],
  [['remotes'], registerRemotesCommand],
  [['help'], registerHelpCommand],
];

/**
 * The `periscope` command tree. Output and exits are routed through the context so the program
 * never writes to the real process or calls process.exit: runCli turns every ending into a code.
 * `commandName`: the first argument when it names a command; then only that command is built
 * (building all 25 with their options was a tenth of a `tools` run's start-up). Anything else
 * (no argument, an option, a misspelt command, which gets suggestions) builds them all.
 */
export function buildProgram(cctx: CommandContext, commandName?: string): Command {
  const program = new Command('periscope');
  // Set before any subcommand is added: commander copies these settings into each of them.
  program
    .description('MCP Periscope: inspect and debug MCP servers (Streamable HTTP, SSE, WebSocket, stdio)')
    .version(CLI_VERSION, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (s) => void cctx.stdout.write(s),
      writeErr: (s) => void cctx.stderr.write(s),
      outputError: () => {
        // Usage errors are printed by runCli (as text or JSON) so they look like every other error.
      },
    });
  const only = commandName === undefined || commandName === 'help' ? undefined : COMMAND_REGISTRATIONS.find(([names]) => names.includes(commandName));
  for (const [, register] of only ? [only] : COMMAND_REGISTRATIONS) register(program, cctx);
  return program;
}
