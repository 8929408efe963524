import type { MainEvent } from '../../shared/ipc/contract';
import type { ConnectionInfo } from '../../shared/model/connection';
import type { TraceEntry } from '../../shared/model/trace';
import { useConnectionsStore } from '../stores/connections-store';
import { useRemotesStore } from '../stores/remotes-store';
import { useTraceStore } from '../stores/trace-store';
import { useUiStore } from '../stores/ui-store';
import { refreshRemotes } from './remote-actions';
import { applyResourceSubscriptionEnded, applyResourceUpdated } from './resource-actions';
import { refreshOnListChanged } from './list-changes';
import { applyLogMessages } from './log-actions';
import { applyServerRequest, applyServerRequestSettled } from './server-request-actions';
import { applyCallProgress, applyTaskStatus } from './tool-actions';
import { applyLoadEvent } from './load-actions';
import { applyDoctorProgress } from './doctor-actions';

/** Writes one event from main into the stores. */
export function applyMainEvent(event: MainEvent): void {
  switch (event.type) {
    case 'trace':
      appendNew(event.connectionId, event.entries);
      refreshOnListChanged(event.connectionId, event.entries);
      return;
    case 'call-progress':
      applyCallProgress(event);
      return;
    case 'task-status':
      applyTaskStatus(event);
      return;
    case 'resource-updated':
      applyResourceUpdated(event);
      return;
    case 'resource-subscription-ended':
      applyResourceSubscriptionEnded(event);
      return;
    case 'log-messages':
      applyLogMessages(event);
      return;
    case 'server-request':
      applyServerRequest(event);
      return;
    case 'server-request-settled':
      applyServerRequestSettled(event);
      return;
    case 'load-progress':
    case 'load-ended':
      applyLoadEvent(event);
      return;
    case 'doctor-progress':
      applyDoctorProgress(event);
      return;
    case 'connection-state':
      applyConnectionState(event.info);
      return;
    case 'remotes-changed':
      void refreshRemotes();
      return;
    case 'notice':
      useUiStore.getState().notify(event.level, event.message);
      return;
  }
}

/** Appends entries not seen yet: a snapshot and live events can overlap around startup. */
export function appendNew(connectionId: string, entries: readonly TraceEntry[]): void {
  const slot = useTraceStore.getState().traces[connectionId];
  const log = slot?.log;
  const lastSeq = log && log.length > 0 ? log.entries[log.length - 1].seq : -Infinity;
  const fresh = entries.length > 0 && entries[0].seq > lastSeq ? entries : entries.filter((e) => e.seq > lastSeq);
  useTraceStore.getState().appendEntries(connectionId, fresh);
}

function applyConnectionState(info: ConnectionInfo): void {
  const connections = useConnectionsStore.getState();
  let remoteId = connections.remoteOf[info.connectionId];
  if (!remoteId) {
    // A connection that is still opening has no id on our side yet; its label is the remote's name.
    const remote = useRemotesStore.getState().remotes.find((r) => connections.opening[r.id] && r.name === info.label);
    if (remote) {
      remoteId = remote.id;
      useTraceStore.getState().ensureTrace(info.connectionId, { kind: 'live', title: info.label });
      useUiStore.getState().openTab({ id: info.connectionId, kind: 'connection', title: info.label });
    }
  }
  connections.upsert(info, remoteId);
}
