import type { TraceRows } from '../components/trace/trace-list';
import type { TraceLog } from './trace-log';

/** Adapts a log plus optional filtered indices to the list's row accessor. */
export function traceRows(log: TraceLog, indices: number[] | null): TraceRows {
  if (indices === null) {
    return {
      count: log.length,
      entryAt: (row) => log.entries[row],
      methodAt: (row) => log.methodAt(row),
      rowOfSeq: (seq) => log.indexOfSeq(seq),
    };
  }
  return {
    count: indices.length,
    entryAt: (row) => log.entries[indices[row]],
    methodAt: (row) => log.methodAt(indices[row]),
    rowOfSeq: (seq) => {
      const index = log.indexOfSeq(seq);
      return index < 0 ? -1 : binarySearch(indices, index);
    },
  };
}

function binarySearch(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
