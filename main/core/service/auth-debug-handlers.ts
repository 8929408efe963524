import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import { AuthDebugger } from '../auth-debug/auth-debugger';
import type { RecentAuthDebugRuns } from '../auth-debug/recent-runs';
import { writeAuthDebugRun } from '../auth-debug/run-file';
import { redactorForTarget } from '../capture/redaction';
import { createTlsSetup, type TlsSetup } from '../connections/tls-dispatcher';
import { parseEndpointUrl } from '../diagnostics/url';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { type PlaygroundHost, pointAtPlayground, targetsPlayground } from './playground-remote';
import type { FileDialogs, RemotesPort } from './ports';
import { fileError, noDialogs, unknownRemote } from './service-errors';

import type { AuthorizationOpener } from '../auth/authorization-handlers';

export interface AuthDebugDeps {
  remotes: Pick<RemotesPort, 'resolveForConnection' | 'get'>;
  dialogs?: FileDialogs;
  openAuthorizationUrl?: AuthorizationOpener;
  /** Where each run is remembered by server, for repro bundles. */
  recent?: RecentAuthDebugRuns;
  /** The built-in playground: a remote pointing at it is started first and debugged there, as connecting would. */
  playground?: PlaygroundHost;
}

/** At most this many runs are kept at once; the oldest is closed to make room. */
const MAX_RUNS = 8;

/**
 * auth-debug:*: the guided auth debugger for the window. Each run is an AuthDebugger kept here
 * by id (it holds the state between steps, and the tokens it got, in memory only); the window
 * gets the run masked. A run needs no connection: a saved remote's URL or any http(s) URL.
 */
export function authDebugHandlers({ remotes, dialogs, openAuthorizationUrl, recent, playground }: AuthDebugDeps) {
  // Each run with the TLS setup its requests go through (a private agent when the remote has CA files).
  const runs = new Map<string, { debug: AuthDebugger; tls: TlsSetup }>();
  const progress = (runId: string, debug: AuthDebugger): ChannelOutput<'auth-debug:next'> => ({ runId, run: debug.run, ...(debug.nextStep ? { nextStep: debug.nextStep } : {}) });
  const find = (runId: string): AuthDebugger => {
    const run = runs.get(runId);
    if (!run) throw new PeriscopeError({ kind: 'not-found', message: 'This auth debugger run is over.', hint: 'Start the auth debugger again.' });
    return run.debug;
  };
  const closeRun = async (runId: string): Promise<void> => {
    const run = runs.get(runId);
    runs.delete(runId);
    await run?.debug.close();
    await run?.tls.close();
  };
  /** A playground URL (placeholder host) is the running playground's, started first, as connecting does. */
  const playgroundUrl = async (url: string): Promise<string> => {
    if (!playground || !targetsPlayground({ url, transport: 'auto' })) return url;
    return pointAtPlayground({ url, transport: 'auto' }, await playground.ensureStarted()).url!;
  };
  return {
    'auth-debug:start': async ({ remoteId, url, clientId, scope }: ParsedInput<'auth-debug:start'>): Promise<ChannelOutput<'auth-debug:start'>> => {
      const named = remoteId ? await remoteTarget(remotes, remoteId) : { url: urlTarget(url) };
      const target = { ...named, url: await playgroundUrl(named.url) };
      const redactor = redactorForTarget(target);
      // A saved remote's headers (an API gateway's key, say) and TLS settings, as its connection has them.
      const tls = await createTlsSetup('tls' in target ? target.tls : undefined);
      const headers = 'headers' in target ? target.headers : undefined;
      const debug = new AuthDebugger({
        serverUrl: target.url,
        redactor,
        fetch: tls.fetch,
        ...(headers?.length ? { headers } : {}),
        ...(openAuthorizationUrl ? { openAuthorizationUrl } : { authorize: 'browser' as const }),
        ...(clientId ? { clientId } : {}),
        ...(scope ? { scope } : {}),
      });
      const runId = randomUUID();
      runs.set(runId, { debug, tls });
      recent?.remember(target.url, debug);
      if (runs.size > MAX_RUNS) {
        const [oldest] = runs.keys();
        if (oldest) await closeRun(oldest);
      }
      return progress(runId, debug);
    },
    'auth-debug:next': async ({ runId }: ParsedInput<'auth-debug:next'>): Promise<ChannelOutput<'auth-debug:next'>> => {
      const debug = find(runId);
      await debug.next();
      return progress(runId, debug);
    },
    'auth-debug:export': async ({ runId }: ParsedInput<'auth-debug:export'>): Promise<ChannelOutput<'auth-debug:export'>> => {
      const debug = find(runId);
      if (!dialogs) throw noDialogs();
      const path = await dialogs.chooseFileToSave({ title: 'Export the auth debugger run', defaultName: 'auth-debug-run.json', filters: [{ name: 'Auth debugger run (JSON)', extensions: ['json'] }] });
      if (!path) return { cancelled: true };
      try {
        await writeAuthDebugRun(path, debug.run);
      } catch (error) {
        throw fileError('write', path, error);
      }
      return { cancelled: false, path };
    },
    'auth-debug:close': async ({ runId }: ParsedInput<'auth-debug:close'>): Promise<ChannelOutput<'auth-debug:close'>> => {
      await closeRun(runId);
    },
  };
}

async function remoteTarget(remotes: AuthDebugDeps['remotes'], remoteId: string) {
  if (!(await remotes.get(remoteId))) throw unknownRemote(remoteId);
  const { target } = await remotes.resolveForConnection(remoteId);
  if (!target.url || target.transport === 'stdio' || target.transport === 'websocket') {
    throw new PeriscopeError({ kind: 'invalid-input', message: 'The auth debugger works with HTTP servers (Streamable HTTP or SSE): this remote has no http(s) URL.', hint: 'Pick a remote with an http:// or https:// URL, or type the server\'s URL.' });
  }
  return { ...target, url: target.url };
}

function urlTarget(url: string | undefined): string {
  if (!url) throw new PeriscopeError({ kind: 'invalid-url', message: 'No server URL given.', hint: 'Type the MCP server\'s URL, e.g. https://mcp.example.com/mcp.' });
  const parsed = parseEndpointUrl(url, 'auto');
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new PeriscopeError({ kind: 'invalid-url', message: `${parsed.protocol}// is not an HTTP URL: OAuth applies to http:// and https:// servers.`, hint: 'Type the server\'s http:// or https:// URL.' });
  }
  return parsed.toString();
}
