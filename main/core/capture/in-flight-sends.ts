/**
 * Sends in flight (a notification's POST, until the server acknowledges it), so that closing a
 * connection can let them land first. The SDK gives up on a request by sending
 * notifications/cancelled (MCP 2025-11-25 "Cancellation"); a command that fails on a timeout and
 * closes at once would otherwise abort that POST, or send it after the session's DELETE, and the
 * server would never learn the request was given up.
 */
export class InFlightSends {
  private readonly pending = new Set<Promise<void>>();

  /** Tracks `sending` until it settles; returns it unchanged. */
  track(sending: Promise<void>): Promise<void> {
    const settled = sending.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    return sending;
  }

  /** Resolves once every send now in flight has settled, or after `maxMs` (ms), whichever comes first. */
  settled(maxMs: number): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)));
    return Promise.race([Promise.all(this.pending).then(() => undefined), deadline]).finally(() => clearTimeout(timer));
  }
}
