import { atLeast, type LogLevel, type LogMessage } from '../../shared/model/log-message';

/** How many matching messages the list draws at most (the newest); the rest are counted, not drawn. */
export const LOG_ROWS_SHOWN = 500;

/**
 * The messages the Logs section shows: from `showFrom` up (a level outside the spec's eight always
 * shows, so a misbehaving server is seen), whose level, logger or data contains `query`
 * (case-insensitive; data searched as its JSON text).
 */
export function filterLogs(messages: readonly LogMessage[], showFrom: LogLevel | 'all', query: string): LogMessage[] {
  const needle = query.trim().toLowerCase();
  return messages.filter((m) => (showFrom === 'all' || atLeast(m.level, showFrom)) && (!needle || searchText(m).includes(needle)));
}

/** The data as shown: text as sent, anything else as indented JSON. */
export function dataText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data === undefined) return '(no data)';
  try {
    return JSON.stringify(data, null, 2);
  } catch {
    return String(data);
  }
}

function searchText(m: LogMessage): string {
  return `${m.level} ${m.logger ?? ''} ${dataText(m.data)}`.toLowerCase();
}
