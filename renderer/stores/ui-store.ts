import { create } from 'zustand';
import type { ImportReport } from '../../shared/ipc/contract';
import type { ErrorInfo, FixField } from '../../shared/model/error-info';

/** A tab in the main area: a connection (live), a session file opened offline (read-only), or a remote's connection doctor. */
export interface Tab {
  id: string;
  kind: 'connection' | 'session' | 'doctor';
  title: string;
}

export interface Notice {
  id: number;
  /** 'success' confirms something the user did and goes away by itself; the others stay until dismissed. */
  level: 'success' | 'info' | 'warning' | 'error';
  message: string;
}

/** What the main area shows besides tabs: the remote editor (new or existing remote). */
export type Editor = { remoteId: string | undefined; focusField?: FixField; fixValue?: string } | undefined;

/** The one modal question or report open over the window (dialogs never stack). */
export type Modal =
  | { kind: 'import-report'; report: ImportReport }
  | { kind: 'confirm-command'; remoteId: string; error: ErrorInfo }
  | { kind: 'close-live-tab'; tabId: string };

/** focusCard value that means "the New remote button" (a new remote has no card to return to). */
export const NEW_REMOTE_FOCUS = '(new remote)';

/** Most notices shown at once; older ones give way (the newest are what the user just did). */
export const MAX_NOTICES = 4;

interface UiState {
  tabs: Tab[];
  activeTabId: string | undefined;
  editor: Editor;
  /** True while the editor holds edits that are not saved. */
  editorDirty: boolean;
  /** An action waiting for "discard unsaved edits?" to be answered. */
  pendingDiscard: (() => void) | undefined;
  /** The remote whose card should take focus (after the editor closes). */
  focusCard: string | undefined;
  notices: Notice[];
  modal: Modal | undefined;
  openTab(tab: Tab): void;
  closeTab(tabId: string): void;
  activateTab(tabId: string): void;
  /** With a fix: focus its field, and propose its value (an unsaved edit the user reviews). */
  openEditor(remoteId: string | undefined, fix?: { field: FixField; value?: string }): void;
  closeEditor(options?: { focusCard?: string }): void;
  setEditorDirty(dirty: boolean): void;
  /** Runs `action` now, or after the user agrees to drop unsaved edits. */
  leaveEditor(action: () => void): void;
  answerDiscard(discard: boolean): void;
  /** Asks the sidebar to focus a remote's card (or NEW_REMOTE_FOCUS). */
  focusOn(card: string): void;
  cardFocused(): void;
  notify(level: Notice['level'], message: string): void;
  dismissNotice(id: number): void;
  dismissAllNotices(): void;
  showModal(modal: Modal): void;
  closeModal(): void;
}

let nextNoticeId = 1;

export const useUiStore = create<UiState>()((set, get) => ({
  tabs: [],
  activeTabId: undefined,
  editor: undefined,
  editorDirty: false,
  pendingDiscard: undefined,
  focusCard: undefined,
  notices: [],
  modal: undefined,
  openTab(tab) {
    set((s) => ({
      tabs: s.tabs.some((t) => t.id === tab.id) ? s.tabs.map((t) => (t.id === tab.id ? tab : t)) : [...s.tabs, tab],
      activeTabId: tab.id,
      // A tab opened while the editor holds unsaved edits waits behind it instead of discarding them.
      ...(s.editorDirty ? {} : { editor: undefined }),
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
  activateTab: (tabId) => get().leaveEditor(() => set({ activeTabId: tabId, editor: undefined, editorDirty: false })),
  openEditor(remoteId, fix) {
    const current = get().editor;
    const same = current && current.remoteId === remoteId && remoteId !== undefined;
    const editor = { remoteId, ...(fix ? { focusField: fix.field, ...(fix.value ? { fixValue: fix.value } : {}) } : {}) };
    // The same remote again (e.g. a hint's button) only moves the focus: the edits stay.
    if (same) return set({ editor });
    get().leaveEditor(() => set({ editor, editorDirty: false }));
  },
  closeEditor(options) {
    set({ editor: undefined, editorDirty: false, focusCard: options?.focusCard });
  },
  setEditorDirty: (dirty) => set({ editorDirty: dirty }),
  leaveEditor(action) {
    if (get().editor && get().editorDirty) set({ pendingDiscard: action });
    else action();
  },
  answerDiscard(discard) {
    const action = get().pendingDiscard;
    set({ pendingDiscard: undefined });
    if (discard && action) {
      set({ editorDirty: false });
      action();
    }
  },
  focusOn: (card) => set({ focusCard: card }),
  cardFocused: () => set({ focusCard: undefined }),
  notify(level, message) {
    const id = nextNoticeId++;
    set((s) => ({ notices: [...s.notices.slice(-(MAX_NOTICES - 1)), { id, level, message }] }));
  },
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  dismissAllNotices: () => set({ notices: [] }),
  showModal: (modal) => set({ modal }),
  closeModal: () => set({ modal: undefined }),
}));
