import type { MainEvent } from '../../shared/ipc/contract';
import type { LogLevel } from '../../shared/model/log-message';
import { mergeMessages, useLogsStore } from '../stores/logs-store';
import { periscope } from './api';

const store = () => useLogsStore.getState();

/** The messages main kept before the section opened; live ones already here are merged by seq. */
export async function loadLogs(connectionId: string): Promise<void> {
  const result = await periscope().logs.snapshot(connectionId);
  if (!result.ok) return store().update(connectionId, () => ({ loaded: true }));
  const { messages, dropped, level } = result.value;
  store().update(connectionId, (slot) => {
    const live = slot.messages.filter((m) => m.seq > (messages.at(-1)?.seq ?? -Infinity));
    const merged = mergeMessages(messages, live, dropped);
    return { loaded: true, ...merged, level: slot.level ?? level };
  });
}

/** A batch of new log messages from main. */
export function applyLogMessages(event: Extract<MainEvent, { type: 'log-messages' }>): void {
  store().update(event.connectionId, (slot) => {
    const merged = mergeMessages(slot.messages, event.messages, 0);
    return { messages: merged.messages, dropped: Math.max(event.dropped, slot.dropped + (merged.dropped)) };
  });
}

/** logging/setLevel (2025 era), or the level kept for later requests' _meta (2026-07-28). */
export async function setLogLevel(connectionId: string, level: LogLevel): Promise<void> {
  store().update(connectionId, () => ({ setting: true, setError: undefined }));
  const result = await periscope().logs.setLevel(connectionId, level);
  store().update(connectionId, () => (result.ok ? { setting: false, level, via: result.value.via } : { setting: false, setError: result.error }));
}

/** One ping round trip, shown with its latency. */
export async function pingServer(connectionId: string): Promise<void> {
  store().update(connectionId, () => ({ ping: { status: 'pinging' } }));
  const result = await periscope().connections.ping(connectionId);
  store().update(connectionId, () => ({
    ping: result.ok ? { status: 'done', latencyMs: result.value.latencyMs, method: result.value.method, at: Date.now() } : { status: 'failed', error: result.error },
  }));
}
