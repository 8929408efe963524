import { useTraceStore } from '../stores/trace-store';
import { TraceView } from './trace-view';

/** A session file opened offline: the same trace view, nothing live, nothing to change. */
export function SessionTab({ tabId }: { tabId: string }) {
  const source = useTraceStore((s) => s.traces[tabId]?.source);
  return (
    <div className="session-tab" data-testid="session-tab">
      <div className="session-banner" role="note">
        <strong>Read-only session file</strong> {source?.path ?? ''}
        {source?.createdAt !== undefined && <span className="muted"> · saved {new Date(source.createdAt).toLocaleString()}</span>}
      </div>
      <TraceView traceId={tabId} title={source?.title ?? 'session'} />
    </div>
  );
}
