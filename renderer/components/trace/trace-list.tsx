import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TraceEntry } from '../../../shared/model/trace';
import { rowDomId, TraceRow } from './trace-row';

export const TRACE_ROW_HEIGHT = 24;

/** Read access to the visible rows; row numbers are positions in the filtered list. */
export interface TraceRows {
  count: number;
  entryAt(row: number): TraceEntry;
  /** Method of the entry, or of its request for a response (already lowercase). */
  methodAt(row: number): string;
  /** Row showing this seq, or -1 when it is filtered out. */
  rowOfSeq(seq: number): number;
}

interface TraceListProps {
  rows: TraceRows;
  /** Changes whenever rows change (the underlying arrays are mutated in place). */
  version: number;
  selectedSeq: number | undefined;
  onSelect(seq: number): void;
  label: string;
  /** Shown instead of rows: "No traffic yet" or "Nothing matches the filter". */
  emptyText: string;
}

/**
 * The virtualized trace: only the rows in view exist in the DOM, so 100,000 entries render as
 * fast as 30. Follows the newest entry until the user scrolls up; "Jump to latest" resumes.
 */
export function TraceList({ rows, version, selectedSeq, onSelect, label, emptyText }: TraceListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const count = rows.count;
  // eslint-disable-next-line react-hooks/incompatible-library -- the list re-renders on every version bump anyway
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => TRACE_ROW_HEIGHT,
    overscan: 12,
  });

  useLayoutEffect(() => {
    if (follow && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count, version, follow, virtualizer]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= TRACE_ROW_HEIGHT * 1.5;
    setFollow(atBottom);
  }, []);

  const selectedRow = selectedSeq === undefined ? -1 : rows.rowOfSeq(selectedSeq);

  // A selection made elsewhere (a span clicked in the Latency section) or found on opening: its
  // row comes into view, and the list stops following new entries, which would take it away.
  const shownSelection = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    if (selectedSeq === shownSelection.current || selectedRow < 0) return;
    shownSelection.current = selectedSeq;
    if (selectedRow < count - 1) setFollow(false);
    virtualizer.scrollToIndex(selectedRow, { align: 'auto' });
  }, [selectedSeq, selectedRow, count, virtualizer]);

  const moveTo = (row: number) => {
    if (count === 0) return;
    const target = Math.max(0, Math.min(count - 1, row));
    if (target < count - 1) setFollow(false);
    onSelect(rows.entryAt(target).seq);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 240) / TRACE_ROW_HEIGHT) - 1);
    const from = selectedRow < 0 ? -1 : selectedRow;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from < 0 ? count - 1 : from - 1,
      Home: 0,
      End: count - 1,
      PageDown: from + page,
      PageUp: from - page,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    moveTo(moves[event.key]);
  };

  const items = virtualizer.getVirtualItems();
  const activeId = selectedRow >= 0 && items.some((i) => i.index === selectedRow) ? rowDomId(selectedSeq!) : undefined;

  return (
    <div className="trace-list">
      <div className="trace-row trace-header" aria-hidden="true">
        <span className="col-time">Time</span>
        <span className="col-dir">Dir</span>
        <span className="col-kind">Kind</span>
        <span className="col-method">Method</span>
        <span className="col-id">ID</span>
        <span className="col-latency">Latency</span>
        <span className="col-size">Size</span>
      </div>
      {count === 0 && (
        <p className="empty-note" data-testid="trace-list-empty">
          {emptyText}
        </p>
      )}
      <div
        ref={scrollRef}
        className="trace-scroll"
        role="listbox"
        aria-label={label}
        aria-activedescendant={activeId}
        tabIndex={0}
        data-testid="trace-list"
        data-count={count}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        {count > 0 && (
          <div role="presentation" className="trace-sizer" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const entry = rows.entryAt(item.index);
              return (
                <TraceRow
                  key={entry.seq}
                  entry={entry}
                  pairedMethod={rows.methodAt(item.index)}
                  selected={entry.seq === selectedSeq}
                  top={item.start}
                  height={TRACE_ROW_HEIGHT}
                  onSelect={onSelect}
                />
              );
            })}
          </div>
        )}
      </div>
      {!follow && count > 0 && (
        <button
          type="button"
          className="jump-latest"
          data-testid="jump-to-latest"
          onClick={() => {
            setFollow(true);
            virtualizer.scrollToIndex(count - 1, { align: 'end' });
          }}
        >
          Jump to latest ↓
        </button>
      )}
    </div>
  );
}
