import type { Command } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { readSessionFile } from '../../core/capture/session-file-reader';
import type { AuthDebugRun } from '../../../shared/model/auth-debug';
import { doctorForBundle } from '../../core/bundle/bundle-doctor';
import { bundleRemote } from '../../core/bundle/bundle-remote';
import { createReproBundle, writeBundleFile } from '../../core/bundle/repro-bundle';
import type { McpConnection } from '../../core/connections/mcp-connection';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions, type ConnectionOptions } from '../connection-options';
import { errorInfoOf } from '../error-report';
import { CLIENT_INFO } from '../version';
import { noExtra } from './connect';

/**
 * `periscope bundle <url|remote> --out FILE`: connects, lists the tools, resources and prompts
 * the server offers, and writes a repro bundle (shared/model/repro-bundle.ts) with the remote
 * (secrets removed), the session's trace, its HAR and the versions. The bundle is written even
 * when connecting or listing fails, and the command then exits as that failure would.
 */
export function registerBundleCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('bundle')
      .argument('[target]', TARGET_HELP)
      .usage(connectingUsage('--out <file>'))
      .description('connect, list what the server offers and write a repro bundle for a ticket (remote without secrets, trace, HAR, versions), also when it fails'),
  )
    .requiredOption('--out <file>', 'the bundle file to write (JSON)')
    .option('--auth-debug-run <file>', 'add an auth debugger run exported with periscope auth debug --out (or the app\'s Export run…)')
    .addHelpText('after', '\nExample:\n  periscope bundle https://mcp.example.com/mcp -H "Authorization: Bearer $TOKEN" --out ticket-1234.json\n')
    .action(async (...params: unknown[]) => {
      const cmd = actionCommand(params);
      const { options, target, rest } = connectingArgs(cmd, cctx);
      noExtra(rest, cmd);
      const { out, authDebugRun } = cmd.opts() as { out: string; authDebugRun?: string };
      // Read (and validated) before connecting: a wrong file is refused before anything is sent.
      const authDebug = authDebugRun !== undefined ? await (await import('../../core/auth-debug/run-file')).readAuthDebugRun(authDebugRun) : undefined;
      // The trace is recorded to a session file (--record's, or a temporary one) and read back whole.
      const temp = options.record ? undefined : await mkdtemp(join(tmpdir(), 'periscope-bundle-'));
      const record = options.record ?? join(temp!, 'session.ndjson');
      let connection: McpConnection | undefined;
      let failure: unknown;
      const listed: Record<string, number> = {};
      try {
        await withConnection(cctx, cctx.out, target, { ...options, record } as ConnectionOptions, (c, info) => listOffered(c, info.capabilities ?? {}, listed), {
          onConnection: (c) => (connection = c),
        });
      } catch (error) {
        failure = error;
      }
      try {
        // Nothing to bundle when no connection was even made (an unknown remote, a bad option).
        if (!connection) throw failure;
        await writeCommandBundle(cctx, out, connection, record, failure, listed, authDebug);
      } catch (error) {
        if (failure === undefined || error === failure) throw error;
        // The command's own failure stays the one reported (and its exit code); the bundle's is a warning.
        cctx.out.note(`warning: ${(error as Error).message}`);
      } finally {
        if (temp) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
      }
      if (failure !== undefined) throw failure;
    });
}

/** Reads the recorded session back whole and writes the bundle; says where it went (stdout, or stderr after a failure). */
async function writeCommandBundle(cctx: CommandContext, out: string, connection: McpConnection, record: string, failure: unknown, listed: Record<string, number>, authDebug: AuthDebugRun | undefined): Promise<void> {
  const session = await readSessionFile(record);
  const error: ErrorInfo | undefined = failure === undefined ? undefined : connection.masker.value(errorInfoOf(failure));
  // The doctor's layer-by-layer verdicts travel with the trace (its own output is masked already).
  const doctor = await doctorForBundle(connection.givenTarget, connection.label, CLIENT_INFO);
  const bundle = createReproBundle({
    remote: bundleRemote(connection.givenTarget, connection.label),
    outcome: error ? { ok: false, error } : { ok: true },
    session: { header: session.header, entries: session.entries },
    parts: { doctor, authDebug },
  });
  await writeBundleFile(out, bundle);
  const summary = `Repro bundle written to ${out}: ${session.entries.length} trace entries, ${bundle.har.log.entries.length} HTTP exchanges${describeListed(listed)}`;
  if (error) {
    // The failure is the command's result (its error document with --json); the bundle is said on stderr.
    cctx.out.note(`${summary}; it records the failure`);
  } else {
    cctx.out.data({ path: out, entries: session.entries.length, httpExchanges: bundle.har.log.entries.length, listed });
    cctx.out.line(summary);
  }
}

/** tools/list, resources/list and prompts/list, each only when the server declared that capability. */
async function listOffered(connection: McpConnection, capabilities: Record<string, unknown>, listed: Record<string, number>): Promise<void> {
  if (capabilities.tools) listed.tools = ((await connection.listTools()) as { tools: unknown[] }).tools.length;
  if (capabilities.resources) listed.resources = ((await connection.listResources()) as { resources: unknown[] }).resources.length;
  if (capabilities.prompts) listed.prompts = ((await connection.listPrompts()) as { prompts: unknown[] }).prompts.length;
}

function describeListed(listed: Record<string, number>): string {
  const parts = Object.entries(listed).map(([what, count]) => `${count} ${what}`);
  return parts.length > 0 ? ` (listed ${parts.join(', ')})` : '';
}
