import type { Command } from 'commander';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { formatTools, type ToolLike } from '../format/listings';
import { noExtra } from './connect';
import { printListing } from '../invalid-list-warnings';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';

/** `periscope tools <target>`: the server's tools with their arguments. */
export function registerToolsCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program.command('tools').argument('[target]', TARGET_HELP).usage(connectingUsage()).description('list the tools a server offers, with their arguments'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    await withConnection(cctx, cctx.out, target, options, async (connection) => {
      const result = (await connection.listTools()) as { tools: ToolLike[]; invalid?: InvalidListItem[] };
      printListing(cctx, 'tool', 'invalidTools', result, result.tools, formatTools);
    });
  });
}
