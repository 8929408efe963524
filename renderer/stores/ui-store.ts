import { create } from 'zustand';

/** A tab in the main area: a connection (live) or a session file opened offline (read-only). */
export interface Tab {
  id: string;
  kind: 'connection' | 'session';
  title: string;
}

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** What the main area shows besides tabs: the remote editor (new or existing remote). */
export type Editor = { remoteId: string | undefined } | undefined;

interface UiState {
  tabs: Tab[];
  activeTabId: string | undefined;
  editor: Editor;
  notices: Notice[];
  openTab(tab: Tab): void;
  closeTab(tabId: string): void;
  activateTab(tabId: string): void;
  openEditor(remoteId: string | undefined): void;
  closeEditor(): void;
  notify(level: Notice['level'], message: string): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

export const useUiStore = create<UiState>()((set) => ({
  tabs: [],
  activeTabId: undefined,
  editor: undefined,
  notices: [],
  openTab(tab) {
    set((s) => ({
      tabs: s.tabs.some((t) => t.id === tab.id) ? s.tabs.map((t) => (t.id === tab.id ? tab : t)) : [...s.tabs, tab],
      activeTabId: tab.id,
      editor: undefined,
    }));
  },
  closeTab(tabId) {
    set((s) => {
      const index = s.tabs.findIndex((t) => t.id === tabId);
      const tabs = s.tabs.filter((t) => t.id !== tabId);
      const activeTabId = s.activeTabId === tabId ? (tabs[Math.min(index, tabs.length - 1)]?.id ?? undefined) : s.activeTabId;
      return { tabs, activeTabId };
    });
  },
  activateTab: (tabId) => set({ activeTabId: tabId, editor: undefined }),
  openEditor: (remoteId) => set({ editor: { remoteId } }),
  closeEditor: () => set({ editor: undefined }),
  notify(level, message) {
    const id = nextNoticeId++;
    set((s) => ({ notices: [...s.notices.slice(-4), { id, level, message }] }));
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
