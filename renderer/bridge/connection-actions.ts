import { useConnectionsStore } from '../stores/connections-store';
import { useRemotesStore } from '../stores/remotes-store';
import { useTraceStore } from '../stores/trace-store';
import { useTraceViewStore } from '../stores/trace-view-store';
import { useTimelineStore } from '../stores/timeline-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';
import { reportError } from './remote-actions';
import { forgetPrompts } from './prompt-actions';
import { forgetResources } from './resource-actions';
import { forgetServerRequests } from './server-request-actions';
import { forgetTools } from './tool-actions';
import { useInstancesStore } from '../stores/instances-store';
import { useLoadRunsStore } from '../stores/load-runs-store';
import { refreshSignIn } from './sign-in-actions';

/**
 * Connects a saved remote and opens its tab. A failed attempt still resolves with the
 * connection's info (state 'failed', error with message and hint), so its tab shows why.
 */
export async function connectRemote(remoteId: string): Promise<void> {
  const connections = useConnectionsStore.getState();
  const previous = connections.currentByRemote[remoteId];
  connections.setOpening(remoteId, true);
  connections.setOpenError(remoteId, undefined);
  const result = await periscope().connections.open(remoteId);
  useConnectionsStore.getState().setOpening(remoteId, false);
  if (!result.ok) {
    // An imported stdio remote runs only once the user has seen its command: ask, don't fail.
    if (result.error.kind === 'needs-confirmation') return useUiStore.getState().showModal({ kind: 'confirm-command', remoteId, error: result.error });
    useConnectionsStore.getState().setOpenError(remoteId, result.error);
    return;
  }
  const info = result.value;
  const title = useRemotesStore.getState().remotes.find((r) => r.id === remoteId)?.name ?? info.label;
  if (previous && previous !== info.connectionId) dismissConnection(previous);
  useConnectionsStore.getState().upsert(info, remoteId);
  useTraceStore.getState().ensureTrace(info.connectionId, { kind: 'live', title });
  useUiStore.getState().openTab({ id: info.connectionId, kind: 'connection', title });
  // A connect may have signed in (OAuth): the card and the Overview say who as.
  if (info.url) void refreshSignIn(remoteId);
}

/** The user accepted an imported stdio remote's command: record that, then connect. */
export async function confirmCommandAndConnect(remoteId: string): Promise<void> {
  const result = await periscope().remotes.confirmCommand(remoteId);
  if (!result.ok) return useConnectionsStore.getState().setOpenError(remoteId, result.error);
  await connectRemote(remoteId);
}

export async function disconnect(connectionId: string): Promise<void> {
  const result = await periscope().connections.close(connectionId);
  if (!result.ok) return reportError('Could not disconnect', result.error);
  const info = useConnectionsStore.getState().infos[connectionId];
  // Main also sends a 'closed' state event; updating now keeps the button honest meanwhile.
  if (info && info.state !== 'closed') useConnectionsStore.getState().upsert({ ...info, state: 'closed' });
}

/** Forgets a finished connection: its tab, trace and view state. */
export function dismissConnection(connectionId: string): void {
  useUiStore.getState().closeTab(connectionId);
  useTraceStore.getState().removeTrace(connectionId);
  useTraceViewStore.getState().forget(connectionId);
  useTimelineStore.getState().forget(connectionId);
  forgetTools(connectionId);
  forgetResources(connectionId);
  forgetPrompts(connectionId);
  forgetServerRequests(connectionId);
  useLoadRunsStore.getState().forget(connectionId);
  useInstancesStore.getState().forget(connectionId);
  useConnectionsStore.getState().remove(connectionId);
}

/** Closes a tab; a live connection behind it is disconnected first. */
export async function closeConnectionTab(connectionId: string): Promise<void> {
  const info = useConnectionsStore.getState().infos[connectionId];
  if (info && (info.state === 'connected' || info.state === 'connecting')) await disconnect(connectionId);
  dismissConnection(connectionId);
}

/**
 * Fills a connection's trace from main's buffer (after a reload of the window), from its start:
 * live events that arrived while the snapshot was on its way are kept after it, never instead of it.
 */
export async function loadSnapshot(connectionId: string, options: { quiet?: boolean } = {}): Promise<boolean> {
  const result = await periscope().trace.snapshot(connectionId);
  if (!result.ok) {
    if (!options.quiet) reportError('Could not load the trace', result.error);
    return false;
  }
  const { entries, evicted } = result.value;
  const existing = useTraceStore.getState().traces[connectionId];
  const lastSeq = entries.length > 0 ? entries[entries.length - 1].seq : -Infinity;
  const later = existing ? existing.log.entries.filter((e) => e.seq > lastSeq) : [];
  const title = existing?.source.title ?? useConnectionsStore.getState().infos[connectionId]?.label ?? connectionId;
  useTraceStore.getState().replaceEntries(connectionId, [...entries, ...later], { kind: 'live', title, ...(evicted > 0 ? { evicted } : {}) });
  return true;
}
