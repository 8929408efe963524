import { useCallback, useMemo, useState } from 'react';
import { TraceDetail } from '../components/trace/trace-detail';
import { TraceFilterBar } from '../components/trace/trace-filter-bar';
import { TraceList } from '../components/trace/trace-list';
import { copyText } from '../bridge/clipboard';
import { useTraceStore } from '../stores/trace-store';
import { filterOf, useTraceViewStore } from '../stores/trace-view-store';
import { filteredIndices } from '../trace/filtered-view';
import { isFilterActive } from '../trace/trace-filter';
import { traceRows } from '../trace/trace-rows';

interface TraceViewProps {
  traceId: string;
  /** Shown in the list's accessible name, e.g. "Trace of Playground". */
  title: string;
}

/** Filters, the virtualized list and the detail pane of one trace. */
export function TraceView({ traceId, title }: TraceViewProps) {
  const slot = useTraceStore((s) => s.traces[traceId]);
  const filter = useTraceViewStore((s) => filterOf(s, traceId));
  const selectedSeq = useTraceViewStore((s) => s.selectedSeq[traceId]);
  const setFilter = useTraceViewStore((s) => s.setFilter);
  const resetFilter = useTraceViewStore((s) => s.resetFilter);
  const select = useTraceViewStore((s) => s.select);
  const [copyStatus, setCopyStatus] = useState('');

  const log = slot?.log;
  const version = slot?.version ?? 0;
  // `version` is a dependency on purpose: the log grows in place and the view must rescan.
  const rows = useMemo(() => (log ? traceRows(log, filteredIndices(log, filter)) : undefined), [log, filter, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const onSelect = useCallback((seq: number) => select(traceId, seq), [select, traceId]);

  const entry = log && selectedSeq !== undefined ? log.bySeq(selectedSeq) : undefined;
  const pair = log && entry ? log.pairOf(entry) : undefined;

  const onCopy = async (text: string, what: string) => {
    const ok = await copyText(text);
    setCopyStatus(ok ? `${what} copied to the clipboard.` : `Could not copy ${what.toLowerCase()}: the clipboard is not available.`);
  };

  if (!log || !rows) {
    return (
      <p className="muted" data-testid="trace-empty">
        No trace yet.
      </p>
    );
  }
  return (
    <div className="trace-view" data-testid="trace-view">
      <TraceFilterBar
        filter={filter}
        shown={rows.count}
        total={log.length}
        onChange={(patch) => setFilter(traceId, patch)}
        onReset={() => resetFilter(traceId)}
      />
      <div className="trace-split">
        <TraceList
          rows={rows}
          version={version}
          selectedSeq={selectedSeq}
          onSelect={onSelect}
          label={`Trace of ${title}`}
          emptyText={isFilterActive(filter) ? 'Nothing matches the filters.' : 'No traffic yet.'}
        />
        <TraceDetail entry={entry} pair={pair} onShowSeq={onSelect} onCopy={onCopy} />
      </div>
      <p className="visually-hidden" role="status">
        {copyStatus}
      </p>
    </div>
  );
}
