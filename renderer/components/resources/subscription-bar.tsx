import type { ResourceSubscription } from '../../stores/resources-store';
import { timeOfDayLabel } from '../../workbench/chart-time-labels';

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
  const ended = subscription?.status === 'ended';
  // An ended or failed subscription is news the user must not miss: coloured as a notice, not hint grey.
  const tone = ended ? 'is-ended' : subscription?.status === 'failed' ? 'is-failed' : 'muted';
  const updates = `${subscription?.updates ?? 0} update${subscription?.updates === 1 ? '' : 's'}`;
  return (
    <div className="subscription-bar" data-testid="subscription-bar">
      {on ? (
        <button type="button" onClick={onUnsubscribe} disabled={!live} data-testid="unsubscribe">
          Unsubscribe
        </button>
      ) : (
        <button type="button" onClick={onSubscribe} disabled={!live} title={`Hear when ${uri} changes (${how})`} data-testid="subscribe">
          {ended ? 'Subscribe again' : 'Subscribe'}
        </button>
      )}
      <span role="status" className={`subscription-status ${tone}`} data-testid="subscription-status">
        {subscription?.status === 'subscribing' && 'Subscribing…'}
        {subscription?.status === 'subscribed' &&
          (subscription.updates === 0
            ? `Subscribed (${how}); no update yet.`
            : `${updates}, the last at ${timeOfDayLabel(subscription.lastUpdateAt ?? 0)}.${
                readAt !== undefined && (subscription.lastUpdateAt ?? 0) > readAt ? ' Changed since it was read: Read again to see it.' : ''
              }`)}
        {subscription?.status === 'declined' && 'The server declined to send updates for this resource.'}
        {ended &&
          (subscription.endedHow === 'graceful'
            ? `Updates stopped: the server closed the subscription after ${updates}.`
            : `Updates stopped: the subscription was cut off, without a closing answer from the server, after ${updates}.`)}
        {subscription?.status === 'failed' && `Could not subscribe: ${subscription.error?.message ?? 'unknown error'}`}
      </span>
    </div>
  );
}
