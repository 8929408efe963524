import type { EventId, EventStore, JSONRPCMessage, StreamId } from '@modelcontextprotocol/server';

interface StoredEvent {
  id: EventId;
  streamId: StreamId;
  message: JSONRPCMessage;
}

/**
 * Keeps the last `capacity` server-sent events of one 2025-era Streamable HTTP session so a client
 * can resume a dropped stream with Last-Event-ID (spec 2025-11-25, transports: "Resumability and
 * Redelivery"). Bounded because the playground may run for hours; a client that resumes from an
 * evicted id gets an error instead of a silent gap. The 2026-07-28 era has no sessions and so no
 * resumption: modern exchanges never reach this store.
 */
export class BoundedEventStore implements EventStore {
  private readonly events: StoredEvent[] = [];
  private counter = 0;

  constructor(private readonly capacity = 1_000) {}

  async storeEvent(streamId: StreamId, message: JSONRPCMessage): Promise<EventId> {
    // The counter makes ids unique and ordered; the stream id prefix lets an id name its stream.
    const id = `${streamId}_${String(++this.counter).padStart(8, '0')}`;
    this.events.push({ id, streamId, message });
    if (this.events.length > this.capacity) this.events.splice(0, this.events.length - this.capacity);
    return id;
  }

  async getStreamIdForEventId(eventId: EventId): Promise<StreamId | undefined> {
    return this.events.find((e) => e.id === eventId)?.streamId;
  }

  async replayEventsAfter(lastEventId: EventId, { send }: { send: (eventId: EventId, message: JSONRPCMessage) => Promise<void> }): Promise<StreamId> {
    const index = this.events.findIndex((e) => e.id === lastEventId);
    if (index < 0) throw new Error(`Event ${lastEventId} is unknown or was evicted; the stream cannot be resumed.`);
    const { streamId } = this.events[index];
    // Copy first: sending may store new events while we iterate.
    const later = this.events.slice(index + 1).filter((e) => e.streamId === streamId);
    for (const event of later) {
      // Priming events are stored as {} only to obtain an id; replaying them would send junk.
      if (Object.keys(event.message).length === 0) continue;
      await send(event.id, event.message);
    }
    return streamId;
  }

  get size(): number {
    return this.events.length;
  }
}
