import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { occurrences, type Occurrences } from '../../workbench/text-match';

export interface TextFind {
  /** What is typed in the find field. */
  query: string;
  setQuery(query: string): void;
  /** The occurrences of the query (as of the last search: typing does not wait for it). */
  found: Occurrences;
  /** Index into `found.starts` of the occurrence shown as current; -1 when there is none. */
  current: number;
  /** Moves to the next (+1) or previous (-1) occurrence, wrapping around at either end. */
  step(delta: 1 | -1): void;
  /**
   * Ref for the element marking the current occurrence: when it is drawn after a search or a
   * step, it is scrolled into the middle of its scrolling text. Only then: a current mark drawn
   * again because the user scrolled back to it does not pull the view.
   */
  currentRef(element: HTMLElement | null): void;
  /** A new value each time the current occurrence should be brought into view (a search, a step). */
  revealKey: object;
}

/**
 * Find in a text, for a text too long for the browser's own find to reach (a virtualized text has
 * only the blocks in view in the page). The search runs on a deferred copy of the query, so a
 * keystroke in a 5 MB text is drawn at once and the search follows.
 */
export function useTextFind(text: string): TextFind {
  const [query, setQuery] = useState('');
  const searched = useDeferredValue(query);
  const found = useMemo(() => occurrences(text, searched), [text, searched]);
  // The position belongs to one search: a new one starts again at its first occurrence.
  // Each step makes a new position and each search a new `found`: either is the reveal key.
  const [position, setPosition] = useState({ found, index: 0 });
  const ours = position.found === found;
  const revealKey: object = ours ? position : found;
  const current = found.starts.length > 0 ? (ours ? position.index : 0) : -1;
  const step = useCallback(
    (delta: 1 | -1) => {
      const count = found.starts.length;
      if (count === 0) return;
      setPosition((p) => ({ found, index: ((p.found === found ? p.index : 0) + delta + count) % count }));
    },
    [found],
  );
  const revealed = useRef<object | undefined>(undefined);
  const currentRef = useCallback(
    (element: HTMLElement | null) => {
      if (!element || revealed.current === revealKey) return;
      revealed.current = revealKey;
      // After the frame's layout: a block just drawn is measured first, and the virtual list's
      // correction for its real height would otherwise move the view off the occurrence.
      const key = revealKey;
      requestAnimationFrame(() => revealInScroller(element, () => revealed.current === key));
    },
    [revealKey],
  );
  return { query, setQuery, found, current, step, currentRef, revealKey };
}

/** Frames a reveal keeps the occurrence centred while the blocks around it are measured. */
const SETTLE_FRAMES = 20;

/**
 * Centres an element in the text that scrolls around it, then makes sure that text is in view;
 * again on the next frames while the element still moves in its scroller. A virtual text measures
 * the blocks it has just drawn after they are painted, and moves them (and its own scroll target)
 * by what its estimates were off: a block measured at another window width is thousands of pixels
 * off, and a single centring leaves the occurrence out of view.
 */
function revealInScroller(element: HTMLElement, stillWanted: () => boolean): void {
  const scroller = element.closest<HTMLElement>('.payload-text');
  // The user's own scrolling ends it, as does a newer search or step.
  let userScrolled = false;
  const stop = () => (userScrolled = true);
  const inputs = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
  for (const type of inputs) scroller?.addEventListener(type, stop, { passive: true });
  const centre = (frame: number, last: number | undefined) => {
    if (!element.isConnected || !scroller || userScrolled || !stillWanted() || frame > SETTLE_FRAMES) {
      for (const type of inputs) scroller?.removeEventListener(type, stop);
      return;
    }
    const box = scroller.getBoundingClientRect();
    const at = element.getBoundingClientRect().top - box.top;
    // Scrolled by the first frame, and by a later one only where the element moved since.
    if (frame === 0 || at !== last) scroller.scrollTop += at - (scroller.clientHeight - element.getBoundingClientRect().height) / 2;
    const now = element.getBoundingClientRect().top - box.top;
    requestAnimationFrame(() => centre(frame + 1, now));
  };
  centre(0, undefined);
  element.scrollIntoView?.({ block: 'nearest' });
}
