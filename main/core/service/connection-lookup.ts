import type { ConnectionManagerPort, ConnectionPort } from './ports';
import { unknownConnection } from './service-errors';

/**
 * Finds connections for the handlers. The manager forgets a connection once it is closed, but
 * its tab stays open in the window: its trace can still be read and saved as a session file,
 * so the most recently closed ones are kept here (their buffers only, no sockets).
 */
export class ConnectionLookup {
  private readonly closed = new Map<string, ConnectionPort>();

  constructor(
    private readonly manager: ConnectionManagerPort,
    private readonly keepClosed = 20,
  ) {}

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
    this.closed.set(connectionId, connection);
    while (this.closed.size > this.keepClosed) this.closed.delete(this.closed.keys().next().value!);
  }
}
