import type { TestCore } from '../hostile/app-core-support';

/** What every channel answers through the dispatch: a value, or an error as data. */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

/** The value of an answer; an error answer fails the test with its message. */
export function valueOf<T>(answer: unknown): T {
  const a = answer as Answer<T>;
  if (!a.ok) throw new Error(`${a.error.kind}: ${a.error.message}`);
  return a.value;
}

let remotes = 0;

/**
 * Saves a Streamable HTTP remote for `url` (a fresh name each time) and opens it through the
 * contract, as the window's Connect does; fails the test unless it connects.
 */
export async function openRemote<T extends { connectionId: string } = { connectionId: string; state: string; capabilities?: Record<string, unknown> }>(
  test: TestCore,
  url: string,
  era?: 'legacy' | 'modern',
): Promise<T> {
  const { remote } = await test.core.remotes.create({ name: `remote ${++remotes}`, transport: 'streamable', url, headers: [], ...(era ? { protocolEra: era } : {}) });
  const opened = valueOf<T & { state?: string }>(await test.call('connections:open', { remoteId: remote.id }));
  if (opened.state !== undefined && opened.state !== 'connected') throw new Error(`the connection to ${url} is ${opened.state}`);
  return opened;
}

/** Waits until `check` holds (polling every 20 ms), failing after `ms` with what was awaited. */
export async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`waited ${ms / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
