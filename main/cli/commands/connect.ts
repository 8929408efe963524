import type { Command } from 'commander';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { formatConnectionInfo } from '../format/connection-info';

/** `periscope connect <target>`: initialize, show what the server said and how we reached it. */
export function registerConnectCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('connect')
      .argument('[target]', TARGET_HELP)
      .usage(connectingUsage())
      .description('connect and show server info, protocol version, capabilities, session id and the transport used'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    await withConnection(cctx, cctx.out, target, options, async (_connection, info) => {
      cctx.out.data(info);
      for (const line of formatConnectionInfo(info)) cctx.out.line(line);
    }, { measureSetup: true });
  });
}

export function noExtra(rest: string[], cmd: Command): void {
  if (rest.length > 0) {
    cmd.error(`error: too many arguments for '${cmd.name()}': ${rest.join(' ')}`, { code: 'commander.excessArguments', exitCode: 1 });
  }
}
