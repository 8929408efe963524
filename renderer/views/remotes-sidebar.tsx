import { openAuthDebugger } from '../bridge/auth-debug-actions';
import { useEffect, useRef, useState } from 'react';
import { RemoteListItem } from '../components/remote-list-item';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/error-notice';
import { moveBetweenRemotes, remoteMatches } from '../components/remote-list-keys';
import { connectRemote, disconnect } from '../bridge/connection-actions';
import { runDoctor } from '../bridge/doctor-actions';
import { deleteRemote, duplicateRemote, exportRemotes, importRemotes, refreshRemotes } from '../bridge/remote-actions';
import { remoteConnectionState, useConnectionsStore } from '../stores/connections-store';
import { useAuthDebugStore } from '../stores/auth-debug-store';
import { useRemotesStore } from '../stores/remotes-store';
import { useSignInStore } from '../stores/sign-in-store';
import { NEW_REMOTE_FOCUS, useUiStore } from '../stores/ui-store';

/** Saved remotes with their connection state, a search box, and the buttons to add, import and export. */
export function RemotesSidebar() {
  const { remotes, status, error } = useRemotesStore();
  const connections = useConnectionsStore();
  const signIns = useSignInStore((s) => s.byRemote);
  const editor = useUiStore((s) => s.editor);
  const activeTabId = useUiStore((s) => s.activeTabId);
  const authDebugTarget = useAuthDebugStore((s) => s.target);
  // The remote whose view fills the main area, marked in the list: the one in the editor, else the
  // one the auth debugger runs on (none for a typed URL; it is drawn over the tabs), else the
  // remote of the tab in front.
  const shownRemoteId = editor
    ? editor.remoteId
    : authDebugTarget
      ? authDebugTarget.remoteId
      : remoteOfCurrentTab(connections, activeTabId);
  const openEditor = useUiStore((s) => s.openEditor);
  const activateTab = useUiStore((s) => s.activateTab);
  const focusCard = useUiStore((s) => s.focusCard);
  const cardFocused = useUiStore((s) => s.cardFocused);
  const focusOn = useUiStore((s) => s.focusOn);
  const [confirmDelete, setConfirmDelete] = useState<{ id: string; name: string } | undefined>();
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const newRemoteRef = useRef<HTMLButtonElement>(null);
  const shown = remotes.filter((r) => remoteMatches(r, query));

  // Focus goes back to where the user was: the remote's card after its editor closed.
  useEffect(() => {
    if (!focusCard) return;
    const target =
      focusCard === NEW_REMOTE_FOCUS
        ? newRemoteRef.current
        : [...(listRef.current?.querySelectorAll<HTMLElement>('[data-remote-id]') ?? [])].find((li) => li.dataset.remoteId === focusCard)?.querySelector<HTMLElement>('.remote-name');
    if (!target) return; // the card appears once the list is refreshed; this runs again then
    target.focus();
    cardFocused();
  }, [focusCard, remotes, cardFocused]);

  return (
    <nav className="sidebar" aria-label="Remotes" data-testid="remotes-sidebar">
      <div className="sidebar-head">
        <h2>Remotes</h2>
        <button type="button" className="primary" ref={newRemoteRef} data-testid="new-remote" onClick={() => openEditor(undefined)}>
          New remote
        </button>
      </div>
      <div className="sidebar-tools">
        <button type="button" className="small" data-testid="import-remotes" onClick={() => void importRemotes()}>
          Import…
        </button>
        <button type="button" className="small" data-testid="export-remotes" onClick={() => void exportRemotes(includeSecrets)}>
          Export…
        </button>
        <label className="check small">
          <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} data-testid="export-include-secrets" />
          Export secret values too
        </label>
      </div>
      {remotes.length > 0 && (
        <div className="remote-search">
          <input
            type="search"
            aria-label="Search remotes"
            placeholder="Search remotes"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowDown') return;
              e.preventDefault();
              listRef.current?.querySelector<HTMLElement>('.remote-name')?.focus();
            }}
            data-testid="remote-search"
          />
          {query.trim() !== '' && (
            <span className="muted small" role="status" data-testid="remote-search-count">
              {shown.length} of {remotes.length}
            </span>
          )}
        </div>
      )}
      {status === 'loading' && remotes.length === 0 && (
        <p className="muted" role="status" data-testid="remotes-loading">
          Loading remotes…
        </p>
      )}
      {status === 'error' && error && (
        <div data-testid="remotes-error">
          <ErrorNotice error={error} title="Could not load the remotes" announce />
          <button type="button" onClick={() => void refreshRemotes()}>
            Try again
          </button>
        </div>
      )}
      {status === 'ready' && remotes.length === 0 && (
        <p className="muted" data-testid="remotes-empty">
          No remotes yet. Press “New remote” or import a file.
        </p>
      )}
      {remotes.length > 0 && shown.length === 0 && (
        <p className="muted" data-testid="remotes-no-match">
          No remote matches “{query.trim()}”.
        </p>
      )}
      <ul className="remote-list" aria-label="Saved remotes" ref={listRef} onKeyDown={moveBetweenRemotes}>
        {shown.map((remote) => {
          const connectionId = connections.currentByRemote[remote.id];
          return (
            <RemoteListItem
              key={remote.id}
              remote={remote}
              state={remoteConnectionState(connections, remote.id)}
              openError={connections.openErrors[remote.id]}
              selected={shownRemoteId === remote.id}
              canDisconnect={connectionId !== undefined}
              onConnect={() => void connectRemote(remote.id)}
              onDisconnect={() => connectionId && void disconnect(connectionId)}
              onShow={() => (connectionId ? activateTab(connectionId) : openEditor(remote.id))}
              onEdit={() => openEditor(remote.id)}
              onDuplicate={() => void duplicateRemote(remote.id)}
              onDelete={() => setConfirmDelete({ id: remote.id, name: remote.name })}
              onDoctor={() => void runDoctor(remote.id, remote.name)}
              onDebugAuth={() => openAuthDebugger({ remoteId: remote.id, remoteName: remote.name })}
              onFix={(fix) => openEditor(remote.id, fix)}
              signInWaiting={connectionId ? connections.infos[connectionId]?.signIn : undefined}
              signedIn={signIns[remote.id]}
            />
          );
        })}
      </ul>
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete “${confirmDelete.name}”?`}
          message={<p>The remote and its stored secret values will be removed. This cannot be undone.</p>}
          confirmLabel="Delete"
          onCancel={() => setConfirmDelete(undefined)}
          onConfirm={() => {
            const id = confirmDelete.id;
            // The card (and its Delete button) goes away: its neighbour, or New remote, gets the focus.
            const index = shown.findIndex((r) => r.id === id);
            const neighbour = shown[index + 1] ?? shown[index - 1];
            setConfirmDelete(undefined);
            void deleteRemote(id).then(() => focusOn(neighbour?.id ?? NEW_REMOTE_FOCUS));
          }}
        />
      )}
    </nav>
  );
}

/** The remote whose current connection is the tab `tabId` (an older connection's tab is none's). */
function remoteOfCurrentTab(connections: { remoteOf: Record<string, string>; currentByRemote: Record<string, string> }, tabId: string | undefined): string | undefined {
  const remoteId = tabId === undefined ? undefined : connections.remoteOf[tabId];
  return remoteId !== undefined && connections.currentByRemote[remoteId] === tabId ? remoteId : undefined;
}
