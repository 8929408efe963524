import { ConnectionInfoPanel } from '../components/connection-info-panel';
import { connectRemote, disconnect } from '../bridge/connection-actions';
import { saveSession } from '../bridge/session-actions';
import { useConnectionsStore } from '../stores/connections-store';
import { TraceView } from './trace-view';

/** One live connection: what the server said, then its trace. */
export function ConnectionTab({ connectionId }: { connectionId: string }) {
  const info = useConnectionsStore((s) => s.infos[connectionId]);
  const remoteId = useConnectionsStore((s) => s.remoteOf[connectionId]);
  if (!info) {
    return (
      <p className="muted" role="status" data-testid="connection-loading">
        Connecting…
      </p>
    );
  }
  return (
    <div className="connection-tab">
      <ConnectionInfoPanel
        info={info}
        onDisconnect={() => void disconnect(connectionId)}
        onReconnect={() => remoteId && void connectRemote(remoteId)}
        onSaveSession={() => void saveSession(connectionId)}
      />
      <TraceView traceId={connectionId} title={info.label} />
    </div>
  );
}
