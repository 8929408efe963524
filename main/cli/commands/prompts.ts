import type { Command } from 'commander';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, requireArg, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { formatPromptMessages } from '../format/content';
import { formatPrompts, type PromptLike } from '../format/listings';
import { buildPromptArguments } from '../tool-arguments';
import { noExtra } from './connect';
import { printListing } from '../invalid-list-warnings';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';

/** `periscope prompts <target>` and `periscope prompt <target> <name> [key=value ...]`. */
export function registerPromptsCommands(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program.command('prompts').argument('[target]', TARGET_HELP).usage(connectingUsage()).description('list the prompts a server offers, with their arguments'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    await withConnection(cctx, cctx.out, target, options, async (connection, info) => {
      if (!info.capabilities?.prompts) {
        cctx.out.data({ prompts: [] });
        cctx.out.line('This server does not offer prompts (no "prompts" capability).');
        return;
      }
      const result = (await connection.listPrompts()) as { prompts: PromptLike[]; invalid?: InvalidListItem[] };
      printListing(cctx, 'prompt', 'invalidPrompts', result, result.prompts, formatPrompts);
    });
  });

  withConnectionOptions(
    program
      .command('prompt')
      .argument('[target]', TARGET_HELP)
      .argument('[name]', 'prompt name')
      .argument('[arguments...]', 'prompt arguments as key=value')
      .usage(connectingUsage('<name> [key=value ...]'))
      .description('get a prompt with arguments and show its messages'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    const [name, ...pairs] = rest;
    requireArg(name, 'prompt name', cmd);
    const args = buildPromptArguments(pairs);
    await withConnection(cctx, cctx.out, target, options, async (connection) => {
      const result = (await connection.getPrompt(name, args)) as Parameters<typeof formatPromptMessages>[0];
      cctx.out.data(result);
      for (const line of formatPromptMessages(result)) cctx.out.line(line);
    });
  });
}
