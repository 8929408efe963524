import type { Command } from 'commander';
import type { TraceEntry } from '../../../shared/model';
import { isPeriscopeError, PeriscopeError } from '../../core/diagnostics/periscope-error';
import { withConnection } from '../cli-session';
import { actionCommand, connectingArgs, requireArg, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { followUntilInterrupted } from '../follow';
import { noExtra } from './connect';

/**
 * `periscope subscribe <target> <uri>`: subscribes to one resource and prints each
 * `notifications/resources/updated` for it until Ctrl-C or SIGTERM (then exit 0, the subscription
 * and the connection closed). 2025 era: `resources/subscribe` (MCP server/resources,
 * Subscriptions); 2026-07-28: a `subscriptions/listen` stream whose filter names the URI.
 */
export function registerSubscribeCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('subscribe')
      .argument('[target]', TARGET_HELP)
      .argument('[uri]', 'resource URI, e.g. playground://counter')
      .usage(connectingUsage('<uri>'))
      .description('subscribe to a resource and print each update until Ctrl-C (resources/subscribe; subscriptions/listen in the 2026-07-28 era; --json: one object per line)'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target, rest } = connectingArgs(cmd, cctx);
    const [uri, ...extra] = rest;
    noExtra(extra, cmd);
    requireArg(uri, 'resource URI', cmd);
    await withConnection(
      cctx,
      cctx.out,
      target,
      options,
      async (connection, info, interrupted) => {
        if (!(info.capabilities?.resources as { subscribe?: boolean } | undefined)?.subscribe) throw noSubscriptions();
        const via = info.era === 'modern' ? 'subscriptions/listen' : 'resources/subscribe';
        let updates = 0;
        const stop = connection.bus.subscribe((entry) => {
          if (updatedUri(entry) !== uri) return;
          updates++;
          const at = new Date(entry.wallTime).toISOString();
          cctx.out.record({ type: 'updated', uri, at, count: updates });
          cctx.out.line(`${at} updated ${uri} (${updates})`);
        });
        try {
          // Ctrl-C stops at once, also while the server has not acknowledged the stream yet.
          const listening = await untilInterrupted(connection.listen({ resourceSubscriptions: [uri] }).catch((error: unknown) => Promise.reject(unacknowledged(error, via))), interrupted);
          if (!listening) return;
          if (!(listening.honored.resourceSubscriptions ?? []).includes(uri)) {
            await listening.close().catch(() => undefined);
            throw notHonored(uri, via);
          }
          cctx.out.record({ type: 'subscribed', uri, via });
          cctx.out.note(`subscribed to ${uri} (${via}); waiting for updates, Ctrl-C to stop`);
          try {
            // 2026-07-28: the stream can end under us; a subscription gone quiet must not look alive.
            const following = followUntilInterrupted(connection, interrupted);
            const { ended } = listening;
            await (ended ? Promise.race([following, ended.then((how) => (how === 'local' ? following : Promise.reject(listenEnded(uri, how))))]) : following);
          } finally {
            await listening.close().catch(() => undefined);
          }
        } finally {
          stop();
        }
      },
      { bodyHandlesInterrupt: true },
    );
  });
}

/** The promise's value, or undefined as soon as `interrupted` aborts (the promise is left to the connection's close). */
function untilInterrupted<T>(promise: Promise<T>, interrupted: AbortSignal): Promise<T | undefined> {
  if (interrupted.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    interrupted.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => interrupted.removeEventListener('abort', onAbort));
  });
}

/** A listen that timed out waited for the acknowledgement (`notifications/subscriptions/acknowledged`): say so. */
function unacknowledged(error: unknown, via: string): unknown {
  if (via !== 'subscriptions/listen' || !isPeriscopeError(error) || error.info.kind !== 'timeout') return error;
  return new PeriscopeError({
    ...error.info,
    message: `The server did not acknowledge the subscriptions/listen stream: no notifications/subscriptions/acknowledged that Periscope could match came (${error.info.message})`,
    hint: 'the server must acknowledge a listen with notifications/subscriptions/acknowledged carrying the subscription id in _meta; --trace shows what it sent on the stream',
  });
}

/** The server ended a 2026-07-28 listen stream: the subscription is over (exit 24). */
function listenEnded(uri: string, how: 'graceful' | 'remote'): PeriscopeError {
  return new PeriscopeError({
    kind: 'closed',
    message:
      how === 'graceful'
        ? `The server ended the subscription to ${uri}: it sent the empty subscriptions/listen response (as a server does when it shuts down)`
        : `The subscriptions/listen stream for ${uri} ended without the server's response (the stream was closed or dropped), so no more updates will come`,
    hint: 'run the command again to listen again; --trace shows how the stream ended',
  });
}

/** The URI of an incoming notifications/resources/updated, if the entry is one. */
function updatedUri(entry: TraceEntry): string | undefined {
  if (entry.type !== 'message' || entry.direction !== 'incoming' || entry.method !== 'notifications/resources/updated') return undefined;
  const uri = (entry.message as { params?: { uri?: unknown } } | undefined)?.params?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

function noSubscriptions(): PeriscopeError {
  return new PeriscopeError({
    kind: 'not-found',
    message: 'This server does not offer resource subscriptions (its "resources" capability has no "subscribe": true).',
    hint: 'Read the resource again when you need it: `periscope read <server> <uri>`.',
  });
}

function notHonored(uri: string, via: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'protocol',
    message: `The server did not take the subscription to ${uri} (${via}).`,
    hint: 'Check the URI with `periscope resources <server>`; the server may not allow subscribing to this resource.',
  });
}
