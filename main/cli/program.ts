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

/**
 * The `periscope` command tree. Output and exits are routed through the context so the program
 * never writes to the real process or calls process.exit: runCli turns every ending into a code.
 */
export function buildProgram(cctx: CommandContext): Command {
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

  registerConnectCommand(program, cctx);
  registerToolsCommand(program, cctx);
  registerCallCommand(program, cctx);
  registerResourcesCommands(program, cctx);
  registerPromptsCommands(program, cctx);
  registerCompleteCommand(program, cctx);
  registerSubscribeCommand(program, cctx);
  registerLogsCommand(program, cctx);
  registerLoadCommand(program, cctx);
  registerFanoutCommand(program, cctx);
  registerPingCommand(program, cctx);
  registerHealthCommand(program, cctx);
  registerDoctorCommand(program, cctx);
  registerExerciseCommand(program, cctx);
  registerBundleCommand(program, cctx);
  registerExportHarCommand(program, cctx);
  registerLoginCommands(program, cctx);
  registerAuthCommands(program, cctx);
  registerPlaygroundCommand(program, cctx);
  registerDemoCommand(program, cctx);
  registerRemotesCommand(program, cctx);
  registerHelpCommand(program, cctx);
  return program;
}
