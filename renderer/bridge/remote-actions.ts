import type { RemoteSaved } from '../../shared/ipc/contract';
import type { InvokeResult } from '../../shared/ipc/contract';
import type { RemoteInput } from '../../shared/model/remote';
import { useRemotesStore } from '../stores/remotes-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';

export async function refreshRemotes(): Promise<void> {
  const store = useRemotesStore.getState();
  store.setLoading();
  const result = await periscope().remotes.list();
  if (result.ok) store.setRemotes(result.value);
  else store.setError(result.error);
}

/** Creates or updates; the caller (the form) shows the error next to its fields. */
export async function saveRemote(remoteId: string | undefined, draft: RemoteInput): Promise<InvokeResult<RemoteSaved>> {
  const api = periscope();
  const result = remoteId ? await api.remotes.update(remoteId, draft) : await api.remotes.create(draft);
  if (result.ok) {
    await refreshRemotes();
    const ui = useUiStore.getState();
    ui.notify('success', `Saved remote "${result.value.remote.name}".`);
    for (const warning of result.value.warnings) ui.notify('warning', warning);
  }
  return result;
}

export async function duplicateRemote(remoteId: string): Promise<void> {
  const result = await periscope().remotes.duplicate(remoteId);
  if (!result.ok) return reportError('Could not duplicate the remote', result.error);
  await refreshRemotes();
  useUiStore.getState().notify('success', `Created "${result.value.name}".`);
  useUiStore.getState().openEditor(result.value.id);
}

export async function deleteRemote(remoteId: string): Promise<void> {
  const result = await periscope().remotes.remove(remoteId);
  if (!result.ok) return reportError('Could not delete the remote', result.error);
  const ui = useUiStore.getState();
  if (ui.editor?.remoteId === remoteId) ui.closeEditor();
  await refreshRemotes();
}

export async function importRemotes(): Promise<void> {
  const result = await periscope().remotes.import();
  if (!result.ok) return reportError('Could not import remotes', result.error);
  if (result.value.cancelled) return;
  await refreshRemotes();
  // One report for the whole file (imported, already present, skipped with reasons), not a pop-up per entry.
  useUiStore.getState().showModal({ kind: 'import-report', report: result.value });
}

export async function exportRemotes(includeSecrets: boolean): Promise<void> {
  const result = await periscope().remotes.export({ includeSecrets });
  if (!result.ok) return reportError('Could not export remotes', result.error);
  if (result.value.cancelled) return;
  const { count, path } = result.value;
  useUiStore.getState().notify('success', `Exported ${count} remote${count === 1 ? '' : 's'} to ${path}.`);
}

export function reportError(what: string, error: { message: string; hint: string }): void {
  useUiStore.getState().notify('error', errorNoticeText(what, error));
}

/**
 * "What failed: what happened. Try: what to do", as the connection's error notice words it. The
 * core's messages often end without a full stop, so joined as they came the hint read as part of
 * the message ("…is not valid JSON Import a remote configuration…").
 */
export function errorNoticeText(what: string, error: { message: string; hint: string }): string {
  const message = error.message.trim();
  const ended = /[.!?…]["”')]*$/.test(message) ? message : `${message}.`;
  const hint = error.hint.trim();
  if (!hint) return `${what}: ${ended}`;
  // "Check the path." reads as "Try: check the path."; an acronym such as "URL …" keeps its case.
  const lowered = /^[A-Z][a-z]/.test(hint) ? hint[0].toLowerCase() + hint.slice(1) : hint;
  return `${what}: ${ended} Try: ${lowered}`;
}
