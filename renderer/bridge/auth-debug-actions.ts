import { useAuthDebugStore, type AuthDebugTarget } from '../stores/auth-debug-store';
import { useConnectionsStore } from '../stores/connections-store';
import { useRemotesStore } from '../stores/remotes-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';

/** Shows the auth debugger for a saved remote or an empty URL field (any run shown before is closed in main). */
export function openAuthDebugger(target: AuthDebugTarget = {}): void {
  const { runId } = useAuthDebugStore.getState();
  if (runId) void periscope().authDebug.close(runId);
  useAuthDebugStore.getState().show(target);
}

/**
 * What the auth debugger opened from the window's header looks at: the server of the connection
 * tab in front (its saved remote, or its URL filled in), or nothing (an empty URL field).
 */
export function authDebugTargetOfActiveTab(): AuthDebugTarget {
  const { tabs, activeTabId } = useUiStore.getState();
  const tab = tabs.find((t) => t.id === activeTabId);
  if (tab?.kind !== 'connection') return {};
  const { infos, remoteOf } = useConnectionsStore.getState();
  const remote = useRemotesStore.getState().remotes.find((r) => r.id === remoteOf[tab.id]);
  if (remote) return { remoteId: remote.id, remoteName: remote.name };
  const url = infos[tab.id]?.url;
  // A stdio connection has no URL to authorize against.
  return url && /^https?:/i.test(url) ? { url } : {};
}

export function closeAuthDebugger(): void {
  const { runId } = useAuthDebugStore.getState();
  if (runId) void periscope().authDebug.close(runId);
  useAuthDebugStore.getState().hide();
}

/** Prepares a run (nothing is sent yet) for the shown target, or the URL typed in. */
export async function startAuthDebug(options: { url?: string; clientId?: string; scope?: string }): Promise<void> {
  const store = useAuthDebugStore.getState();
  const target = store.target;
  if (!target) return;
  if (store.runId) void periscope().authDebug.close(store.runId);
  store.setBusy(true);
  const input = {
    ...(target.remoteId ? { remoteId: target.remoteId } : { url: options.url ?? '' }),
    ...(options.clientId?.trim() ? { clientId: options.clientId.trim() } : {}),
    ...(options.scope?.trim() ? { scope: options.scope.trim() } : {}),
  };
  const result = await periscope().authDebug.start(input);
  useAuthDebugStore.getState().setBusy(false);
  if (!result.ok) return useAuthDebugStore.getState().setError(result.error);
  useAuthDebugStore.getState().setProgress(result.value);
}

/** Runs the next step in main; the whole run so far comes back. */
export async function nextAuthDebugStep(): Promise<void> {
  const { runId, busy } = useAuthDebugStore.getState();
  if (!runId || busy) return;
  useAuthDebugStore.getState().setBusy(true);
  const result = await periscope().authDebug.next(runId);
  useAuthDebugStore.getState().setBusy(false);
  if (!result.ok) return useAuthDebugStore.getState().setError(result.error);
  useAuthDebugStore.getState().setProgress(result.value);
}

/**
 * Ends the run under way before its last step, as the user asked: no Next step any more, its
 * steps stay on screen (the status says it was ended), and main keeps it for Export run… until
 * the next start or Close, as it keeps a finished run.
 */
export function endAuthDebugRun(): void {
  const { runId, run, busy } = useAuthDebugStore.getState();
  if (!runId || !run || run.finished || busy) return;
  useAuthDebugStore.getState().setProgress({ runId, run: { ...run, finished: true } });
}

/** Main shows the save dialog and writes the run (secrets masked). */
export async function exportAuthDebugRun(): Promise<void> {
  const { runId } = useAuthDebugStore.getState();
  if (!runId) return;
  const result = await periscope().authDebug.exportRun(runId);
  if (!result.ok) return useAuthDebugStore.getState().setError(result.error);
  if (!result.value.cancelled) useUiStore.getState().notify('success', `Exported the auth debugger run to ${result.value.path}.`);
}
