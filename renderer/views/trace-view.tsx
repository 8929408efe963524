import { useCallback, useMemo } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
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

/** The narrowest the list may get: time, direction, kind and a readable method column. */
export const TRACE_LIST_MIN_PX = 340;
export const TRACE_DETAIL_MIN_PX = 260;

/** Filters, the virtualized list and the detail pane of one trace, side by side and resizable. */
export function TraceView({ traceId, title }: TraceViewProps) {
  const slot = useTraceStore((s) => s.traces[traceId]);
  const filter = useTraceViewStore((s) => filterOf(s, traceId));
  const selectedSeq = useTraceViewStore((s) => s.selectedSeq[traceId]);
  const setFilter = useTraceViewStore((s) => s.setFilter);
  const resetFilter = useTraceViewStore((s) => s.resetFilter);
  const select = useTraceViewStore((s) => s.select);
  // The split is remembered across tabs and restarts (the user chose it once).
  const split = useDefaultLayout({ id: 'periscope-trace-split', storage: localStorage });

  const log = slot?.log;
  const version = slot?.version ?? 0;
  // `version` is a dependency on purpose: the log grows in place and the view must rescan.
  const rows = useMemo(() => (log ? traceRows(log, filteredIndices(log, filter)) : undefined), [log, filter, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const onSelect = useCallback((seq: number) => select(traceId, seq), [select, traceId]);

  const selected = log && selectedSeq !== undefined ? log.bySeq(selectedSeq) : undefined;
  // An entry the filters hide is not shown as if it were part of the result.
  const hidden = selected !== undefined && rows !== undefined && rows.rowOfSeq(selected.seq) < 0;
  const entry = hidden ? undefined : selected;
  const pair = log && entry ? log.pairOf(entry) : undefined;

  if (!log || !rows) {
    return (
      <p className="muted" data-testid="trace-empty">
        No trace yet.
      </p>
    );
  }
  const evicted = slot.source.evicted ?? 0;
  return (
    <div className="trace-view" data-testid="trace-view">
      <TraceFilterBar
        filter={filter}
        shown={rows.count}
        total={log.length}
        onChange={(patch) => setFilter(traceId, patch)}
        onReset={() => resetFilter(traceId)}
        partlySearched={log.partlySearched.size}
      />
      {evicted > 0 && (
        <p className="trace-evicted" role="note" data-testid="trace-evicted">
          The first {evicted.toLocaleString()} entries are no longer in memory; the session file recorded on disk keeps them all.
        </p>
      )}
      <Group className="trace-split" orientation="horizontal" id="periscope-trace-split" {...split}>
        <Panel id="pane-trace-list" minSize={TRACE_LIST_MIN_PX} defaultSize="60%" className="pane">
          <TraceList
            rows={rows}
            version={version}
            selectedSeq={selectedSeq}
            onSelect={onSelect}
            label={`Trace of ${title}`}
            emptyText={isFilterActive(filter) ? 'Nothing matches the filters.' : 'No traffic yet.'}
          />
        </Panel>
        <Separator className="pane-separator" aria-label="Resize the list and the entry details" />
        <Panel id="pane-trace-detail" minSize={TRACE_DETAIL_MIN_PX} collapsible collapsedSize={0} defaultSize="40%" className="pane">
          <TraceDetail
            entry={entry}
            pair={pair}
            onShowSeq={onSelect}
            copy={copyText}
            emptyText={hidden ? `Entry #${selected.seq} is hidden by the current filters. Clear the filters to see it, or pick an entry in the list.` : undefined}
          />
        </Panel>
      </Group>
    </div>
  );
}
