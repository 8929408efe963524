import type { ConnectionInfo, ConnectionTargetInput } from '../../shared/model';
import { monoNow } from '../core/capture/clock';
import { redactorForTarget } from '../core/capture/redaction';
import { formatTraceLine } from '../core/capture/trace-format';
import { ConnectionManager } from '../core/connections/connection-manager';
import type { ClientInputHandlers } from '../core/connections/input/client-input';
import { PeriscopeError } from '../core/diagnostics/periscope-error';
import type { McpConnection } from '../core/connections/mcp-connection';
import type { ConnectionOAuth } from '../core/auth/connection-oauth';
import { oauthForTarget } from './auth-options';
import { recordHar } from './har-option';
import type { CliContext } from './cli-context';
import { clientInputHandlers, refusedSampling } from './client-input-options';
import type { ConnectionOptions } from './connection-options';
import type { CommandOutput } from './output';
import { resolveTarget } from './target';
import { CLIENT_INFO } from './version';

/** What a command's body gets besides the connection: `interrupted` aborts on Ctrl-C. */
export type SessionRun<T> = (connection: McpConnection, info: ConnectionInfo, interrupted: AbortSignal) => Promise<T>;

export interface SessionOptions extends Pick<ConnectionOptions, 'trace' | 'record' | 'recordCap' | 'har'> {
  /** Where trace lines go (default: stderr). */
  traceTo?: (line: string) => void;
  /** Ctrl-C subscription; without it Ctrl-C keeps Node's default (the process ends at once). */
  onInterrupt?: CliContext['onInterrupt'];
  /**
   * True when the body cancels its own work on `interrupted` (e.g. a tool call sends
   * notifications/cancelled). Otherwise Ctrl-C closes the connection, ending whatever runs.
   */
  bodyHandlesInterrupt?: boolean;
  /** Answers to the server's elicitation, sampling and roots requests (default: the engine's). */
  handlers?: ClientInputHandlers;
  /** OAuth on a 401 challenge (see auth-options.ts). */
  authorization?: ConnectionOAuth;
  /** Break the connect down into DNS, TCP, TLS, first byte and handshake (`connect` shows it). */
  measureSetup?: boolean;
  /** Sees the connection as soon as it exists, before connecting (so even a failed connect can be described). */
  onConnection?: (connection: McpConnection) => void;
}

/**
 * Opens one connection for one command: resolves the target, masks its secrets in all output
 * (with the connection's own Redactor, so what it learns on the way is masked too),
 * prints the live trace (--trace), records the session file (--record), and always closes the
 * connection (which flushes the file), whatever the command did. Ctrl-C ends the command
 * cleanly (session closed, exit code of 'cancelled'). --elicitation, --sampling and --roots
 * become the connection's input handlers (both protocol eras).
 */
export async function withConnection<T>(
  ctx: CliContext,
  out: CommandOutput,
  targetArg: string | undefined,
  options: ConnectionOptions,
  run: SessionRun<T>,
  extra: Pick<SessionOptions, 'bodyHandlesInterrupt' | 'traceTo' | 'measureSetup' | 'onConnection'> = {},
): Promise<T> {
  const { target, label, saved } = await resolveTarget(targetArg, options, ctx);
  out.addMasker(redactorForTarget(target));
  const handlers = clientInputHandlers(options, (line) => out.note(line));
  const oauth = await oauthForTarget(target, options, ctx, (line) => out.note(line), saved);
  return withTarget(out, target, label, { ...options, ...extra, onInterrupt: ctx.onInterrupt, ...(handlers ? { handlers } : {}), ...(oauth ? { authorization: oauth } : {}) }, run);
}

export async function withTarget<T>(
  out: CommandOutput,
  target: ConnectionTargetInput,
  label: string,
  options: SessionOptions,
  run: SessionRun<T>,
): Promise<T> {
  const manager = new ConnectionManager({
    clientInfo: CLIENT_INFO,
    ...(options.handlers ? { handlers: options.handlers } : {}),
    ...(options.recordCap ? { sessionFileCapBytes: options.recordCap * 1024 * 1024 } : {}),
    ...(options.measureSetup ? { measureSetup: true } : {}),
  });
  // The connection records its own session file (opened before its first entry, closed with it).
  const connection = manager.create(target, { label, recordTo: options.record, ...(options.authorization ? { oauth: options.authorization } : {}) });
  // Every line printed from here on, errors included, passes the connection's Redactor.
  out.addMasker(connection.masker);
  options.onConnection?.(connection);
  const stops: Array<() => unknown> = [];
  // Recording stopped at its cap: say so whether or not the trace is shown; the command goes on.
  stops.push(connection.bus.subscribe((entry) => entry.type === 'lifecycle' && entry.recordingStopped && out.note(`warning: ${entry.text}`)));
  const har = options.har ? recordHar(connection, options.har) : undefined;
  if (har) stops.push(har.stop);
  if (options.trace) {
    const start = monoNow();
    const print = options.traceTo ?? ((line: string) => out.note(line));
    stops.push(connection.bus.subscribe((entry) => print(formatTraceLine(entry, start))));
  }
  const interrupted = new AbortController();
  let running = false;
  let failed = false;
  if (options.onInterrupt) {
    stops.push(
      options.onInterrupt(() => {
        if (interrupted.signal.aborted) return;
        interrupted.abort();
        if (running && options.bodyHandlesInterrupt) return;
        out.note('interrupted: closing the connection... (Ctrl-C again quits at once)');
        void manager.closeAll().catch(() => undefined);
      }),
    );
  }
  try {
    // close() lets a connect attempt run to its end (up to the connect timeout), so Ctrl-C while
    // connecting stops waiting for it instead.
    const info = await Promise.race([connection.connect(), abortedPromise(interrupted.signal)]);
    for (const warning of info.warnings ?? []) out.note(`warning: ${warning}`);
    running = true;
    return await run(connection, info, interrupted.signal);
  } catch (error) {
    failed = true;
    if (interrupted.signal.aborted && !(running && options.bodyHandlesInterrupt)) throw interruptedError(label);
    throw refusedSampling(error) ?? error;
  } finally {
    // Close first so the closing exchange (e.g. the session DELETE) is traced and recorded too;
    // after an interrupt while connecting, the close finishes in the background.
    const closing = manager.closeAll().catch(() => undefined);
    if (running || !interrupted.signal.aborted) await closing;
    for (const stop of stops) stop();
    // Written after the close, so the closing exchange is in it too; a failed command's
    // exchanges are what a ticket needs most, so the file is written whatever happened.
    if (har) await har.write(out, failed);
  }
}

function interruptedError(label: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'cancelled',
    message: `Interrupted (Ctrl-C); the connection to ${label} was closed.`,
    hint: 'Nothing to fix: it was stopped on purpose. If the server was only slow, run again with a larger --timeout.',
  });
}

function abortedPromise(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

/**
 * Like withConnection for one instance of a group already resolved (resolveGroupTargets): the
 * target's secrets masked in all output, the connection's input handlers from the options.
 */
export async function withInstance<T>(
  ctx: CliContext,
  out: CommandOutput,
  instance: { target: ConnectionTargetInput; label: string },
  options: ConnectionOptions,
  run: SessionRun<T>,
  extra: Pick<SessionOptions, 'bodyHandlesInterrupt' | 'traceTo' | 'measureSetup'> = {},
): Promise<T> {
  out.addMasker(redactorForTarget(instance.target));
  const handlers = clientInputHandlers(options, (line) => out.note(line));
  return withTarget(out, instance.target, instance.label, { ...options, ...extra, onInterrupt: ctx.onInterrupt, ...(handlers ? { handlers } : {}) }, run);
}
