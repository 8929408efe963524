import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConnectionTargetInput, RemoteInput } from '../../../shared/model';
import type { PlaygroundInfo } from '../../../shared/ipc/contract';
import type { PlaygroundLauncher, RemotesPort } from './ports';
import { isPlaygroundUrl, PLAYGROUND_HOST } from '../../../shared/model/playground-host';

/**
 * The built-in playground has no fixed port (it binds 127.0.0.1:0 when first needed), so saved
 * remotes name it by a placeholder host instead. Any remote whose URL host is this name, the
 * built-in one and the user's copies alike, is pointed at the running playground on connect.
 * `.localhost` names are loopback by definition (RFC 6761), so the placeholder can never reach
 * another machine even if something used it unchanged.
 */
export { PLAYGROUND_HOST };

export const PLAYGROUND_REMOTE: RemoteInput = {
  name: 'Playground',
  transport: 'streamable',
  url: `http://${PLAYGROUND_HOST}/mcp`,
  headers: [],
  notes:
    'Built-in demo MCP server, started on 127.0.0.1 when you connect. Change the transport to SSE (path /sse) or WebSocket (ws://playground.localhost/ws) to try the others.',
};

const FIRST_LAUNCH_MARKER = 'first-launch-done';

/** On the very first launch only, saves the Playground remote; a user who deletes it keeps it deleted. */
export async function seedFirstLaunch(dataDir: string, remotes: RemotesPort): Promise<boolean> {
  const marker = join(dataDir, FIRST_LAUNCH_MARKER);
  try {
    await access(marker);
    return false;
  } catch {
    // not there: first launch
  }
  const existing = await remotes.list();
  if (!existing.some((r) => r.name.toLowerCase() === PLAYGROUND_REMOTE.name.toLowerCase())) await remotes.create(PLAYGROUND_REMOTE);
  await mkdir(dataDir, { recursive: true });
  await writeFile(marker, `${new Date().toISOString()}\n`);
  return true;
}

export function targetsPlayground(target: ConnectionTargetInput): boolean {
  return isPlaygroundUrl(target.url);
}

/** The same target, its placeholder origin replaced by the running playground's. */
export function pointAtPlayground(target: ConnectionTargetInput, playground: PlaygroundInfo): ConnectionTargetInput {
  const placeholder = new URL(target.url!);
  const base = new URL(playground.baseUrl);
  const actual = new URL(placeholder.pathname + placeholder.search, base);
  if (placeholder.protocol === 'ws:' || placeholder.protocol === 'wss:') actual.protocol = 'ws:';
  return { ...target, url: actual.toString() };
}

/** Starts the playground once, on first use, and stops it on dispose. */
export class PlaygroundHost {
  private running: ReturnType<PlaygroundLauncher> | undefined;

  constructor(private readonly launch: PlaygroundLauncher) {}

  async ensureStarted(): Promise<PlaygroundInfo> {
    if (!this.running) {
      this.running = this.launch();
      this.running.catch(() => {
        this.running = undefined; // let the next attempt try again
      });
    }
    const { baseUrl, urls } = await this.running;
    return { baseUrl, urls };
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running) await (await running.catch(() => undefined))?.close();
  }
}
