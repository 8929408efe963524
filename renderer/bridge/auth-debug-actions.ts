import { useAuthDebugStore, type AuthDebugTarget } from '../stores/auth-debug-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';

/** Shows the auth debugger for a saved remote or an empty URL field (any run shown before is closed in main). */
export function openAuthDebugger(target: AuthDebugTarget = {}): void {
  const { runId } = useAuthDebugStore.getState();
  if (runId) void periscope().authDebug.close(runId);
  useAuthDebugStore.getState().show(target);
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

/** Main shows the save dialog and writes the run (secrets masked). */
export async function exportAuthDebugRun(): Promise<void> {
  const { runId } = useAuthDebugStore.getState();
  if (!runId) return;
  const result = await periscope().authDebug.exportRun(runId);
  if (!result.ok) return useAuthDebugStore.getState().setError(result.error);
  if (!result.value.cancelled) useUiStore.getState().notify('success', `Exported the auth debugger run to ${result.value.path}.`);
}
