import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { useScrollAndResize } from './use-scroll-and-resize';

/** How many of a scroll area's items are not wholly in view, before and after what it shows. */
export interface HiddenItems {
  before: number;
  after: number;
}

export type Axis = 'x' | 'y';

/**
 * The items of `area` (its descendants matching `selector`) cut or scrolled out of view along
 * `axis`. Overlay scrollbars (macOS, and Chromium in tests) show nothing until one scrolls, so a
 * scroll area says what it hides in words or buttons; this counts it. `leadingInset` is the size
 * of a sticky leading part (a table's first column) that covers what scrolls under it.
 */
export function measureHidden(area: HTMLElement, selector: string, axis: Axis, leadingInset = 0): HiddenItems {
  const box = area.getBoundingClientRect();
  const start = (axis === 'x' ? box.left + area.clientLeft : box.top + area.clientTop) + leadingInset;
  const end = axis === 'x' ? box.left + area.clientLeft + area.clientWidth : box.top + area.clientTop + area.clientHeight;
  let before = 0;
  let after = 0;
  for (const item of area.querySelectorAll(selector)) {
    const r = item.getBoundingClientRect();
    const [from, to] = axis === 'x' ? [r.left, r.right] : [r.top, r.bottom];
    // Not laid out (display: none, or no layout at all): neither shown nor hidden.
    if (to - from <= 0) continue;
    // A pixel of slack: sub-pixel widths would count a whole tab as cut by a hair.
    if (from < start - 1) before++;
    else if (to > end + 1) after++;
  }
  return { before, after };
}

/**
 * Scrolls `area` so that the nearest item hidden on `side` comes wholly into view (its far edge
 * at the area's edge), or by most of a page when that item is bigger than the area.
 */
export function revealHidden(area: HTMLElement, selector: string, axis: Axis, side: 'before' | 'after', leadingInset = 0): void {
  const box = area.getBoundingClientRect();
  const start = (axis === 'x' ? box.left + area.clientLeft : box.top + area.clientTop) + leadingInset;
  const size = axis === 'x' ? area.clientWidth : area.clientHeight;
  const end = start - leadingInset + size;
  const edges = Array.from(area.querySelectorAll(selector), (item) => {
    const r = item.getBoundingClientRect();
    return axis === 'x' ? [r.left, r.right] : [r.top, r.bottom];
  }).filter(([from, to]) => to - from > 0);
  const target = side === 'before' ? edges.filter(([from]) => from < start - 1).at(-1) : edges.find(([, to]) => to > end + 1);
  const page = Math.max(1, (size - leadingInset) * 0.8);
  let delta = side === 'before' ? -page : page;
  if (target && target[1] - target[0] <= size - leadingInset) delta = side === 'before' ? target[0] - start : target[1] - end;
  if (axis === 'x') area.scrollLeft += delta;
  else area.scrollTop += delta;
}

/**
 * Scrolls `area` sideways by the least that brings `item` wholly into view between its insets
 * (a sticky leading part, a fade on an edge): the browser brings a focused control into view
 * only when none of it shows, so one half under a sticky column, or cut at the edge, stays so.
 */
export function revealWhole(area: HTMLElement, item: Element, leadingInset = 0, trailingInset = 0): void {
  const box = area.getBoundingClientRect();
  const start = box.left + area.clientLeft + leadingInset;
  const end = box.left + area.clientLeft + area.clientWidth - trailingInset;
  const r = item.getBoundingClientRect();
  if (r.right - r.left <= 0) return;
  if (r.left < start - 1) area.scrollLeft -= start - r.left;
  // Wider than what shows: its start comes first.
  else if (r.right > end + 1) area.scrollLeft += Math.min(r.right - end, r.left - start);
}

/**
 * measureHidden kept current: again on scroll, when the area is resized, and after every render
 * (a tab's title grows, a list gets items, a folded notice opens). `inset` gives the sticky
 * leading part's size at the time of measuring.
 */
export function useHiddenItems(ref: RefObject<HTMLElement | null>, selector: string, axis: Axis, inset?: (area: HTMLElement) => number): HiddenItems {
  const [hidden, setHidden] = useState<HiddenItems>({ before: 0, after: 0 });
  const update = useCallback(() => {
    const area = ref.current;
    const next = area ? measureHidden(area, selector, axis, inset?.(area) ?? 0) : { before: 0, after: 0 };
    // Same counts, same object: no render for a scroll that hides nothing new.
    setHidden((now) => (now.before === next.before && now.after === next.after ? now : next));
  }, [ref, selector, axis, inset]);
  useLayoutEffect(update);
  useScrollAndResize(ref, update);
  return hidden;
}
