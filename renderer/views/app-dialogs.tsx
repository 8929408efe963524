import { ConfirmDialog } from '../components/confirm-dialog';
import { CommandConfirmDialog } from '../components/command-confirm-dialog';
import { ImportReportDialog } from '../components/import-report-dialog';
import { closeConnectionTab, confirmCommandAndConnect } from '../bridge/connection-actions';
import { useConnectionsStore } from '../stores/connections-store';
import { useRemotesStore } from '../stores/remotes-store';
import { useUiStore } from '../stores/ui-store';

/** The window's modal questions and reports, one at a time, wired to the stores and the bridge. */
export function AppDialogs() {
  const modal = useUiStore((s) => s.modal);
  const closeModal = useUiStore((s) => s.closeModal);
  const pendingDiscard = useUiStore((s) => s.pendingDiscard);
  const answerDiscard = useUiStore((s) => s.answerDiscard);
  const editorRemote = useUiStore((s) => s.editor?.remoteId);
  const remotes = useRemotesStore((s) => s.remotes);
  const infos = useConnectionsStore((s) => s.infos);

  if (pendingDiscard) {
    const name = remotes.find((r) => r.id === editorRemote)?.name;
    return (
      <ConfirmDialog
        title="Discard unsaved changes?"
        message={<p>{name ? `Your changes to “${name}” are not saved. If you go on, they are lost.` : 'The new remote is not saved. If you go on, what you typed is lost.'}</p>}
        confirmLabel="Discard changes"
        cancelLabel="Keep editing"
        testId="discard-dialog"
        onCancel={() => answerDiscard(false)}
        onConfirm={() => answerDiscard(true)}
      />
    );
  }
  if (!modal) return null;
  switch (modal.kind) {
    case 'close-live-tab': {
      const label = infos[modal.tabId]?.label ?? 'this connection';
      return (
        <ConfirmDialog
          title={`Disconnect “${label}”?`}
          message={<p>Closing the tab ends the live connection. Its trace stays in the recorded session file.</p>}
          confirmLabel="Disconnect and close"
          testId="close-tab-dialog"
          onCancel={closeModal}
          onConfirm={() => {
            closeModal();
            void closeConnectionTab(modal.tabId);
          }}
        />
      );
    }
    case 'import-report':
      return <ImportReportDialog report={modal.report} onClose={closeModal} />;
    case 'confirm-command': {
      const remote = remotes.find((r) => r.id === modal.remoteId);
      if (!remote) return null;
      return (
        <CommandConfirmDialog
          remote={remote}
          onCancel={closeModal}
          onConfirm={() => {
            closeModal();
            void confirmCommandAndConnect(remote.id);
          }}
        />
      );
    }
  }
}
