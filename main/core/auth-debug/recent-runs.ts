import type { AuthDebugRun } from '../../../shared/model/auth-debug';
import { keepNewest } from '../../../shared/collections/keep-newest';

/** Servers remembered at once; the one started longest ago is forgotten first. */
const MAX_SERVERS = 16;

/**
 * The latest auth debugger run per MCP server URL in this window, so that a repro bundle saved
 * from a connection to that server carries it (its `authDebug` part). Holds the runs' owners
 * (AuthDebugger), whose `run` is always the masked run as it stands.
 */
export class RecentAuthDebugRuns {
  private readonly byServer = new Map<string, { readonly run: AuthDebugRun }>();

  remember(serverUrl: string, owner: { readonly run: AuthDebugRun }): void {
    const key = serverKey(serverUrl);
    this.byServer.delete(key);
    this.byServer.set(key, owner);
    keepNewest(this.byServer, MAX_SERVERS);
  }

  /** The latest run against this server (the same URL, written either way), or undefined. */
  latestFor(serverUrl: string): AuthDebugRun | undefined {
    return this.byServer.get(serverKey(serverUrl))?.run;
  }
}

function serverKey(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
