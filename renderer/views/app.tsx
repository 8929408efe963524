import { useEffect, useRef, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import { Notices } from '../components/notices';
import { connectionStateWords } from '../components/state-badge';
import { panelDomId, TabStrip, tabDomId } from '../components/tab-strip';
import { closeConnectionTab } from '../bridge/connection-actions';
import { closeSessionTab, openBundleFile, openSessionFile } from '../bridge/session-actions';
import { closeDoctorTab } from '../bridge/doctor-actions';
import { useDoctorStore, type DoctorSlot } from '../stores/doctor-store';
import { isLive, useConnectionsStore } from '../stores/connections-store';
import { useUiStore, type Tab } from '../stores/ui-store';
import { pendingCount, useServerRequestsStore } from '../stores/server-requests-store';
import { AppDialogs } from './app-dialogs';
import { ConnectionTab } from './connection-tab';
import { DoctorView } from './doctor-view';
import { RemoteEditor } from './remote-editor';
import { RemotesSidebar } from './remotes-sidebar';
import { SessionTab } from './session-tab';
import { TRACE_DETAIL_MIN_PX, TRACE_LIST_MIN_PX } from './trace-view';
import { Welcome } from './welcome';
import { AuthDebuggerView } from './auth-debugger-view';
import { authDebugTargetOfActiveTab, closeAuthDebugger, openAuthDebugger } from '../bridge/auth-debug-actions';
import { useAuthDebugStore } from '../stores/auth-debug-store';

/**
 * Room for the trace list and the entry details side by side at their minimum widths (and the
 * 5 px divider): a wider sidebar would squeeze both under their minimums, cutting the trace
 * columns off mid-word.
 */
const MAIN_PANE_MIN_PX = TRACE_LIST_MIN_PX + TRACE_DETAIL_MIN_PX + 5;

export const SIDEBAR_ID = 'remotes-pane';

/**
 * The window: remotes on the left, in a pane that can be resized or hidden; the editor, or the
 * open connections and sessions, on the right; messages in a strip below them.
 */
export function App() {
  const { tabs, activeTabId, editor, notices, activateTab, dismissNotice, dismissAllNotices, showModal } = useUiStore();
  const infos = useConnectionsStore((s) => s.infos);
  const authDebugTarget = useAuthDebugStore((s) => s.target);
  const sidebar = usePanelRef();
  const [sidebarShown, setSidebarShown] = useState(true);
  const layout = useDefaultLayout({ id: 'periscope-window', storage: localStorage });
  const activeTab = tabs.find((t) => t.id === activeTabId);
  const requests = useServerRequestsStore((s) => s.slots);
  const doctors = useDoctorStore((s) => s.slots);
  const waitingOf = (tab: Tab) => (tab.kind === 'connection' ? pendingCount({ slots: requests }, tab.id) : 0);
  // A connection tab's state in the words of the remote's card ("disconnected", not "closed").
  const stateOf = (tab: Tab) => (tab.kind === 'session' ? 'read-only' : tab.kind === 'doctor' ? doctorState(doctors[tab.id]) : connectionStateWords(infos[tab.id]?.state ?? 'connecting'));
  const needsAttention = (tab: Tab) => tab.kind === 'connection' && (infos[tab.id]?.state === 'failed' || infos[tab.id]?.state === 'lost');
  const closeTab = (tabId: string) => {
    const tab = tabs.find((t) => t.id === tabId);
    if (tab?.kind === 'session') return closeSessionTab(tabId);
    if (tab?.kind === 'doctor') return closeDoctorTab(tabId);
    // Closing the tab of a live connection ends it: ask first.
    if (isLive(infos[tabId]?.state)) return showModal({ kind: 'close-live-tab', tabId });
    void closeConnectionTab(tabId);
  };
  // What the user brings to the front (a tab: Connect, a session, the doctor, a click in the tab
  // strip; or the remote editor: New remote, Edit) takes the main area from the auth debugger,
  // which is drawn over both: else it opens unseen.
  const front = useRef({ activeTabId, editor });
  useEffect(() => {
    const before = front.current;
    front.current = { activeTabId, editor };
    const broughtForward = (activeTabId !== undefined && activeTabId !== before.activeTabId) || (editor !== undefined && editor !== before.editor);
    if (broughtForward && useAuthDebugStore.getState().target) closeAuthDebugger();
  }, [activeTabId, editor]);
  const showTab = (tabId: string) => {
    if (authDebugTarget) closeAuthDebugger();
    activateTab(tabId);
  };
  const toggleSidebar = () => {
    if (sidebar.current?.isCollapsed()) sidebar.current.expand();
    else sidebar.current?.collapse();
  };

  return (
    <div className="app">
      <header className="app-header">
        <button type="button" className="sidebar-toggle" aria-expanded={sidebarShown} aria-controls={SIDEBAR_ID} onClick={toggleSidebar} data-testid="toggle-sidebar">
          {sidebarShown ? 'Hide remotes' : 'Show remotes'}
        </button>
        <h1>MCP Periscope</h1>
        {/* While the auth debugger is the view shown, its button says so (as a tab says it is selected). */}
        <button type="button" data-testid="open-auth-debugger" aria-current={authDebugTarget ? 'page' : undefined} onClick={() => openAuthDebugger(authDebugTargetOfActiveTab())}>
          Auth debugger…
        </button>
        <button type="button" data-testid="open-session" onClick={() => void openSessionFile()}>
          Open session file…
        </button>
        <button type="button" data-testid="open-bundle" onClick={() => void openBundleFile()}>
          Open repro bundle…
        </button>
      </header>
      <Group className="app-body" orientation="horizontal" id="periscope-window" {...layout}>
        <Panel
          id={SIDEBAR_ID}
          panelRef={sidebar}
          defaultSize={280}
          minSize={220}
          maxSize="45%"
          collapsible
          collapsedSize={0}
          groupResizeBehavior="preserve-pixel-size"
          onResize={(size) => setSidebarShown(size.inPixels > 0)}
          className="pane"
        >
          {/* Kept mounted (its search and scroll stay) but out of the tab order while hidden. */}
          <div className="pane-content" hidden={!sidebarShown}>
            <RemotesSidebar />
          </div>
        </Panel>
        <Separator className="pane-separator" aria-label="Resize the remotes sidebar" />
        <Panel id="main-pane" minSize={MAIN_PANE_MIN_PX} className="pane">
          <div className="main-column">
            <main className="main-area">
              {tabs.length > 0 && <TabStrip tabs={tabs} activeTabId={editor || authDebugTarget ? undefined : activeTabId} stateOf={stateOf} waitingOf={waitingOf} needsAttention={needsAttention} onActivate={showTab} onClose={closeTab} />}
              {authDebugTarget ? (
                <AuthDebuggerView key={authDebugTarget.remoteId ?? 'url'} />
              ) : editor ? (
                <RemoteEditor key={editor.remoteId ?? 'new'} remoteId={editor.remoteId} focusField={editor.focusField} fixValue={editor.fixValue} />
              ) : activeTab ? (
                <div role="tabpanel" id={panelDomId(activeTab.id)} aria-labelledby={tabDomId(activeTab.id)} className="tab-panel">
                  {activeTab.kind === 'connection' ? <ConnectionTab key={activeTab.id} connectionId={activeTab.id} /> : activeTab.kind === 'doctor' ? <DoctorView key={activeTab.id} tabId={activeTab.id} /> : <SessionTab key={activeTab.id} tabId={activeTab.id} />}
                </div>
              ) : (
                <Welcome />
              )}
            </main>
            <Notices notices={notices} onDismiss={dismissNotice} onDismissAll={dismissAllNotices} />
          </div>
        </Panel>
      </Group>
      <AppDialogs />
    </div>
  );
}

/** The doctor tab's state word: running, or the outcome of its last run. */
function doctorState(slot: DoctorSlot | undefined): string {
  if (!slot || slot.running) return 'running';
  if (slot.error) return 'could not run';
  // A group's run failed when any of its instances did.
  return slot.run?.reports.every((report) => report.ok) ? 'no failure' : 'failed';
}
