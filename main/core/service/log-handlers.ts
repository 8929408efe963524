import type { ChannelOutput, MainEvent, ParsedInput } from '../../../shared/ipc/contract';
import type { LogMessage } from '../../../shared/model/log-message';
import type { TraceEntry } from '../../../shared/model/trace';
import { LogBuffer } from '../logging/log-buffer';
import { logMessageFrom } from '../logging/log-message-entry';
import type { ConnectionLookup } from './connection-lookup';
import type { ConnectionManagerPort } from './ports';

export interface LogHandlerDeps {
  lookup: ConnectionLookup;
  manager: Pick<ConnectionManagerPort, 'subscribe'>;
  emit(event: MainEvent): void;
  /** How long new messages gather before one 'log-messages' event carries them, in ms. */
  batchMs?: number;
}

/**
 * The Logs section's core: every incoming notifications/message the trace bus sees (already
 * redacted) goes into its connection's bounded LogBuffer, and out as 'log-messages' events
 * gathered over `batchMs` (50 ms), so a flood of messages is a few events a second, not one per
 * message. The buffer outlives the connection, as its trace does, so a closed tab's log can
 * still be read. `stop` ends the listening (app shutdown).
 */
export function logHandlers({ lookup, manager, emit, batchMs = 50 }: LogHandlerDeps) {
  const buffers = new Map<string, LogBuffer>();
  const pending = new Map<string, LogMessage[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    for (const [connectionId, messages] of pending) {
      emit({ type: 'log-messages', connectionId, messages, dropped: buffers.get(connectionId)?.dropped ?? 0 });
    }
    pending.clear();
  };

  // Buffers of connections the lookup has let go of (neither open nor recently closed) go too.
  const forgetGone = () => {
    for (const connectionId of buffers.keys()) {
      if (!known(connectionId)) buffers.delete(connectionId);
    }
  };
  const known = (connectionId: string) => {
    try {
      lookup.any(connectionId);
      return true;
    } catch {
      return false;
    }
  };

  const stop = manager.subscribe((entry: TraceEntry) => {
    const message = logMessageFrom(entry);
    if (!message || entry.type !== 'message') return;
    let buffer = buffers.get(entry.connectionId);
    if (!buffer) {
      forgetGone();
      buffers.set(entry.connectionId, (buffer = new LogBuffer()));
    }
    const kept = buffer.push(message, entry.size);
    const queue = pending.get(entry.connectionId) ?? [];
    queue.push(kept);
    pending.set(entry.connectionId, queue);
    timer ??= setTimeout(flush, batchMs);
  });

  return {
    stop() {
      stop();
      if (timer) clearTimeout(timer);
    },
    handlers: {
      'logs:snapshot': async ({ connectionId }: ParsedInput<'logs:snapshot'>): Promise<ChannelOutput<'logs:snapshot'>> => {
        const connection = lookup.any(connectionId);
        const buffer = buffers.get(connectionId);
        const level = connection.logLevel;
        return { messages: buffer?.messages() ?? [], dropped: buffer?.dropped ?? 0, ...(level ? { level } : {}) };
      },
      'logs:set-level': async ({ connectionId, level }: ParsedInput<'logs:set-level'>) => lookup.live(connectionId).setLogLevel(level),
    },
  };
}
