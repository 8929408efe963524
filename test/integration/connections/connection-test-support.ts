import { afterEach } from 'vitest';
import type { TraceEntry } from '../../../shared/model/trace';
import { ConnectionManager, type ConnectionManagerOptions } from '../../../main/core/connections/connection-manager';

/** A manager per test file, closed after every test along with whatever servers the test started. */
export function useManager(options: ConnectionManagerOptions = {}): { manager: ConnectionManager; cleanup(fn: () => Promise<unknown>): void } {
  const manager = new ConnectionManager({ webSocket: { pingIntervalMs: 0 }, ...options });
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    await manager.closeAll();
    while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
  });
  return { manager, cleanup: (fn) => void cleanups.push(fn) };
}

export const SECRET = 'sk-live-periscope-9f8e7d6c';
export const AUTH_HEADERS = [
  { name: 'Authorization', value: `Bearer ${SECRET}`, secret: true },
  { name: 'X-Team', value: 'observability' },
];

/** Waits until `check` holds, polling; fails with `what` after the time limit. */
export async function until(check: () => boolean, what: string, limitMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function textOf(result: unknown): string {
  return ((result as { content: Array<{ text?: string }> }).content[0]?.text ?? '') as string;
}

export function ofType<T extends TraceEntry['type']>(entries: TraceEntry[], type: T): Array<Extract<TraceEntry, { type: T }>> {
  return entries.filter((e): e is Extract<TraceEntry, { type: T }> => e.type === type);
}
