/** Case-insensitive: every word of the query is in one of the fields. */
export function matches(query: string, ...fields: Array<string | undefined>): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = fields.filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}

/** Where a query occurs in a text: the offset of each occurrence, in order, and whether there were more. */
export interface Occurrences {
  /** UTF-16 offsets into the text searched, ascending; occurrences do not overlap. */
  starts: number[];
  /** How many characters each occurrence spans (the query's length). */
  length: number;
  /** True when the text holds more than the limit: `starts` is its first `limit`. */
  capped: boolean;
}

/** More than this many occurrences are counted as "100,000+": a list of millions helps nobody. */
export const OCCURRENCE_LIMIT = 100_000;

/**
 * Every occurrence of the query as a phrase (not word by word, unlike `matches`), case-insensitive
 * like `matches` and the trace's search. A case-insensitive regular expression rather than
 * lowercasing: lowercasing can change a text's length ("İ" becomes two characters), which would
 * shift every offset after it, and it would copy a 5 MB text on each search. An empty query has none.
 */
export function occurrences(text: string, query: string, limit = OCCURRENCE_LIMIT): Occurrences {
  if (query === '') return { starts: [], length: 0, capped: false };
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'giu');
  const starts: number[] = [];
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    if (starts.length === limit) return { starts, length: query.length, capped: true };
    starts.push(found.index);
  }
  return { starts, length: query.length, capped: false };
}
