import type { TraceEntry } from '../../../shared/model';
import type { ConnectionManagerPort, ConnectionPort, SessionFilesPort } from './ports';
import { unknownConnection } from './service-errors';
import { keepNewest } from '../../../shared/collections/keep-newest';

/**
 * Finds connections for the handlers. The manager forgets a connection once it is closed, but
 * its tab stays open in the window: its trace can still be read and saved as a session file,
 * so the most recently closed ones are kept here, without sockets and, when they recorded a
 * session file, without their in-memory trace: that is read back from the file when asked for.
 */
export class ConnectionLookup {
  private readonly closed = new Map<string, ConnectionPort>();

  constructor(
    private readonly manager: ConnectionManagerPort,
    private readonly keepClosed = 20,
    private readonly sessions?: Pick<SessionFilesPort, 'read'>,
  ) {}

  /** A connection's trace as memory would hold it: its buffer, or its session file once released. */
  async traceOf(connectionId: string): Promise<{ entries: TraceEntry[]; evicted: number }> {
    const connection = this.any(connectionId);
    const file = connection.trace?.released ? connection.trace.sessionFile : undefined;
    if (file && this.sessions) {
      const read = await this.sessions.read(file);
      return { entries: read.entries, evicted: read.evicted ?? 0 };
    }
    return { entries: connection.buffer.entries(), evicted: connection.buffer.evicted };
  }

  /** A live connection, for calls that need the server. */
  live(connectionId: string): ConnectionPort {
    const connection = this.manager.get(connectionId);
    if (!connection) throw unknownConnection(connectionId);
    return connection;
  }

  /** A live or recently closed connection, for reading its trace. */
  any(connectionId: string): ConnectionPort {
    const connection = this.manager.get(connectionId) ?? this.closed.get(connectionId);
    if (!connection) throw unknownConnection(connectionId);
    return connection;
  }

  async close(connectionId: string): Promise<void> {
    const connection = this.live(connectionId);
    await this.manager.close(connectionId);
    // The session file has every entry: the heap need not keep them too.
    if (this.sessions) connection.trace?.release();
    this.closed.set(connectionId, connection);
    keepNewest(this.closed, this.keepClosed);
  }
}
