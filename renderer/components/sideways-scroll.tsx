import { useCallback, useRef, type FocusEvent, type ReactNode } from 'react';
import { ScrollMoreButton } from './scroll-more-button';
import { revealHidden, revealWhole, useHiddenItems } from './use-hidden-items';

interface SidewaysScrollProps {
  /** The scroll area's name: it is a region in the Tab order, so the arrow keys scroll it. */
  label: string;
  /** The table's first column stays in view and the others scroll under it (a table read by its first column). */
  stickyFirstColumn?: boolean;
  /** Test ids of the parts: `<testId>-scroll-bar`, `<testId>-columns-left`, `<testId>-columns-right`. */
  testId: string;
  /** The table: a `<table>` with its column headers in a `<thead>`. */
  children: ReactNode;
}

/** The fade on an edge with more beyond it (overflow.css), which a focused control should clear. */
const FADE = 24;

/** The width of the sticky first column, which covers what scrolls under it. */
const stickyWidth = (area: HTMLElement) => area.querySelector('thead th')?.getBoundingClientRect().width ?? 0;

/**
 * A table that may be wider than its pane (900 px windows): it scrolls sideways, and when some
 * of its columns are out of view a line over it says so ("Scroll sideways for more columns:")
 * with a button each side counting those columns, a click bringing the next one in. Overlay
 * scrollbars (macOS, and Chromium here) show nothing until one scrolls, and a fade alone is easy
 * to miss. A table that fits shows neither.
 *
 * With `stickyFirstColumn`, the first column stays put and the columns under it count as out of
 * view. A header or cell reached with Tab comes wholly into view (beside that column, not under
 * it): the browser would leave one that shows by a sliver where it is.
 */
export function SidewaysScroll({ label, stickyFirstColumn = false, testId, children }: SidewaysScrollProps) {
  const ref = useRef<HTMLDivElement>(null);
  const columns = stickyFirstColumn ? 'thead th:not(:first-child)' : 'thead th';
  const inset = useCallback((area: HTMLElement) => (stickyFirstColumn ? stickyWidth(area) : 0), [stickyFirstColumn]);
  const hidden = useHiddenItems(ref, columns, 'x', inset);
  // A click focuses what it presses: scrolling then would move the header from under the pointer
  // between press and release, and the click would be lost. Only the keyboard's focus is followed.
  const pointing = useRef(false);
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const area = event.currentTarget;
    const target: Element = event.target;
    const cell = target.closest('th, td');
    // The sticky column is always in view.
    if (pointing.current || target === area || (stickyFirstColumn && cell?.matches(':first-child'))) return;
    revealWhole(area, cell && area.contains(cell) ? cell : target, stickyFirstColumn ? inset(area) : FADE, FADE);
  };
  const reveal = (side: 'before' | 'after') => ref.current && revealHidden(ref.current, columns, 'x', side, inset(ref.current));
  const overflows = hidden.before + hidden.after > 0;
  // Under a sticky column a shadow says columns went under it; otherwise the left edge fades.
  const before = hidden.before ? (stickyFirstColumn ? ' columns-under' : ' more-before') : '';
  return (
    <div className="sideways-frame">
      {overflows && (
        <div className="sideways-scroll-bar" data-testid={`${testId}-scroll-bar`}>
          <span className="muted">Scroll sideways for more columns:</span>
          <ScrollMoreButton side="left" count={hidden.before} noun={['column', 'columns']} of="the table" wordy onClick={() => reveal('before')} testId={`${testId}-columns-left`} />
          <ScrollMoreButton side="right" count={hidden.after} noun={['column', 'columns']} of="the table" wordy onClick={() => reveal('after')} testId={`${testId}-columns-right`} />
        </div>
      )}
      <div
        ref={ref}
        className={`sideways-scroll fades-x${stickyFirstColumn ? ' sticky-first' : ''}${before}${hidden.after ? ' more-after' : ''}`}
        role="region"
        aria-label={label}
        tabIndex={0}
        onFocus={onFocus}
        onPointerDown={() => {
          // The focus a press gives comes in the same turn; a later one is the keyboard's.
          pointing.current = true;
          setTimeout(() => (pointing.current = false));
        }}
      >
        {children}
      </div>
    </div>
  );
}

