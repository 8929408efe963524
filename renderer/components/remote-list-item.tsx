import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorFix, ErrorInfo } from '../../shared/model/error-info';
import type { Remote } from '../../shared/model/remote';
import { TRANSPORT_SHORT_LABELS, transportName } from '../../shared/model/transport-names';
import { isLive, type RemoteConnectionState } from '../stores/connections-store';
import type { SignInStatus, SignInWaiting as Waiting } from '../../shared/model/remote-oauth';
import { ErrorNotice } from './error-notice';
import { SignInWaiting } from './auth/sign-in-waiting';
import { signedInAs } from './auth/signed-in-panel';
import { StateBadge } from './state-badge';
import { checkAuthDebugRemote } from './auth-debug/url-check';

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
  /** Runs the connection doctor on this remote (URL remotes only; no connection needed). */
  onDoctor(): void;
  /** Opens the auth debugger on this remote's URL (HTTP remotes only). */
  onDebugAuth(): void;
  /** An error's fix button: opens this remote's editor on that field. */
  onFix(fix: ErrorFix): void;
  /** The current connection waits for the user to sign in in the browser (OAuth). */
  signInWaiting?: Waiting;
  /** Who the remote is signed in as (OAuth), when it is. */
  signedIn?: SignInStatus;
}

/**
 * One saved remote in the sidebar, two lines high: name and connect on the first (a long name
 * takes two); state and where it points on the second. Edit, duplicate and delete open under
 * "More actions".
 */
export function RemoteListItem(props: RemoteListItemProps) {
  const { remote, state, openError, selected } = props;
  const [expanded, setExpanded] = useState(false);
  const actionsId = useId();
  const moreButton = useRef<HTMLButtonElement>(null);
  // Escape closes the actions and gives the focus back to the button that opened them.
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !expanded) return;
    event.preventDefault();
    setExpanded(false);
    moreButton.current?.focus();
  };
  const live = isLive(state);
  const where = remote.transport === 'stdio' ? [remote.command, ...remote.args].join(' ') : (remote.url ?? '');
  return (
    <li className={`remote-item${selected ? ' is-selected' : ''}`} data-testid="remote-item" data-remote-id={remote.id} aria-label={remote.name}>
      <div className="remote-line">
        {/* The name wraps to a second line before it is cut (Disconnect is wider than Connect);
            cut, it is whole in the tooltip and in the button's accessible name. */}
        <button type="button" className="remote-name" onClick={props.onShow} aria-label={`Show ${remote.name}`} title={remote.name} aria-current={selected || undefined}>
          <span className="remote-name-text">{remote.name}</span>
        </button>
        {live ? (
          // aria-disabled, not disabled: Connect turns into this button, and a disabled button
          // drops the keyboard focus to the page (it is disabled until the connection exists).
          <button
            type="button"
            className="small"
            data-testid="disconnect-button"
            aria-label={`Disconnect ${remote.name}`}
            aria-disabled={!props.canDisconnect || undefined}
            onClick={() => props.canDisconnect && props.onDisconnect()}
          >
            Disconnect
          </button>
        ) : (
          <button type="button" className="primary small" data-testid="connect-button" aria-label={`Connect ${remote.name}`} onClick={props.onConnect}>
            Connect
          </button>
        )}
        <button
          ref={moreButton}
          type="button"
          className="icon-button more-button"
          aria-label={`More actions for ${remote.name}`}
          aria-expanded={expanded}
          aria-controls={actionsId}
          data-testid="more-actions"
          onClick={() => setExpanded((e) => !e)}
          onKeyDown={closeOnEscape}
        >
          ⋯
        </button>
      </div>
      <div className="remote-where" title={where}>
        <StateBadge state={state} testId="remote-state" />
        <span className="transport-tag" data-testid="remote-transport" title={`Transport: ${transportName(remote.transport)}`}>
          {TRANSPORT_SHORT_LABELS[remote.transport] ?? remote.transport}
        </span>
        {(remote.instances ?? []).length > 0 && (
          <span className="transport-tag" data-testid="remote-instance-count" title="A group: the same server at several URLs">
            {(remote.instances ?? []).length + 1} instances
          </span>
        )}
        <span className="remote-endpoint">{where}</span>
      </div>
      {props.signInWaiting && <SignInWaiting waiting={props.signInWaiting} onCancel={props.canDisconnect ? props.onDisconnect : undefined} />}
      {!props.signInWaiting && props.signedIn?.signedIn && (
        <div className="remote-signed-in muted small" data-testid="remote-signed-in" title={props.signedIn.issuer ? `Signed in at ${props.signedIn.issuer}` : undefined}>
          Signed in as {signedInAs(props.signedIn)}
        </div>
      )}
      <div className="remote-actions" id={actionsId} hidden={!expanded} onKeyDown={closeOnEscape}>
        <button type="button" className="small" data-testid="edit-remote" aria-label={`Edit ${remote.name}`} onClick={props.onEdit}>
          Edit
        </button>
        <button type="button" className="small" data-testid="duplicate-remote" aria-label={`Duplicate ${remote.name}`} onClick={props.onDuplicate}>
          Duplicate
        </button>
        {remote.transport !== 'stdio' && (
          <button type="button" className="small" data-testid="run-doctor" aria-label={`Run the connection doctor on ${remote.name}`} onClick={props.onDoctor}>
            Run doctor
          </button>
        )}
        {/* Only where the auth debugger can run: an HTTP server (not WebSocket, nor Auto-detect on a ws:// URL, nor stdio). */}
        {checkAuthDebugRemote(remote) === undefined && (
          <button type="button" className="small" data-testid="debug-auth-remote" aria-label={`Debug the authorization of ${remote.name}`} onClick={props.onDebugAuth}>
            Debug auth
          </button>
        )}
        <button type="button" className="small danger" data-testid="delete-remote" aria-label={`Delete ${remote.name}`} onClick={props.onDelete}>
          Delete
        </button>
      </div>
      {openError && <ErrorNotice error={openError} title="Could not connect" announce onFix={props.onFix} />}
    </li>
  );
}
