import { OperationLog } from './operation-log';
import { ResourceChangeFeed } from './resource-change-feed';

/** The resource bump_counter changes; clients watch it with subscriptions/listen or resources/subscribe. */
export const COUNTER_URI = 'playground://counter';

export interface CounterSnapshot {
  value: number;
  /** ISO time of the last bump, or of the playground's start. */
  updatedAt: string;
}

/**
 * State that outlives any one server instance of a running playground. A 2025-era session or a
 * connection keeps one instance for its lifetime, but the 2026-07-28 era over HTTP builds a fresh
 * instance per request, so whatever must survive between requests (the counter, the modern
 * clients' operation log) lives here, shared by every transport and era of one playground.
 */
export class PlaygroundSharedState {
  readonly changes = new ResourceChangeFeed();
  /** slow_operation records of 2026-07-28 requests over HTTP, which have no session to hold them. */
  readonly statelessOperations = new OperationLog();
  private counter: CounterSnapshot = { value: 0, updatedAt: new Date().toISOString() };

  get counterSnapshot(): CounterSnapshot {
    return { ...this.counter };
  }

  /** Adds `by` to the counter and announces the change of COUNTER_URI; returns the new value. */
  bumpCounter(by: number): number {
    this.counter = { value: this.counter.value + by, updatedAt: new Date().toISOString() };
    this.changes.publish(COUNTER_URI);
    return this.counter.value;
  }
}
