/** Buckets of the shift table: character pairs are hashed into it (a collision only shortens a shift). */
const TABLE_SIZE = 4096;

/**
 * A quick "can any of these strings occur in this text" test, for the capture hot path where
 * nearly every text holds none: the Wu-Manber algorithm (shift table over 2-character blocks of
 * the patterns' prefixes), looking at one block per window of the shortest pattern's length and
 * skipping ahead by up to that length. A text of n characters costs about n / shortest steps
 * instead of one full search per pattern. False positives are possible (the caller then searches
 * for real); false negatives are not.
 */
export class PatternFilter {
  private readonly shift = new Uint16Array(TABLE_SIZE);
  private readonly prefixes: string[];
  /** The prefixes by the hash of their last pair: a window is verified only against those. */
  private readonly byLastPair = new Map<number, string[]>();
  readonly window: number;

  constructor(patterns: string[]) {
    this.window = patterns.length === 0 ? 0 : Math.min(...patterns.map((p) => p.length));
    this.prefixes = [...new Set(patterns.map((p) => p.slice(0, this.window)))];
    // A block is the pair ending at a position; the first position has a pair only with what precedes.
    this.shift.fill(Math.max(1, this.window - 1));
    for (const prefix of this.prefixes) {
      for (let i = 1; i < this.window; i++) {
        const bucket = pairHash(prefix.charCodeAt(i - 1), prefix.charCodeAt(i));
        this.shift[bucket] = Math.min(this.shift[bucket]!, this.window - 1 - i);
      }
      if (this.window > 1) {
        const last = pairHash(prefix.charCodeAt(this.window - 2), prefix.charCodeAt(this.window - 1));
        this.byLastPair.set(last, [...(this.byLastPair.get(last) ?? []), prefix]);
      }
    }
  }

  /** False only when no pattern occurs in `text`. */
  mayOccurIn(text: string): boolean {
    const m = this.window;
    if (m === 0 || text.length < m) return false;
    // One-character patterns have no pairs: search them directly.
    if (m === 1) return this.prefixes.some((p) => text.includes(p));
    for (let end = m - 1; end < text.length; ) {
      const bucket = pairHash(text.charCodeAt(end - 1), text.charCodeAt(end));
      const skip = this.shift[bucket]!;
      if (skip > 0) {
        end += skip;
        continue;
      }
      const start = end - m + 1;
      for (const prefix of this.byLastPair.get(bucket) ?? []) if (text.startsWith(prefix, start)) return true;
      end++;
    }
    return false;
  }
}

function pairHash(first: number, second: number): number {
  return ((first * 31) ^ second) & (TABLE_SIZE - 1);
}
