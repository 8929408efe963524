import type { LogMessage } from '../../../shared/model/log-message';
import { cutUtf8 } from '../capture/utf8-cut';

/** The most log messages one connection keeps; older ones are dropped (and counted). */
export const LOG_CAPACITY = 2000;
/** The most of one message's data kept, in UTF-8 bytes of its JSON text; the trace has the rest. */
export const LOG_DATA_CAP_BYTES = 16 * 1024;

/**
 * One connection's server log messages, bounded in count (LOG_CAPACITY, oldest dropped first,
 * `dropped` counting them) and in size: data bigger than LOG_DATA_CAP_BYTES as JSON is kept as
 * the first part of its text, marked `truncated`, so a flood of huge messages holds at most
 * about LOG_CAPACITY × 16 KiB (32 MiB) per connection.
 */
export class LogBuffer {
  private items: LogMessage[] = [];
  private droppedCount = 0;

  /** Adds one message (its data cut to the cap when needed) and returns what was kept. */
  push(message: LogMessage, size: number): LogMessage {
    const kept = size > LOG_DATA_CAP_BYTES ? capped(message) : message;
    this.items.push(kept);
    if (this.items.length > LOG_CAPACITY) {
      // Dropping in chunks keeps a flood from shifting the array on every message.
      const excess = this.items.length - LOG_CAPACITY + Math.floor(LOG_CAPACITY / 10);
      this.items.splice(0, excess);
      this.droppedCount += excess;
    }
    return kept;
  }

  messages(): LogMessage[] {
    return [...this.items];
  }

  /** How many older messages were dropped to stay within LOG_CAPACITY. */
  get dropped(): number {
    return this.droppedCount;
  }
}

function capped(message: LogMessage): LogMessage {
  if (message.truncated) return message;
  const text = typeof message.data === 'string' ? message.data : (JSON.stringify(message.data) ?? '');
  const whole = Buffer.byteLength(text);
  if (whole <= LOG_DATA_CAP_BYTES) return message;
  const note = `log message data of ${Math.round(whole / 1024)} KiB: the first ${LOG_DATA_CAP_BYTES / 1024} KiB kept here; the whole message is in the trace`;
  return { ...message, data: cutUtf8(text, LOG_DATA_CAP_BYTES).text, truncated: note };
}
