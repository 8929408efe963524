import type { RequestOptions } from '@modelcontextprotocol/client';
import type { PeriscopeError } from '../diagnostics/periscope-error';
import type { LiveSession } from './connection-attempt';

type Client = LiveSession['client'];

/** What the subscriptions need of their connection (ConnectionRequests hands over its own). */
export interface SubscriptionHost {
  /** The live session's client now, or undefined when the connection is not open (no throw). */
  current(): Client | undefined;
  /** The connection's options for one request. */
  options(): RequestOptions;
  /** A failure in words, classified as any request's. */
  failure(error: unknown): Promise<PeriscopeError>;
}

/**
 * 2025 era resource subscriptions (`resources/subscribe`), counted by URI: several open
 * subscriptions may hold one URI, and it is unsubscribed when the last lets go. (The 2026-07-28
 * era subscribes with one `subscriptions/listen` stream instead, which the SDK keeps.)
 */
export class ResourceSubscriptions {
  /** URIs subscribed with resources/subscribe, and how many open subscriptions hold each. */
  private readonly holders = new Map<string, number>();

  constructor(private readonly host: SubscriptionHost) {}

  /**
   * Subscribes to each URI in turn; resolves with the subscription's close (only the first call
   * counts). When one fails, the URIs it had subscribed so far are let go again (unsubscribed
   * where nothing else holds them) before the failure is passed on: a listen that failed holds nothing.
   */
  async subscribe(client: Client, uris: string[], options: RequestOptions): Promise<() => Promise<void>> {
    const held: string[] = [];
    try {
      for (const uri of uris) {
        await client.subscribeResource({ uri }, options);
        this.holders.set(uri, (this.holders.get(uri) ?? 0) + 1);
        held.push(uri);
      }
    } catch (error) {
      await this.release(held);
      throw error;
    }
    let closed = false;
    return async () => {
      if (closed) return;
      closed = true;
      await this.release(uris);
    };
  }

  /** One holder fewer for each URI; a URI nothing holds any more is unsubscribed. */
  private async release(uris: string[]): Promise<void> {
    for (const uri of uris) {
      const holders = (this.holders.get(uri) ?? 1) - 1;
      if (holders > 0) {
        this.holders.set(uri, holders);
        continue;
      }
      this.holders.delete(uri);
      // The session now, not the one subscribed on: a renewal may have replaced it.
      await this.host.current()?.unsubscribeResource({ uri }).catch(() => undefined);
    }
  }

  /**
   * Sends `resources/subscribe` again on a new 2025 session for every URI still subscribed (a
   * server forgets a session's subscriptions with the session). Resolves with the URIs it
   * could not subscribe again and why; never rejects.
   */
  async restore(session: LiveSession): Promise<{ uris: string[]; failed: Array<{ uri: string; message: string }> }> {
    const uris = [...this.holders.keys()];
    const failed: Array<{ uri: string; message: string }> = [];
    for (const uri of uris) {
      try {
        await session.client.subscribeResource({ uri }, this.host.options());
      } catch (error) {
        failed.push({ uri, message: (await this.host.failure(error)).info.message });
      }
    }
    return { uris, failed };
  }
}
