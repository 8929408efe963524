import type { ConnectionInfo } from '../../shared/model/connection';
import { useConnectionsStore } from '../stores/connections-store';
import { useUiStore } from '../stores/ui-store';

/**
 * Which connection tabs the window had open, kept in sessionStorage: it survives a reload of the
 * window (not a restart of the app, when no connection survives either). A reload then brings back
 * exactly those tabs, in their order, with the same one active; tabs the user closed stay closed.
 * Nothing secret is kept: titles, ids and the connection info the window already showed.
 */
const KEY = 'periscope.open-tabs.v1';

export interface RememberedTab {
  id: string;
  title: string;
  remoteId?: string;
  info?: ConnectionInfo;
}
export interface RememberedTabs {
  tabs: RememberedTab[];
  activeId?: string;
}

export function rememberedTabs(): RememberedTabs | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as RememberedTabs;
    return Array.isArray(parsed.tabs) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the open connection tabs whenever tabs or connections change; returns the unsubscribe. */
export function rememberTabs(): () => void {
  const save = () => {
    const { tabs, activeTabId } = useUiStore.getState();
    const { infos, remoteOf } = useConnectionsStore.getState();
    const connectionTabs = tabs.filter((t) => t.kind === 'connection');
    const value: RememberedTabs = {
      tabs: connectionTabs.map((t) => ({ id: t.id, title: t.title, remoteId: remoteOf[t.id], info: infos[t.id] })),
      activeId: connectionTabs.some((t) => t.id === activeTabId) ? activeTabId : undefined,
    };
    try {
      sessionStorage.setItem(KEY, JSON.stringify(value));
    } catch {
      // Storage full or refused: a reload then shows the live connections only.
    }
  };
  const stopUi = useUiStore.subscribe((s, prev) => {
    if (s.tabs !== prev.tabs || s.activeTabId !== prev.activeTabId) save();
  });
  const stopConnections = useConnectionsStore.subscribe((s, prev) => {
    if (s.infos !== prev.infos) save();
  });
  return () => {
    stopUi();
    stopConnections();
  };
}
