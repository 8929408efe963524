import { filterIndices, isFilterActive, type TraceFilter } from './trace-filter';
import type { TraceLog } from './trace-log';

interface CachedView {
  filter: TraceFilter;
  generation: number;
  scanned: number;
  indices: number[];
}

const cache = new WeakMap<TraceLog, CachedView>();

/**
 * Indices of the log's entries that pass the filter. While the filter stays the same, only
 * entries appended since the last call are tested, so a live trace costs O(batch) per frame
 * instead of O(trace). With no active filter every index passes and nothing is scanned at all.
 *
 * The returned array may grow in place on later calls; callers read `length` on each render.
 */
export function filteredIndices(log: TraceLog, filter: TraceFilter): number[] | null {
  if (!isFilterActive(filter)) return null;
  let view = cache.get(log);
  if (!view || view.filter !== filter || view.generation !== log.generation) {
    view = { filter, generation: log.generation, scanned: 0, indices: [] };
    cache.set(log, view);
  }
  if (view.scanned < log.length) {
    filterIndices(log.entries, filter, log, view.scanned, view.indices);
    view.scanned = log.length;
  }
  return view.indices;
}
