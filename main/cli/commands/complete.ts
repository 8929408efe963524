import type { Command } from 'commander';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, requireArg, TARGET_HELP, UsageError, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { splitPair } from '../tool-arguments';

interface CompleteResultLike {
  completion: { values: string[]; total?: number; hasMore?: boolean };
}

/**
 * `periscope complete <target> prompt|resource <name> <arg>=<partial> [<arg>=<value> ...]`:
 * `completion/complete` (MCP server/utilities/completion) for one argument of a prompt
 * (`ref/prompt`, by name) or of a resource template (`ref/resource`, by its URI template). The
 * first pair is the argument to complete; the others go as `context.arguments`. Prints one
 * suggestion a line (at most 100, the spec's cap), then how many there are in all when the server
 * says so. A server without the `completions` capability gets a line saying so and no request.
 */
export function registerCompleteCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('complete')
      .argument('[target]', TARGET_HELP)
      .argument('[kind]', 'prompt or resource')
      .argument('[name]', 'the prompt\'s name, or the resource template (e.g. \'weather://{city}\')')
      .argument('[arguments...]', 'the argument to complete as name=partial, then the other arguments as name=value (sent as context)')
      .usage(connectingUsage('prompt|resource <name> <arg>=<partial> [<arg>=<value> ...]'))
      .description('ask the server to complete an argument of a prompt or resource template (completion/complete)'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    const [kind, name, first, ...others] = rest;
    requireArg(kind, 'what to complete (prompt or resource)', cmd);
    if (kind !== 'prompt' && kind !== 'resource') {
      throw new UsageError(`"${kind}" is neither prompt nor resource.`, 'Write e.g. `periscope complete <server> prompt review_code language=py` or `periscope complete <server> resource \'weather://{city}\' city=Am`.');
    }
    requireArg(name, kind === 'prompt' ? 'prompt name' : 'resource template', cmd);
    requireArg(first, 'argument to complete, as name=partial', cmd);
    const [argName, argValue] = splitPair(first);
    const context = Object.fromEntries(others.map(splitPair));
    const ref = kind === 'prompt' ? { type: 'ref/prompt' as const, name } : { type: 'ref/resource' as const, uri: name };
    await withConnection(cctx, cctx.out, target, options, async (connection, info) => {
      if (!info.capabilities?.completions) {
        cctx.out.data({ completion: { values: [] } });
        cctx.out.line('This server does not offer completions (no "completions" capability).');
        return;
      }
      const result = (await connection.complete(ref, { name: argName, value: argValue }, context)) as CompleteResultLike;
      cctx.out.data(result);
      const { values, total, hasMore } = result.completion;
      if (values.length === 0) cctx.out.line(`No suggestions for ${argName}="${argValue}".`);
      for (const value of values) cctx.out.line(value);
      if (hasMore || (total !== undefined && total > values.length)) cctx.out.note(`${values.length} shown of ${total ?? 'more'}; type more of the value to narrow them`);
    });
  });
}
