import type { HttpEntry } from '../../../shared/model/trace';
import { createRecordingFetch } from '../capture/recording-fetch';
import type { Redactor } from '../capture/redaction';
import { TraceBus } from '../capture/trace-bus';

/** How long a step waits for the recording of its last exchange's body, in ms. */
const SETTLE_TIMEOUT_MS = 5_000;

/**
 * The debugger's wire: a recording fetch (the same one connections use, so every exchange is
 * recorded and masked exactly as the trace records it) whose finished exchanges are collected
 * per step. The recording of a body ends a little after the caller got its response (the copy
 * is read in the background), so a step `settle()`s before it takes its exchanges.
 */
export class StepRecorder {
  readonly fetch: typeof fetch;
  private readonly bus: TraceBus;
  private started = 0;
  private finished: HttpEntry[] = [];
  private wake?: () => void;

  constructor(redactor: Redactor, baseFetch?: typeof fetch) {
    this.bus = new TraceBus('auth-debug', redactor);
    this.bus.subscribe((entry) => {
      if (entry.type !== 'http' || entry.phase === 'headers') return;
      this.finished.push(entry);
      this.wake?.();
    });
    const recording = createRecordingFetch(this.bus, redactor, baseFetch ? { baseFetch } : {});
    this.fetch = ((input: string | URL | Request, init?: RequestInit) => {
      this.started++;
      return recording(input, init);
    }) as typeof fetch;
  }

  /**
   * Waits until every exchange started since the last `take()` is recorded (at most 5 s: a body
   * that never ends is recorded as far as it came, later), then hands them over in order.
   */
  async take(): Promise<HttpEntry[]> {
    const taken = await this.settled();
    this.finished = [];
    this.started = Math.max(0, this.started - taken.length);
    return taken;
  }

  /** The exchanges recorded since the last `take()`, once settled (as `take`, without handing them over). */
  async settled(): Promise<HttpEntry[]> {
    // A JSON answer's entry is made at the next turn of the event loop (see LaterWork): now instead.
    this.bus.settle();
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while (this.finished.length < this.started && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.wake = () => (clearTimeout(timer), resolve());
      });
      this.wake = undefined;
    }
    return [...this.finished].sort((a, b) => a.seq - b.seq);
  }
}
