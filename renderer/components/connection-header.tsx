import type { ConnectionInfo } from '../../shared/model/connection';
import { isLive } from '../stores/connections-store';
import { StateBadge } from './state-badge';

interface ConnectionHeaderProps {
  info: ConnectionInfo;
  onDisconnect(): void;
  onReconnect(): void;
  onSaveSession(): void;
}

/** Above every section of a connection tab: its name, its state and what can be done to it. */
export function ConnectionHeader({ info, onDisconnect, onReconnect, onSaveSession }: ConnectionHeaderProps) {
  const live = isLive(info.state);
  return (
    <div className="connection-toolbar">
      <h2>{info.label}</h2>
      <StateBadge state={info.state} testId="connection-state" />
      <div className="toolbar-actions">
        {live ? (
          <button type="button" data-testid="connection-disconnect" onClick={onDisconnect}>
            Disconnect
          </button>
        ) : (
          <button type="button" className="primary" data-testid="connection-reconnect" onClick={onReconnect}>
            Connect again
          </button>
        )}
        <button type="button" data-testid="save-session" onClick={onSaveSession}>
          Save session…
        </button>
      </div>
    </div>
  );
}
