import type { Command } from 'commander';
import type { ConnectionInfo } from '../../../shared/model';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { FailedOutcome } from '../error-report';
import { formatListing, formatStep, formatSummary, summarize } from '../exercise/exercise-format';
import { runExercise } from '../exercise/exercise-steps';
import { CONFORMANCE_CONTEXT_ENV, loadScriptedCalls } from '../exercise/scripted-calls';
import { noExtra } from './connect';

/**
 * `periscope exercise <target>`: connect, call every listed tool with arguments built from its
 * input schema (or scripted with --calls / MCP_CONFORMANCE_CONTEXT), read every resource, get
 * every prompt, all on one connection, and print each outcome and a summary. Exits 0 once
 * connected and listed, however the single requests ended: the run's purpose is to show them
 * (and the conformance suite needs exit 0); --fail-on-tool-error makes any isError exit 37.
 * The official MCP conformance suite drives the CLI through this command.
 */
export function registerExerciseCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('exercise')
      .argument('[target]', TARGET_HELP)
      .usage(connectingUsage())
      .option('--fail-on-tool-error', 'exit 37 (tool-error) when any tool call reported isError; the whole report is still printed')
      .option('--calls <file>', `scripted tool arguments, used verbatim: {"toolCalls": [{"name", "arguments"}]} (also read from $${CONFORMANCE_CONTEXT_ENV})`)
      .description('call every tool (arguments from its input schema), read every resource, get every prompt; print each outcome and a summary'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    const { calls, failOnToolError } = cmd.opts() as { calls?: string; failOnToolError?: boolean };
    // Read before connecting: a broken script is the user's to fix, not a server failure.
    const scripted = await loadScriptedCalls(cctx.env, calls);
    const { out } = cctx;
    await withConnection(cctx, out, target, options, async (connection, info, interrupted) => {
      out.line(connectedLine(info));
      const report = await runExercise(connection, info, {
        scripted,
        interrupted,
        note: (line) => out.note(line),
        onListing: (section, listing) => out.line(formatListing(section, listing)),
        onStep: (step) => out.line(formatStep(step)),
      });
      const summary = summarize(report);
      out.line(formatSummary(summary));
      out.data({
        server: info.serverInfo,
        transport: info.transport,
        era: info.era,
        protocolVersion: info.protocolVersion,
        ...report,
        summary,
      });
      if (failOnToolError && summary.isError > 0) throw toolErrorsOutcome(report.tools.calls.filter((c) => c.outcome === 'isError').map((c) => c.name));
    });
  });
}

function toolErrorsOutcome(tools: string[]): FailedOutcome {
  return new FailedOutcome({
    kind: 'tool-error',
    message: `${tools.length} tool call${tools.length === 1 ? '' : 's'} reported an error (isError: true): ${tools.join(', ')}.`,
    hint: 'The requests succeeded and the tools ran; their results (above) say why they failed. Without --fail-on-tool-error, exercise exits 0 once connected and listed.',
    detail: { tools },
  });
}

function connectedLine(info: ConnectionInfo): string {
  const server = info.serverInfo ? `${info.serverInfo.name} ${info.serverInfo.version}` : 'the server';
  const era = info.era === 'modern' ? '2026-07-28 era' : info.era === 'legacy' ? '2025 era' : 'era unknown';
  return `Connected to ${server} over ${info.transport ?? 'an unknown transport'} (${era}, version ${info.protocolVersion ?? 'unknown'})`;
}
