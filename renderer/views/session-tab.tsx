import { useState } from 'react';
import { exportSessionHar } from '../bridge/export-actions';
import { BundleSummaryPanel } from '../components/bundle-summary';
import { SectionTabs, sectionPanelId, sectionTabId } from '../components/section-tabs';
import { useMetricsStore } from '../stores/metrics-store';
import { useTraceStore } from '../stores/trace-store';
import { LatencyView } from './latency-view';
import { TraceView } from './trace-view';
import { dateTimeLabel } from '../workbench/chart-time-labels';

type SessionSection = 'trace' | 'latency';
const SECTIONS: Array<{ id: SessionSection; label: string }> = [
  { id: 'trace', label: 'Trace' },
  { id: 'latency', label: 'Latency' },
];

/** A session file (or a repro bundle's trace) opened offline: its trace and its latency figures, nothing live, nothing to change. */
export function SessionTab({ tabId }: { tabId: string }) {
  const source = useTraceStore((s) => s.traces[tabId]?.source);
  const hasMetrics = useMetricsStore((s) => s.slots[tabId]?.snapshot !== undefined);
  const [section, setSection] = useState<SessionSection>('trace');
  const prefix = `s-${tabId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <div className="session-tab" data-testid="session-tab">
      <div className="session-banner" role="note">
        <span className="session-banner-text">
          <strong>{source?.bundle ? 'Read-only repro bundle' : 'Read-only session file'}</strong> {source?.path ?? ''}
          {source?.createdAt !== undefined && <span className="muted"> · saved {dateTimeLabel(source.createdAt)}</span>}
        </span>
        {source?.path && (
          <button type="button" data-testid="session-export-har" onClick={() => void exportSessionHar(source.path!)}>
            Export HAR…
          </button>
        )}
      </div>
      {source?.bundle && <BundleSummaryPanel bundle={source.bundle} />}
      {hasMetrics ? (
        <>
          <SectionTabs<SessionSection> label={`Sections of ${source?.title ?? 'the session file'}`} sections={SECTIONS} active={section} idPrefix={prefix} onSelect={setSection} />
          <div className="section-panel" role="tabpanel" id={sectionPanelId(prefix, section)} aria-labelledby={sectionTabId(prefix, section)}>
            {section === 'trace' ? <TraceView traceId={tabId} title={source?.title ?? 'session'} /> : <LatencyView tabId={tabId} onShowInTrace={() => setSection('trace')} />}
          </div>
        </>
      ) : (
        <TraceView traceId={tabId} title={source?.title ?? 'session'} />
      )}
    </div>
  );
}
