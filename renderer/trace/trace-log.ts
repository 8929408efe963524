import type { TraceEntry } from '../../shared/model/trace';
import { entryBytes } from '../../shared/model/trace-size';
import { buildSearchText, SEARCH_BIG_TEXT_BUDGET, SEARCH_TEXT_LIMIT } from './search-text';
import { ownMethodText, type EntryTexts } from './trace-filter';

/** Far above the main process buffer (50,000): the renderer keeps what a long session showed. */
export const DEFAULT_RENDERER_CAPACITY = 250_000;
/**
 * Bytes (estimated, see entryBytes) one trace may hold: twice a connection's buffer in main.
 * Payloads arrive already cut to 1 MiB each, so this bounds a trace of big answers too.
 */
export const DEFAULT_RENDERER_BUDGET_BYTES = 128 * 1024 * 1024;

/**
 * The entries of one trace (a live connection or an opened session file), append-only.
 *
 * Arrays are mutated in place instead of copied per batch: copying 100,000 entries for each
 * batch of ten would cost more than rendering. Readers notice changes through `length` and
 * `generation` (bumped when old entries are dropped, which invalidates cached indices).
 */
export class TraceLog implements EntryTexts {
  readonly entries: TraceEntry[] = [];
  /** Lowercase method per entry; a response carries its request's method so filters pair them. */
  private readonly methods: string[] = [];
  /** Filled lazily (search) or in idle time (warmUp). */
  private readonly searchTexts: (string | undefined)[] = [];
  /** Estimated bytes per entry, and their sum. */
  private readonly sizes: number[] = [];
  private heldBytes = 0;
  private warmedUpTo = 0;
  /** Characters of big (> SEARCH_TEXT_LIMIT) search texts kept whole so far. */
  private bigTextChars = 0;
  /** Seqs of entries whose search text had to be cut to SEARCH_TEXT_LIMIT (the budget ran out). */
  readonly partlySearched = new Set<number>();
  generation = 0;

  constructor(
    private readonly capacity = DEFAULT_RENDERER_CAPACITY,
    private readonly budgetBytes = DEFAULT_RENDERER_BUDGET_BYTES,
    private readonly bigTextBudget = SEARCH_BIG_TEXT_BUDGET,
  ) {}

  /** Estimated bytes the entries held now take. */
  get bytes(): number {
    return this.heldBytes;
  }

  get length(): number {
    return this.entries.length;
  }

  append(batch: readonly TraceEntry[]): void {
    for (const entry of batch) {
      const bytes = entryBytes(entry);
      this.entries.push(entry);
      this.methods.push(this.effectiveMethod(entry));
      this.searchTexts.push(undefined);
      this.sizes.push(bytes);
      this.heldBytes += bytes;
    }
    if (this.entries.length > this.capacity) this.dropOldest(this.entries.length - Math.floor(this.capacity * 0.9));
    if (this.heldBytes > this.budgetBytes) this.dropOldest(this.countToFit(Math.floor(this.budgetBytes * 0.9)));
  }

  clear(): void {
    this.dropOldest(this.entries.length);
  }

  searchTextAt(index: number): string {
    let text = this.searchTexts[index];
    if (text === undefined) {
      text = buildSearchText(this.entries[index]);
      if (text.length > SEARCH_TEXT_LIMIT) {
        // Whole while the budget lasts (a few multi-megabyte results); then cut, and remembered as such.
        if (this.bigTextChars + text.length <= this.bigTextBudget) this.bigTextChars += text.length;
        else {
          text = text.slice(0, SEARCH_TEXT_LIMIT);
          this.partlySearched.add(this.entries[index].seq);
        }
      }
      this.searchTexts[index] = text;
    }
    return text;
  }

  methodAt(index: number): string {
    return this.methods[index];
  }

  /**
   * Precomputes search texts for up to `budgetMs`, so the first search after a big load does not
   * pay for all of them at once. Returns true when everything is warm.
   */
  warmUp(budgetMs: number, now: () => number = () => performance.now()): boolean {
    const deadline = now() + budgetMs;
    let i = this.warmedUpTo;
    while (i < this.entries.length) {
      this.searchTextAt(i);
      i++;
      if ((i & 255) === 0 && now() > deadline) break;
    }
    this.warmedUpTo = i;
    return i >= this.entries.length;
  }

  /** Index of the entry with this seq (entries arrive in seq order), or -1. */
  indexOfSeq(seq: number): number {
    const entries = this.entries;
    let lo = 0;
    let hi = entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = entries[mid].seq;
      if (s === seq) return mid;
      if (s < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    // Out-of-order input (hand-edited session file): fall back to a scan.
    return entries.findIndex((e) => e.seq === seq);
  }

  bySeq(seq: number): TraceEntry | undefined {
    const i = this.indexOfSeq(seq);
    return i < 0 ? undefined : this.entries[i];
  }

  /** The response to a request, or the request of a response / of a cancellation. */
  pairOf(entry: TraceEntry): TraceEntry | undefined {
    if (entry.type !== 'message') return undefined;
    if (entry.requestSeq !== undefined) return this.bySeq(entry.requestSeq);
    if (entry.endsRequestSeq !== undefined) return this.bySeq(entry.endsRequestSeq);
    if (entry.messageKind !== 'request') return undefined;
    // Responses come after their request; scan forward from it (usually a few entries away).
    const start = this.indexOfSeq(entry.seq);
    for (let i = start + 1; i < this.entries.length; i++) {
      const candidate = this.entries[i];
      if (candidate.type === 'message' && candidate.requestSeq === entry.seq) return candidate;
    }
    return undefined;
  }

  private effectiveMethod(entry: TraceEntry): string {
    const own = ownMethodText(entry);
    if (own !== '' || entry.type !== 'message') return own;
    const requestSeq = entry.requestSeq ?? entry.endsRequestSeq;
    if (requestSeq === undefined) return '';
    const i = this.indexOfSeq(requestSeq);
    return i < 0 || this.entries[i].type !== 'message' ? '' : this.methods[i];
  }

  /** How many of the oldest entries must go for the rest to fit in `bytes` (the newest always stays). */
  private countToFit(bytes: number): number {
    let excess = this.heldBytes - bytes;
    let count = 0;
    while (excess > 0 && count < this.entries.length - 1) excess -= this.sizes[count++];
    return count;
  }

  private dropOldest(count: number): void {
    for (let i = 0; i < count; i++) {
      this.heldBytes -= this.sizes[i];
      const text = this.searchTexts[i];
      if (text !== undefined && text.length > SEARCH_TEXT_LIMIT) this.bigTextChars -= text.length;
      this.partlySearched.delete(this.entries[i].seq);
    }
    this.sizes.splice(0, count);
    this.entries.splice(0, count);
    this.methods.splice(0, count);
    this.searchTexts.splice(0, count);
    this.warmedUpTo = Math.max(0, this.warmedUpTo - count);
    this.generation++;
  }
}
