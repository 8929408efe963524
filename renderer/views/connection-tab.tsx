import { lazy, Suspense } from 'react';
import { ConnectionHeader } from '../components/connection-header';
import { ConnectionInfoPanel } from '../components/connection-info-panel';
import { SectionTabs, sectionPanelId, sectionTabId, type SectionTab } from '../components/section-tabs';
import { connectRemote, disconnect } from '../bridge/connection-actions';
import { saveSession } from '../bridge/session-actions';
import { exportConnectionHar, saveReproBundle } from '../bridge/export-actions';
import { isLive, useConnectionsStore } from '../stores/connections-store';
import { useSectionsStore, type SectionId } from '../stores/sections-store';
import { useUiStore } from '../stores/ui-store';
import { LatencyView } from './latency-view';
import { pendingCount, useServerRequestsStore } from '../stores/server-requests-store';
import { TraceView } from './trace-view';
import { OverviewPing } from './overview-ping';
import { SignInSection } from './sign-in-section';
import { InstancesView } from './instances-view';
import { RenderErrorBoundary } from '../components/render-error-boundary';
import { useRemotesStore } from '../stores/remotes-store';
import { groupInstanceUrls } from '../../shared/model/remote';

// The tools workbench brings the form library and the validator: loaded when first opened.
const ToolsView = lazy(() => import('./tools-view').then((m) => ({ default: m.ToolsView })));
const ResourcesView = lazy(() => import('./resources-view').then((m) => ({ default: m.ResourcesView })));
const PromptsView = lazy(() => import('./prompts-view').then((m) => ({ default: m.PromptsView })));
const LogsView = lazy(() => import('./logs-view').then((m) => ({ default: m.LogsView })));
const ServerRequestsView = lazy(() => import('./server-requests-view').then((m) => ({ default: m.ServerRequestsView })));

/**
 * The sections of a connection tab, in order. Each further section of the workbench (requests
 * from the server, logs) is one more entry here and one more case below. A section that needs a
 * server capability names it: it is shown only when the server declared that capability.
 */
const SECTIONS: ReadonlyArray<SectionTab<SectionId> & { capability?: 'resources' | 'prompts' | 'logging'; group?: true }> = [
  { id: 'overview', label: 'Overview' },
  { id: 'tools', label: 'Tools' },
  { id: 'resources', label: 'Resources', capability: 'resources' },
  { id: 'prompts', label: 'Prompts', capability: 'prompts' },
  { id: 'requests', label: 'Requests' },
  { id: 'logs', label: 'Logs', capability: 'logging' },
  { id: 'trace', label: 'Trace' },
  { id: 'latency', label: 'Latency' },
  { id: 'instances', label: 'Instances', group: true },
];

/** The sections this server's declared capabilities allow; Instances only for a group's connection. */
export function sectionsFor(capabilities: Record<string, unknown> | undefined, group = false): Array<SectionTab<SectionId>> {
  return SECTIONS.filter((s) => (!s.capability || capabilities?.[s.capability] !== undefined) && (!s.group || group)).map(({ id, label }) => ({ id, label }));
}

/** One connection: its header, then its sections as tabs (Overview, Tools, Resources, Prompts, Requests, Logs, Trace, Latency; Instances for a group). */
export function ConnectionTab({ connectionId }: { connectionId: string }) {
  const info = useConnectionsStore((s) => s.infos[connectionId]);
  const remoteId = useConnectionsStore((s) => s.remoteOf[connectionId]);
  const openEditor = useUiStore((s) => s.openEditor);
  const chosen = useSectionsStore((s) => s.active[connectionId] ?? 'overview');
  const select = useSectionsStore((s) => s.select);
  const waiting = useServerRequestsStore((s) => pendingCount(s, connectionId));
  const remote = useRemotesStore((s) => (remoteId ? s.remotes.find((r) => r.id === remoteId) : undefined));
  const instances = remote ? groupInstanceUrls(remote) : [];
  const group = instances.length > 1;
  if (!info) {
    return (
      <p className="muted" role="status" data-testid="connection-loading">
        Connecting…
      </p>
    );
  }
  const sections = sectionsFor(info.capabilities, group).map((s) => (s.id === 'requests' ? { ...s, badge: waiting } : s));
  // A section the server does not (or no longer, after a reconnect) offer falls back to Overview.
  const active = sections.some((s) => s.id === chosen) ? chosen : 'overview';
  const prefix = `c-${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const label = sections.find((s) => s.id === active)?.label ?? active;
  return (
    <div className="connection-tab">
      <ConnectionHeader
        info={info}
        onDisconnect={() => void disconnect(connectionId)}
        onReconnect={() => remoteId && void connectRemote(remoteId)}
        onSaveSession={() => void saveSession(connectionId)}
        onSaveBundle={() => void saveReproBundle(connectionId)}
        onShowDetails={active === 'overview' ? undefined : () => select(connectionId, 'overview')}
      />
      <SectionTabs label={`Sections of ${info.label}`} sections={sections} active={active} idPrefix={prefix} onSelect={(id) => select(connectionId, id)} />
      <div className="section-panel" role="tabpanel" id={sectionPanelId(prefix, active)} aria-labelledby={sectionTabId(prefix, active)} data-testid={`section-panel-${active}`}>
        <RenderErrorBoundary what={`The ${label} section`} resetKey={`${connectionId}:${active}`}>
          {/* The sections loaded when first opened (ToolsView and the others above) show this meanwhile. */}
          <Suspense fallback={<p className="muted" role="status">{`Loading the ${label} section…`}</p>}>
            {active === 'overview' && <OverviewPing connectionId={connectionId} era={info.era} live={isLive(info.state)} />}
            {active === 'overview' && remoteId && remote && <SignInSection remoteId={remoteId} remoteName={remote.name} info={info} />}
            {active === 'overview' && <ConnectionInfoPanel info={info} onFix={remoteId ? (fix) => openEditor(remoteId, fix) : undefined} />}
            {active === 'tools' && <ToolsView connectionId={connectionId} live={isLive(info.state)} />}
            {active === 'resources' && <ResourcesView connectionId={connectionId} live={isLive(info.state)} era={info.era} capabilities={info.capabilities} />}
            {active === 'prompts' && <PromptsView connectionId={connectionId} live={isLive(info.state)} capabilities={info.capabilities} />}
            {active === 'requests' && <ServerRequestsView connectionId={connectionId} remoteId={remoteId} era={info.era} />}
            {active === 'logs' && <LogsView connectionId={connectionId} live={isLive(info.state)} era={info.era} />}
            {active === 'trace' && (
              <>
                <div className="trace-export-bar">
                  <button type="button" data-testid="trace-export-har" onClick={() => void exportConnectionHar(connectionId)}>
                    Export HAR…
                  </button>
                  <span className="muted">HTTP exchanges as HAR 1.2, secrets masked</span>
                </div>
                <TraceView traceId={connectionId} title={info.label} />
              </>
            )}
            {active === 'latency' && (
              <LatencyView tabId={connectionId} connectionId={connectionId} live={isLive(info.state)} onShowInTrace={() => select(connectionId, 'trace')} {...(group && remoteId ? { group: { remoteId, size: instances.length } } : {})} />
            )}
            {active === 'instances' && remoteId && <InstancesView connectionId={connectionId} remoteId={remoteId} instances={instances} live={isLive(info.state)} />}
          </Suspense>
        </RenderErrorBoundary>
      </div>
    </div>
  );
}
