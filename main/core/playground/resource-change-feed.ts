/** Called with the URI of a resource whose content changed. */
export type ResourceChangeListener = (uri: string) => void;

/**
 * In-process publish/subscribe of "this resource changed", one per running playground. It is the
 * single source the two delivery models read from (spec 2026-07-28 `subscriptions/listen` and
 * spec 2025-11-25 `resources/subscribe` + `notifications/resources/updated`), so a change is
 * announced once and reaches every era and transport.
 */
export class ResourceChangeFeed {
  private readonly listeners = new Set<ResourceChangeListener>();

  /** Registers a listener; returns an idempotent function that removes it. */
  subscribe(listener: ResourceChangeListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Tells every listener that `uri` changed; a throwing listener does not stop the others. */
  publish(uri: string): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(uri);
      } catch {
        // A listener belongs to one connection; its failure must not hide the change from the rest.
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
