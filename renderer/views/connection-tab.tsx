import { useRef } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import { ConnectionInfoPanel } from '../components/connection-info-panel';
import { connectRemote, disconnect } from '../bridge/connection-actions';
import { saveSession } from '../bridge/session-actions';
import { useConnectionsStore } from '../stores/connections-store';
import { useUiStore } from '../stores/ui-store';
import { TraceView } from './trace-view';
import { useFitErrorNotice } from './fit-error-notice';

/** One live connection: what the server said above, its trace below; the split is resizable. */
export function ConnectionTab({ connectionId }: { connectionId: string }) {
  const info = useConnectionsStore((s) => s.infos[connectionId]);
  const remoteId = useConnectionsStore((s) => s.remoteOf[connectionId]);
  const openEditor = useUiStore((s) => s.openEditor);
  const split = useDefaultLayout({ id: 'periscope-connection-split', storage: localStorage });
  const infoPane = usePanelRef();
  const infoElement = useRef<HTMLDivElement>(null);
  useFitErrorNotice(infoPane, infoElement, info?.error ? `${info.state} ${info.error.kind} ${info.error.message}` : undefined);
  if (!info) {
    return (
      <p className="muted" role="status" data-testid="connection-loading">
        Connecting…
      </p>
    );
  }
  return (
    <Group className="connection-tab" orientation="vertical" id="periscope-connection-split" {...split}>
      <Panel id="pane-connection-info" defaultSize="32%" minSize={64} maxSize="70%" collapsible collapsedSize={0} className="pane" panelRef={infoPane} elementRef={infoElement}>
        <ConnectionInfoPanel
          info={info}
          onDisconnect={() => void disconnect(connectionId)}
          onReconnect={() => remoteId && void connectRemote(remoteId)}
          onSaveSession={() => void saveSession(connectionId)}
          onFix={remoteId ? (fix) => openEditor(remoteId, fix) : undefined}
        />
      </Panel>
      <Separator className="pane-separator horizontal" aria-label="Resize the connection details and the trace" />
      <Panel id="pane-connection-trace" minSize={160} className="pane">
        <TraceView traceId={connectionId} title={info.label} />
      </Panel>
    </Group>
  );
}
