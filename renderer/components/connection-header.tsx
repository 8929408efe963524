import type { ConnectionInfo } from '../../shared/model/connection';
import { isLive } from '../stores/connections-store';
import { StateBadge } from './state-badge';

interface ConnectionHeaderProps {
  info: ConnectionInfo;
  onDisconnect(): void;
  onReconnect(): void;
  onSaveSession(): void;
  onSaveBundle(): void;
  /**
   * Set while another section than Overview is open: a failed or lost connection then says so
   * here, with a button to its Overview (the whole error, its hint and its fix buttons).
   */
  onShowDetails?(): void;
}

/** Above every section of a connection tab: its name, its state and what can be done to it. */
export function ConnectionHeader({ info, onDisconnect, onReconnect, onSaveSession, onSaveBundle, onShowDetails }: ConnectionHeaderProps) {
  const live = isLive(info.state);
  const failure = info.error && (info.state === 'failed' || info.state === 'lost') ? info.error : undefined;
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
        <button type="button" data-testid="save-bundle" onClick={onSaveBundle} title="One file for a support ticket: the remote without its secrets, the trace, its HTTP exchanges as HAR and the versions">
          Save repro bundle…
        </button>
      </div>
      {failure && onShowDetails && (
        <p className="connection-failure" role="alert" data-testid="connection-failure">
          <span className="connection-failure-text" title={failure.message}>
            {failure.message}
          </span>
          <button type="button" className="link-button" onClick={onShowDetails} data-testid="show-failure-details">
            What to try…
          </button>
        </p>
      )}
    </div>
  );
}
