import type { ErrorInfo } from '../../shared/model/error-info';
import type { Remote } from '../../shared/model/remote';
import type { RemoteConnectionState } from '../stores/connections-store';
import { ErrorNotice } from './error-notice';
import { StateBadge } from './state-badge';

interface RemoteListItemProps {
  remote: Remote;
  state: RemoteConnectionState;
  openError: ErrorInfo | undefined;
  selected: boolean;
  onConnect(): void;
  onDisconnect(): void;
  /** False while connecting before main has named the connection. */
  canDisconnect: boolean;
  onShow(): void;
  onEdit(): void;
  onDuplicate(): void;
  onDelete(): void;
}

/** One saved remote in the sidebar: name, where it points, state, and what can be done with it. */
export function RemoteListItem(props: RemoteListItemProps) {
  const { remote, state, openError, selected } = props;
  const live = state === 'connected' || state === 'connecting';
  const where = remote.transport === 'stdio' ? [remote.command, ...remote.args].join(' ') : (remote.url ?? '');
  return (
    <li className={`remote-item${selected ? ' is-selected' : ''}`} data-testid="remote-item" data-remote-id={remote.id} aria-label={remote.name}>
      <div className="remote-head">
        <button type="button" className="remote-name link-button" onClick={props.onShow} aria-label={`Show ${remote.name}`}>
          {remote.name}
        </button>
        <StateBadge state={state} testId="remote-state" />
      </div>
      <div className="remote-where" title={where}>
        <span className="transport-tag">{remote.transport}</span> {where}
      </div>
      <div className="remote-actions">
        {live ? (
          <button type="button" className="primary" data-testid="disconnect-button" aria-label={`Disconnect ${remote.name}`} onClick={props.onDisconnect} disabled={!props.canDisconnect}>
            Disconnect
          </button>
        ) : (
          <button type="button" className="primary" data-testid="connect-button" aria-label={`Connect ${remote.name}`} onClick={props.onConnect}>
            Connect
          </button>
        )}
        <button type="button" data-testid="edit-remote" aria-label={`Edit ${remote.name}`} onClick={props.onEdit}>
          Edit
        </button>
        <button type="button" data-testid="duplicate-remote" aria-label={`Duplicate ${remote.name}`} onClick={props.onDuplicate}>
          Duplicate
        </button>
        <button type="button" className="danger" data-testid="delete-remote" aria-label={`Delete ${remote.name}`} onClick={props.onDelete}>
          Delete
        </button>
      </div>
      {openError && <ErrorNotice error={openError} title="Could not connect" announce />}
    </li>
  );
}
