import type { ResourceSubscription } from '../../stores/resources-store';

interface SubscriptionBarProps {
  uri: string;
  /** The server declared resources.subscribe; without it there is nothing to subscribe to. */
  offered: boolean;
  era?: 'legacy' | 'modern';
  subscription?: ResourceSubscription;
  live: boolean;
  /** When the resource was last read (ms since the epoch): an update after it means what is shown is stale. */
  readAt?: number;
  onSubscribe(): void;
  onUnsubscribe(): void;
}

/** Subscribe / Unsubscribe for one resource, and the updates heard since (count, time of the last). */
export function SubscriptionBar({ uri, offered, era, subscription, live, readAt, onSubscribe, onUnsubscribe }: SubscriptionBarProps) {
  if (!offered) {
    return <p className="muted field-help">This server does not offer subscriptions: its resources capability has no subscribe.</p>;
  }
  const how = era === 'modern' ? 'a subscriptions/listen stream' : 'resources/subscribe';
  const on = subscription?.status === 'subscribed' || subscription?.status === 'subscribing';
  return (
    <div className="subscription-bar" data-testid="subscription-bar">
      {on ? (
        <button type="button" onClick={onUnsubscribe} disabled={!live} data-testid="unsubscribe">
          Unsubscribe
        </button>
      ) : (
        <button type="button" onClick={onSubscribe} disabled={!live} title={`Hear when ${uri} changes (${how})`} data-testid="subscribe">
          Subscribe
        </button>
      )}
      <span role="status" className="muted" data-testid="subscription-status">
        {subscription?.status === 'subscribing' && 'Subscribing…'}
        {subscription?.status === 'subscribed' &&
          (subscription.updates === 0
            ? `Subscribed (${how}); no update yet.`
            : `${subscription.updates} update${subscription.updates === 1 ? '' : 's'}, the last at ${new Date(subscription.lastUpdateAt ?? 0).toLocaleTimeString()}.${
                readAt !== undefined && (subscription.lastUpdateAt ?? 0) > readAt ? ' Changed since it was read: Read again to see it.' : ''
              }`)}
        {subscription?.status === 'declined' && 'The server declined to send updates for this resource.'}
        {subscription?.status === 'ended' &&
          `The server ended the subscription (${subscription.endedHow === 'graceful' ? 'it closed the subscriptions/listen stream with its final response' : 'the subscriptions/listen stream closed without a final response'}) after ${subscription.updates} update${subscription.updates === 1 ? '' : 's'}: no more updates arrive. Subscribe again to resume.`}
        {subscription?.status === 'failed' && `Could not subscribe: ${subscription.error?.message ?? 'unknown error'}`}
      </span>
    </div>
  );
}
