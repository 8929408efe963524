import { useConnectionsStore } from '../stores/connections-store';
import { useRemotesStore } from '../stores/remotes-store';
import { useTraceStore } from '../stores/trace-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';
import { loadSnapshot } from './connection-actions';
import { applyMainEvent } from './main-events';
import { refreshRemotes } from './remote-actions';

/**
 * Subscribes to main's events and loads the first state: remotes, and any connections that are
 * already open (the window was reloaded). Returns the function that unsubscribes.
 */
export function startBridge(): () => void {
  const stop = periscope().onEvent(applyMainEvent);
  void loadInitialState();
  return stop;
}

async function loadInitialState(): Promise<void> {
  await refreshRemotes();
  const result = await periscope().connections.list();
  if (!result.ok) return;
  const remotes = useRemotesStore.getState().remotes;
  for (const info of result.value) {
    const remoteId = remotes.find((r) => r.name === info.label)?.id;
    useConnectionsStore.getState().upsert(info, remoteId);
    useTraceStore.getState().ensureTrace(info.connectionId, { kind: 'live', title: info.label });
    useUiStore.getState().openTab({ id: info.connectionId, kind: 'connection', title: info.label });
    await loadSnapshot(info.connectionId);
  }
}
