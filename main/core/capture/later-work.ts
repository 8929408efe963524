/**
 * Capture's bookkeeping that nothing waits for: describing a request (redacting its headers and
 * body, checking them) and recording a JSON answer's HTTP entry. (What an exchange teaches the
 * masking is learned before the answer goes on: see recording-fetch.ts.) Queued here, it runs at the next
 * turn of the event loop (setImmediate) instead of in the middle of the exchange. With a server
 * in another process or on another machine (the case Periscope exists for), that turn comes
 * while the server works on the request, so capture adds next to nothing to the call's latency.
 *
 * Readers of what the entries feed call settle() first, so they never see a trace that is behind:
 * the in-memory buffer, the connection's state after connecting or failing, a closing session file.
 * Work runs in the order it was queued; one that throws is dropped (producers record their own
 * failures) and the rest still run.
 */
export class LaterWork {
  private readonly queue: Array<() => void> = [];
  private scheduled = false;
  private settling = false;

  /** Runs `work` at the next turn of the event loop, or at the next settle() if that comes first. */
  add(work: () => void): void {
    this.queue.push(work);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.onTurn);
  }

  /** Runs everything queued now, in order (work queued meanwhile too). A nested call returns at once. */
  settle(): void {
    if (this.settling || this.queue.length === 0) return;
    this.settling = true;
    try {
      // By index, not by iterator: work may queue more work, which runs in this same pass.
      for (let i = 0; i < this.queue.length; i++) {
        try {
          this.queue[i]!();
        } catch {
          // See above: the producer has recorded what it could.
        }
      }
    } finally {
      this.queue.length = 0;
      this.settling = false;
    }
  }

  /** Work queued and not run yet. */
  get pending(): number {
    return this.queue.length;
  }

  private readonly onTurn = (): void => {
    this.scheduled = false;
    this.settle();
  };
}
