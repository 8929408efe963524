import { useState } from 'react';
import type { ErrorInfo, FixField } from '../../shared/model/error-info';
import type { RemoteInput } from '../../shared/model/remote';
import { RemoteForm } from '../components/remote-form/remote-form';
import { saveRemote } from '../bridge/remote-actions';
import { useRemotesStore } from '../stores/remotes-store';
import { NEW_REMOTE_FOCUS, useUiStore } from '../stores/ui-store';

/**
 * The remote form wired to the stores: loads the remote, saves through the bridge, and gives the
 * focus back to the remote's card when it closes (saved or cancelled; cancel asks first when
 * there are unsaved edits).
 */
export function RemoteEditor({ remoteId, focusField, fixValue }: { remoteId: string | undefined; focusField?: FixField; fixValue?: string }) {
  const remote = useRemotesStore((s) => (remoteId ? s.remotes.find((r) => r.id === remoteId) : undefined));
  const closeEditor = useUiStore((s) => s.closeEditor);
  const leaveEditor = useUiStore((s) => s.leaveEditor);
  const setEditorDirty = useUiStore((s) => s.setEditorDirty);
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
    // The last failure goes first, so the same failure again is announced again (a new alert).
    setSaveError(undefined);
    setSaving(true);
    const result = await saveRemote(remoteId, input);
    setSaving(false);
    if (!result.ok) return setSaveError(result.error);
    closeEditor({ focusCard: result.value.remote.id });
  };
  const onCancel = () => leaveEditor(() => closeEditor({ focusCard: remoteId ?? NEW_REMOTE_FOCUS }));
  return (
    <RemoteForm
      remote={remote}
      saving={saving}
      saveError={saveError}
      focusField={focusField}
      fixValue={fixValue}
      onDirtyChange={setEditorDirty}
      onSave={(i) => void onSave(i)}
      onCancel={onCancel}
    />
  );
}
