import { useState } from 'react';
import type { ErrorInfo } from '../../shared/model/error-info';
import type { RemoteInput } from '../../shared/model/remote';
import { RemoteForm } from '../components/remote-form/remote-form';
import { saveRemote } from '../bridge/remote-actions';
import { useRemotesStore } from '../stores/remotes-store';
import { useUiStore } from '../stores/ui-store';

/** The remote form wired to the store: loads the remote, saves through the bridge. */
export function RemoteEditor({ remoteId }: { remoteId: string | undefined }) {
  const remote = useRemotesStore((s) => (remoteId ? s.remotes.find((r) => r.id === remoteId) : undefined));
  const closeEditor = useUiStore((s) => s.closeEditor);
  const openEditor = useUiStore((s) => s.openEditor);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ErrorInfo | undefined>();

  if (remoteId && !remote) {
    return (
      <p className="muted" data-testid="remote-missing">
        This remote no longer exists.
      </p>
    );
  }
  const onSave = async (input: RemoteInput) => {
    setSaving(true);
    const result = await saveRemote(remoteId, input);
    setSaving(false);
    if (!result.ok) return setSaveError(result.error);
    setSaveError(undefined);
    if (!remoteId) openEditor(result.value.remote.id);
  };
  // key: a different remote starts a fresh form instead of keeping the previous one's edits.
  return <RemoteForm key={remoteId ?? 'new'} remote={remote} saving={saving} saveError={saveError} onSave={(i) => void onSave(i)} onCancel={closeEditor} />;
}
