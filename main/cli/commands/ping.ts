import type { Command } from 'commander';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { noExtra } from './connect';

/** `periscope ping <target>`: one MCP ping round trip after initialize, with its latency. */
export function registerPingCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program.command('ping').argument('[target]', TARGET_HELP).usage(connectingUsage()).description('connect, send an MCP ping and show the round-trip latency'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    await withConnection(cctx, cctx.out, target, options, async (connection, info) => {
      const { latencyMs } = await connection.ping();
      cctx.out.data({ latencyMs, transport: info.transport, server: info.serverInfo });
      cctx.out.line(`pong from ${info.serverInfo?.name ?? 'server'} over ${info.transport ?? 'unknown transport'}: ${latencyMs.toFixed(2)} ms`);
    });
  });
}
