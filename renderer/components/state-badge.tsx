import type { RemoteConnectionState } from '../stores/connections-store';

const LABELS: Record<RemoteConnectionState, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  failed: 'Failed',
  lost: 'Connection lost',
  closed: 'Disconnected',
};

/** A connection state in the words the app shows it in, for a sentence or a tab: "disconnected". */
export function connectionStateWords(state: RemoteConnectionState): string {
  return LABELS[state].toLowerCase();
}

/** The connection state in words (never by colour alone). */
export function StateBadge({ state, testId }: { state: RemoteConnectionState; testId?: string }) {
  return (
    <span className={`state-badge state-${state}`} data-testid={testId} data-state={state}>
      <span className="state-dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
