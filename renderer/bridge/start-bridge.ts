import type { ConnectionInfo } from '../../shared/model/connection';
import { isLive, useConnectionsStore } from '../stores/connections-store';
import { useRemotesStore } from '../stores/remotes-store';
import { useTraceStore } from '../stores/trace-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';
import { dismissConnection, loadSnapshot } from './connection-actions';
import { applyMainEvent } from './main-events';
import { refreshRemotes } from './remote-actions';
import { loadServerRequests } from './server-request-actions';
import { rememberedTabs, rememberTabs, type RememberedTab } from './tab-memory';

/**
 * Subscribes to main's events and loads the first state: remotes, and the connection tabs the
 * window had open before a reload. Returns the function that unsubscribes.
 */
export function startBridge(): () => void {
  const stop = periscope().onEvent(applyMainEvent);
  const remembered = rememberedTabs();
  let stopRemembering: (() => void) | undefined;
  void loadInitialState(remembered).finally(() => (stopRemembering = rememberTabs()));
  return () => {
    stop();
    stopRemembering?.();
  };
}

async function loadInitialState(remembered: ReturnType<typeof rememberedTabs>): Promise<void> {
  await refreshRemotes();
  const result = await periscope().connections.list();
  if (!result.ok) return;
  const live = new Map(result.value.map((info) => [info.connectionId, info]));
  // Before any reload: the connections that are up. After one: exactly the tabs that were open.
  const tabs: RememberedTab[] = remembered ? remembered.tabs : result.value.filter((info) => isLive(info.state)).map((info) => ({ id: info.connectionId, title: info.label }));
  for (const tab of tabs) {
    const info = live.get(tab.id) ?? closedSince(tab.info);
    if (!info) continue;
    const remoteId = tab.remoteId ?? useRemotesStore.getState().remotes.find((r) => r.name === info.label)?.id;
    useConnectionsStore.getState().upsert(info, remoteId);
    useTraceStore.getState().ensureTrace(tab.id, { kind: 'live', title: tab.title });
    useUiStore.getState().openTab({ id: tab.id, kind: 'connection', title: tab.title });
    // A connection main no longer knows at all (its trace is gone too) does not come back empty.
    const loaded = await loadSnapshot(tab.id, { quiet: !live.has(tab.id) });
    if (!loaded && !live.has(tab.id)) dismissConnection(tab.id);
    // Questions the server asked before the reload still wait: their badges must show at once.
    else if (live.has(tab.id)) void loadServerRequests(tab.id);
  }
  const active = remembered?.activeId;
  if (active && useUiStore.getState().tabs.some((t) => t.id === active)) useUiStore.getState().activateTab(active);
}

/** A tab whose connection ended before the reload: main keeps its trace, not its info. */
function closedSince(info: ConnectionInfo | undefined): ConnectionInfo | undefined {
  if (!info) return undefined;
  return isLive(info.state) ? { ...info, state: 'closed' } : info;
}
