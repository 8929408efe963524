import { Notices } from '../components/notices';
import { panelDomId, TabStrip, tabDomId } from '../components/tab-strip';
import { closeConnectionTab } from '../bridge/connection-actions';
import { closeSessionTab, openSessionFile } from '../bridge/session-actions';
import { useConnectionsStore } from '../stores/connections-store';
import { useUiStore, type Tab } from '../stores/ui-store';
import { ConnectionTab } from './connection-tab';
import { RemoteEditor } from './remote-editor';
import { RemotesSidebar } from './remotes-sidebar';
import { SessionTab } from './session-tab';
import { Welcome } from './welcome';

/** The window: remotes on the left; the editor, or the open connections and sessions, on the right. */
export function App() {
  const { tabs, activeTabId, editor, notices, activateTab, dismissNotice } = useUiStore();
  const infos = useConnectionsStore((s) => s.infos);
  const activeTab = tabs.find((t) => t.id === activeTabId);
  const stateOf = (tab: Tab) => (tab.kind === 'session' ? 'read-only' : (infos[tab.id]?.state ?? 'connecting'));
  const closeTab = (tabId: string) => {
    const tab = tabs.find((t) => t.id === tabId);
    if (tab?.kind === 'session') closeSessionTab(tabId);
    else void closeConnectionTab(tabId);
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1>MCP Periscope</h1>
        <button type="button" data-testid="open-session" onClick={() => void openSessionFile()}>
          Open session file…
        </button>
      </header>
      <RemotesSidebar />
      <main className="main-area">
        {tabs.length > 0 && <TabStrip tabs={tabs} activeTabId={editor ? undefined : activeTabId} stateOf={stateOf} onActivate={activateTab} onClose={closeTab} />}
        {editor ? (
          <RemoteEditor remoteId={editor.remoteId} />
        ) : activeTab ? (
          <div role="tabpanel" id={panelDomId(activeTab.id)} aria-labelledby={tabDomId(activeTab.id)} className="tab-panel">
            {activeTab.kind === 'connection' ? <ConnectionTab key={activeTab.id} connectionId={activeTab.id} /> : <SessionTab key={activeTab.id} tabId={activeTab.id} />}
          </div>
        ) : (
          <Welcome />
        )}
      </main>
      <Notices notices={notices} onDismiss={dismissNotice} />
    </div>
  );
}
