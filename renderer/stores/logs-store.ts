import { createSlotsStore } from './connection-slots';
import type { ErrorInfo } from '../../shared/model/error-info';
import type { LogLevel, LogMessage } from '../../shared/model/log-message';

/** The most log messages the window keeps per connection (main keeps as many; older ones are counted). */
export const RENDERER_LOG_CAPACITY = 2000;

export interface LogsSlot {
  /** The snapshot arrived (live messages before it are merged in by seq). */
  loaded: boolean;
  messages: LogMessage[];
  /** Older messages dropped to stay bounded (main's count, or the window's if larger). */
  dropped: number;
  /** The level asked for, and how it applies: logging/setLevel, or each later request's _meta. */
  level?: LogLevel;
  via?: 'logging/setLevel' | 'request-meta';
  setting: boolean;
  setError?: ErrorInfo;
  /** Show messages from this level up ('all': every message, unknown levels included). */
  showFrom: LogLevel | 'all';
  query: string;
  ping?: { status: 'pinging' } | { status: 'done'; latencyMs: number; method?: string; at: number } | { status: 'failed'; error: ErrorInfo };
}

export const EMPTY_LOGS: LogsSlot = { loaded: false, messages: [], dropped: 0, setting: false, showFrom: 'all', query: '' };

const logs = createSlotsStore<LogsSlot>(EMPTY_LOGS);

/** The Logs section's state, one slot per connection. */
export const useLogsStore = logs.useStore;
export const logsSlot = logs.slotOf;

/**
 * `messages` with `fresh` appended (those not already held, by seq), bounded to
 * RENDERER_LOG_CAPACITY; `dropped` grows by what fell off the front.
 */
export function mergeMessages(messages: LogMessage[], fresh: readonly LogMessage[], dropped: number): { messages: LogMessage[]; dropped: number } {
  const lastSeq = messages.length > 0 ? messages[messages.length - 1].seq : -Infinity;
  const merged = [...messages, ...fresh.filter((m) => m.seq > lastSeq)];
  const excess = Math.max(0, merged.length - RENDERER_LOG_CAPACITY);
  return { messages: excess > 0 ? merged.slice(excess) : merged, dropped: dropped + excess };
}
