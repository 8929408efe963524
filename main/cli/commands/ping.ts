import type { Command } from 'commander';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { noExtra } from './connect';

/**
 * `periscope ping <target>`: one liveness round trip after connecting, with its latency and the
 * method that measured it: `ping` in the 2025 era; `server/discover` in the 2026-07-28 era,
 * which has no ping.
 */
export function registerPingCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program.command('ping').argument('[target]', TARGET_HELP).usage(connectingUsage()).description('connect, send one liveness request (ping; server/discover in the 2026-07-28 era) and show the round-trip latency'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    await withConnection(cctx, cctx.out, target, options, async (connection, info) => {
      const { latencyMs, method } = await connection.ping();
      cctx.out.data({ latencyMs, method, era: info.era, protocolVersion: info.protocolVersion, transport: info.transport, server: info.serverInfo });
      const why = method === 'server/discover' ? ', the 2026-07-28 era has no ping' : '';
      cctx.out.line(`pong from ${info.serverInfo?.name ?? 'server'} over ${info.transport ?? 'unknown transport'}: ${latencyMs.toFixed(2)} ms (measured with ${method}${why})`);
    });
  });
}
