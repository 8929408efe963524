import type { Command } from 'commander';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import { logMessageFrom } from '../../core/logging/log-message-entry';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { followUntilInterrupted, formatLogLine, logLevelOption, logRecord, type LogLevel } from '../follow';
import { noExtra } from './connect';

/**
 * `periscope logs <target> [--level <level>]`: prints the server's log messages
 * (`notifications/message`, MCP server/utilities/logging) as they arrive, until Ctrl-C or
 * SIGTERM. With --level it first sends `logging/setLevel`. 2025 era only: a 2026-07-28 server
 * sends log messages only with the answer to a request that asks for them (its `_meta` carries
 * the level), so there is no standing log to follow; that is refused with exit 35, pointing at
 * `periscope call ... --log-level`.
 */
export function registerLogsCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('logs')
      .argument('[target]', TARGET_HELP)
      .usage(connectingUsage('[--level <level>]'))
      .addOption(logLevelOption('--level <level>', 'send logging/setLevel first: the server sends messages from this level up (default: the server decides)'))
      .description('print the server\'s log messages (notifications/message) as they arrive, until Ctrl-C (2025 era; --json: one object per line)'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    const { level } = cmd.opts() as { level?: LogLevel };
    await withConnection(
      cctx,
      cctx.out,
      target,
      options,
      async (connection, info, interrupted) => {
        if (info.era === 'modern') throw noStandingLog();
        if (!info.capabilities?.logging) throw noLogging();
        const stop = connection.bus.subscribe((entry) => {
          const message = logMessageFrom(entry);
          if (!message) return;
          cctx.out.record(logRecord(message));
          cctx.out.line(formatLogLine(message));
        });
        try {
          if (level) await connection.setLogLevel(level);
          cctx.out.note(`listening for log messages${level ? ` from ${level} up (logging/setLevel sent)` : ''}; Ctrl-C to stop`);
          await followUntilInterrupted(connection, interrupted);
        } finally {
          stop();
        }
      },
      { bodyHandlesInterrupt: true },
    );
  });
}

function noStandingLog(): PeriscopeError {
  return new PeriscopeError({
    kind: 'protocol-version',
    message: 'A 2026-07-28 server sends log messages only with the answer to a request that asks for them (io.modelcontextprotocol/logLevel in its _meta): there is no standing log to follow, and no logging/setLevel.',
    hint: 'See one call\'s log messages with `periscope call <server> <tool> --log-level debug`, or follow the log of a server that also speaks 2025 with --protocol-era legacy.',
  });
}

function noLogging(): PeriscopeError {
  return new PeriscopeError({
    kind: 'not-found',
    message: 'This server does not send log messages (it declares no "logging" capability).',
    hint: 'Nothing to follow here; its other output may be in the trace (--trace), or on its stderr for a stdio server.',
  });
}
