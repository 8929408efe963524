import { lazy, Suspense } from 'react';
import { ConnectionHeader } from '../components/connection-header';
import { ConnectionInfoPanel } from '../components/connection-info-panel';
import { SectionTabs, sectionPanelId, sectionTabId, type SectionTab } from '../components/section-tabs';
import { connectRemote, disconnect } from '../bridge/connection-actions';
import { saveSession } from '../bridge/session-actions';
import { isLive, useConnectionsStore } from '../stores/connections-store';
import { useSectionsStore, type SectionId } from '../stores/sections-store';
import { useUiStore } from '../stores/ui-store';
import { TraceView } from './trace-view';

// The tools workbench brings the form library and the validator: loaded when first opened.
const ToolsView = lazy(() => import('./tools-view').then((m) => ({ default: m.ToolsView })));

/**
 * The sections of a connection tab, in order. Each further section of the workbench (resources,
 * prompts, requests from the server, logs) is one more entry here and one more case below.
 */
const SECTIONS: ReadonlyArray<SectionTab<SectionId>> = [
  { id: 'overview', label: 'Overview' },
  { id: 'tools', label: 'Tools' },
  { id: 'trace', label: 'Trace' },
];

/** One connection: its header, then its sections as tabs (Overview, Tools, Trace). */
export function ConnectionTab({ connectionId }: { connectionId: string }) {
  const info = useConnectionsStore((s) => s.infos[connectionId]);
  const remoteId = useConnectionsStore((s) => s.remoteOf[connectionId]);
  const openEditor = useUiStore((s) => s.openEditor);
  const active = useSectionsStore((s) => s.active[connectionId] ?? 'overview');
  const select = useSectionsStore((s) => s.select);
  if (!info) {
    return (
      <p className="muted" role="status" data-testid="connection-loading">
        Connecting…
      </p>
    );
  }
  const prefix = `c-${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <div className="connection-tab">
      <ConnectionHeader
        info={info}
        onDisconnect={() => void disconnect(connectionId)}
        onReconnect={() => remoteId && void connectRemote(remoteId)}
        onSaveSession={() => void saveSession(connectionId)}
        onShowDetails={active === 'overview' ? undefined : () => select(connectionId, 'overview')}
      />
      <SectionTabs label={`Sections of ${info.label}`} sections={SECTIONS} active={active} idPrefix={prefix} onSelect={(id) => select(connectionId, id)} />
      <div className="section-panel" role="tabpanel" id={sectionPanelId(prefix, active)} aria-labelledby={sectionTabId(prefix, active)} data-testid={`section-panel-${active}`}>
        {active === 'overview' && <ConnectionInfoPanel info={info} onFix={remoteId ? (fix) => openEditor(remoteId, fix) : undefined} />}
        {active === 'tools' && (
          <Suspense fallback={<p className="muted" role="status">Loading the tools workbench…</p>}>
            <ToolsView connectionId={connectionId} live={isLive(info.state)} />
          </Suspense>
        )}
        {active === 'trace' && <TraceView traceId={connectionId} title={info.label} />}
      </div>
    </div>
  );
}
