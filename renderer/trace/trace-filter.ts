import type { Direction, MessageKind, TraceEntry } from '../../shared/model/trace';
import { entryDirection, isErrorEntry, traceKind, type TraceKind } from './entry-fields';

/** A kind the user can pick: a transport-level kind, or the JSON-RPC kind of a message. */
export type KindFilter = TraceKind | MessageKind;
export const KIND_FILTERS: readonly KindFilter[] = [
  'request',
  'response',
  'notification',
  'error',
  'message',
  'http',
  'sse',
  'websocket',
  'stderr',
  'stdout',
  'lifecycle',
  'client-input',
];

export interface TraceFilter {
  direction: Direction | 'all';
  /** Empty means every kind. */
  kinds: readonly KindFilter[];
  /** Case-insensitive substring of the JSON-RPC method (or HTTP method/path line). */
  method: string;
  errorsOnly: boolean;
  /** Case-insensitive substring of the payload, headers, URL... */
  text: string;
}

export const EMPTY_FILTER: TraceFilter = { direction: 'all', kinds: [], method: '', errorsOnly: false, text: '' };

export function isFilterActive(f: TraceFilter): boolean {
  return f.direction !== 'all' || f.kinds.length > 0 || f.method.trim() !== '' || f.errorsOnly || f.text.trim() !== '';
}

/** Cached lowercase texts per entry index, kept by the trace log. */
export interface EntryTexts {
  /** Payload, headers, URL... */
  searchTextAt(index: number): string;
  /** The method, for a response the method of its request. */
  methodAt(index: number): string;
}

/**
 * Compiles a filter into one predicate. Everything that does not depend on the entry (lowercasing,
 * the kind set) is done once here, so the per-entry test is a handful of comparisons.
 */
export function compileFilter(filter: TraceFilter, texts: EntryTexts): (entry: TraceEntry, index: number) => boolean {
  const direction = filter.direction;
  const kinds = new Set(filter.kinds);
  const method = filter.method.trim().toLowerCase();
  const text = filter.text.trim().toLowerCase();
  const errorsOnly = filter.errorsOnly;
  return (entry, index) => {
    if (direction !== 'all' && entryDirection(entry) !== direction) return false;
    if (kinds.size > 0 && !matchesKind(entry, kinds)) return false;
    if (errorsOnly && !isErrorEntry(entry)) return false;
    if (method !== '' && !texts.methodAt(index).includes(method)) return false;
    if (text !== '' && !texts.searchTextAt(index).includes(text)) return false;
    return true;
  };
}

/** Indices of the entries from `start` on that pass the filter (used incrementally on append). */
export function filterIndices(
  entries: readonly TraceEntry[],
  filter: TraceFilter,
  texts: EntryTexts,
  start = 0,
  into: number[] = [],
): number[] {
  const test = compileFilter(filter, texts);
  for (let i = start; i < entries.length; i++) if (test(entries[i], i)) into.push(i);
  return into;
}

function matchesKind(entry: TraceEntry, kinds: ReadonlySet<KindFilter>): boolean {
  const kind = traceKind(entry);
  if (kinds.has(kind)) return true;
  return entry.type === 'message' && kinds.has(entry.messageKind);
}

/** Lowercase text the method filter matches; responses get their request's method from the log. */
export function ownMethodText(entry: TraceEntry): string {
  switch (entry.type) {
    case 'message':
      return (entry.method ?? '').toLowerCase();
    case 'http':
      return `${entry.method} ${entry.url}`.toLowerCase();
    case 'sse-event':
      return (entry.event ?? 'message').toLowerCase();
    case 'websocket':
      return entry.event;
    default:
      return '';
  }
}
