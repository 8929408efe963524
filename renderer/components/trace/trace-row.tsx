import { memo } from 'react';
import type { TraceEntry } from '../../../shared/model/trace';
import {
  entryDirection,
  formatLatency,
  formatSize,
  formatTime,
  isErrorEntry,
  kindLabel,
  latencyOf,
  methodLabel,
  rpcIdLabel,
  sizeOf,
} from '../../trace/entry-fields';

interface TraceRowProps {
  entry: TraceEntry;
  /** Method of the request this response answers (responses carry none of their own). */
  pairedMethod: string;
  selected: boolean;
  top: number;
  height: number;
  onSelect(seq: number): void;
}

const ARROWS = { outgoing: '→', incoming: '←' } as const;

/** One line of the trace. Memoised: during a live session only new rows render. */
export const TraceRow = memo(function TraceRow({ entry, pairedMethod, selected, top, height, onSelect }: TraceRowProps) {
  const direction = entryDirection(entry);
  const ownMethod = methodLabel(entry);
  const error = isErrorEntry(entry);
  return (
    <div
      role="option"
      id={rowDomId(entry.seq)}
      aria-selected={selected}
      data-testid="trace-row"
      data-seq={entry.seq}
      className={`trace-row${selected ? ' is-selected' : ''}${error ? ' is-error' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={() => onSelect(entry.seq)}
    >
      <span className="col-time">{formatTime(entry.wallTime)}</span>
      <span className={`col-dir dir-${direction ?? 'none'}`} title={direction ?? 'no direction'}>
        {direction ? ARROWS[direction] : '·'}
        <span className="visually-hidden">{direction ?? ''}</span>
      </span>
      <span className="col-kind">{kindLabel(entry)}</span>
      <span className="col-method" title={ownMethod || pairedMethod}>
        {ownMethod || (pairedMethod ? <span className="muted">{pairedMethod}</span> : '')}
      </span>
      <span className="col-id">{rpcIdLabel(entry)}</span>
      <span className="col-latency">{formatLatency(latencyOf(entry))}</span>
      <span className="col-size">{formatSize(sizeOf(entry))}</span>
    </div>
  );
});

export function rowDomId(seq: number): string {
  return `trace-row-${seq}`;
}
