import { useState, type KeyboardEvent } from 'react';
import { RemoteListItem } from '../components/remote-list-item';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/error-notice';
import { connectRemote, disconnect } from '../bridge/connection-actions';
import { deleteRemote, duplicateRemote, exportRemotes, importRemotes, refreshRemotes } from '../bridge/remote-actions';
import { remoteConnectionState, useConnectionsStore } from '../stores/connections-store';
import { useRemotesStore } from '../stores/remotes-store';
import { useUiStore } from '../stores/ui-store';

/** Up/Down/Home/End move focus between the remotes' name buttons; Tab walks each one's actions. */
function moveBetweenRemotes(event: KeyboardEvent<HTMLUListElement>): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const names = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.remote-name')];
  if (names.length === 0) return;
  const current = names.findIndex((b) => b.closest('li')?.contains(document.activeElement as Node));
  const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: names.length - 1 }[event.key]!;
  event.preventDefault();
  names[Math.max(0, Math.min(names.length - 1, next))].focus();
}

/** Saved remotes with their connection state, and the buttons to add, import and export. */
export function RemotesSidebar() {
  const { remotes, status, error } = useRemotesStore();
  const connections = useConnectionsStore();
  const editor = useUiStore((s) => s.editor);
  const activeTabId = useUiStore((s) => s.activeTabId);
  const openEditor = useUiStore((s) => s.openEditor);
  const activateTab = useUiStore((s) => s.activateTab);
  const [confirmDelete, setConfirmDelete] = useState<{ id: string; name: string } | undefined>();
  const [includeSecrets, setIncludeSecrets] = useState(false);

  return (
    <nav className="sidebar" aria-label="Remotes" data-testid="remotes-sidebar">
      <div className="sidebar-head">
        <h2>Remotes</h2>
        <button type="button" className="primary" data-testid="new-remote" onClick={() => openEditor(undefined)}>
          New remote
        </button>
      </div>
      <div className="sidebar-tools">
        <button type="button" data-testid="import-remotes" onClick={() => void importRemotes()}>
          Import…
        </button>
        <button type="button" data-testid="export-remotes" onClick={() => void exportRemotes(includeSecrets)}>
          Export…
        </button>
        <label className="check small">
          <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} data-testid="export-include-secrets" />
          Include secret values in the export
        </label>
      </div>
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
      <ul className="remote-list" aria-label="Saved remotes" onKeyDown={moveBetweenRemotes}>
        {remotes.map((remote) => {
          const connectionId = connections.currentByRemote[remote.id];
          return (
            <RemoteListItem
              key={remote.id}
              remote={remote}
              state={remoteConnectionState(connections, remote.id)}
              openError={connections.openErrors[remote.id]}
              selected={editor?.remoteId === remote.id || (connectionId !== undefined && activeTabId === connectionId)}
              canDisconnect={connectionId !== undefined}
              onConnect={() => void connectRemote(remote.id)}
              onDisconnect={() => connectionId && void disconnect(connectionId)}
              onShow={() => (connectionId ? activateTab(connectionId) : openEditor(remote.id))}
              onEdit={() => openEditor(remote.id)}
              onDuplicate={() => void duplicateRemote(remote.id)}
              onDelete={() => setConfirmDelete({ id: remote.id, name: remote.name })}
            />
          );
        })}
      </ul>
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete “${confirmDelete.name}”?`}
          message="The remote and its stored secret values will be removed. This cannot be undone."
          confirmLabel="Delete"
          onCancel={() => setConfirmDelete(undefined)}
          onConfirm={() => {
            const id = confirmDelete.id;
            setConfirmDelete(undefined);
            void deleteRemote(id);
          }}
        />
      )}
    </nav>
  );
}
