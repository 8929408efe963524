import type { ReactNode } from 'react';
import type { Occurrences } from '../../workbench/text-match';
import type { TextFind } from './use-text-find';

/** At most this many occurrences are marked in one drawn block (the current one always is). */
const MARKS_PER_BLOCK = 1_000;

/**
 * The find field over a long text: the count ("3 of 120"), Previous and Next; Enter goes to the
 * next occurrence, Shift+Enter to the previous one, Esc empties the field.
 */
export function FindBar({ find, label }: { find: TextFind; label: string }) {
  const { query, setQuery, found, current, step } = find;
  const count = found.starts.length;
  const total = `${count.toLocaleString('en-US')}${found.capped ? '+' : ''}`;
  return (
    <div className="text-find" role="search" aria-label={label}>
      <input
        type="search"
        placeholder={label}
        aria-label={label}
        data-testid="find-in-text"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return; // Enter that ends an input method's composition
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape' && query !== '') {
            e.preventDefault();
            e.stopPropagation();
            setQuery('');
          }
        }}
      />
      <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={count === 0} onClick={() => step(-1)} data-testid="find-previous">
        ↑
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" disabled={count === 0} onClick={() => step(1)} data-testid="find-next">
        ↓
      </button>
      <span className="text-find-count" role="status" data-testid="find-count">
        {query === '' ? '' : count === 0 ? 'No matches' : `${(current + 1).toLocaleString('en-US')} of ${total}`}
      </span>
    </div>
  );
}

interface MarkedTextProps {
  /** One block of the text, which starts at `offset` in the whole text the occurrences index. */
  text: string;
  offset: number;
  found: Occurrences;
  current: number;
  currentRef(element: HTMLElement | null): void;
}

/** A block of text with the occurrences in it marked, the current one marked apart (and its ref set). */
export function MarkedText({ text, offset, found, current, currentRef }: MarkedTextProps): ReactNode {
  const { starts, length } = found;
  if (starts.length === 0) return text;
  const end = offset + text.length;
  const parts: ReactNode[] = [];
  let at = offset;
  let marked = 0;
  // The first occurrence that ends inside this block (one may begin in the block before).
  for (let k = firstEndingAfter(starts, length, offset); k < starts.length && starts[k] < end; k++) {
    if (marked >= MARKS_PER_BLOCK && k !== current) continue;
    const from = Math.max(starts[k], offset);
    const to = Math.min(starts[k] + length, end);
    if (from > at) parts.push(text.slice(at - offset, from - offset));
    const isCurrent = k === current;
    parts.push(
      <mark key={k} className={isCurrent ? 'find-match is-current' : 'find-match'} ref={isCurrent ? currentRef : undefined} data-testid={isCurrent ? 'find-current' : undefined}>
        {text.slice(from - offset, to - offset)}
      </mark>,
    );
    at = to;
    marked++;
  }
  if (at < end) parts.push(text.slice(at - offset));
  return parts;
}

/** Binary search: the index of the first occurrence whose end is past `offset`. */
function firstEndingAfter(starts: number[], length: number, offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle] + length <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
