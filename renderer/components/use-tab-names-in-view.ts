import { useCallback, useLayoutEffect, type RefObject } from 'react';
import { useScrollAndResize } from './use-scroll-and-resize';

/**
 * A tab scrolled partly out of view at the start of the tab strip showed only its end,
 * "(connected) ×": not which connection it is. Its name shows in the part still in view instead,
 * after the strip's fade and cut with an ellipsis, where its state was (tab-strip.css,
 * `[data-cut-start]`). That name is drawn over the tab, out of the flow, so the tab keeps its
 * size and nothing in the strip moves. Measured again on scroll, when the strip is resized and
 * after every render (a title changes, a tab opens or closes).
 */
export function useTabNamesInView(ref: RefObject<HTMLElement | null>): void {
  const update = useCallback(() => {
    if (ref.current) markCutTabs(ref.current);
  }, [ref]);
  useLayoutEffect(update);
  useScrollAndResize(ref, update);
}

/**
 * Marks each tab cut at the strip's start with where the strip's start lies in the tab
 * (`--name-start`, from its padding edge) and the room from there to what stays shown after the
 * name, its count badge or its × (`--name-room`); the style sheet adds the fade's width to both.
 */
export function markCutTabs(strip: HTMLElement): void {
  const start = strip.getBoundingClientRect().left + strip.clientLeft;
  for (const tab of strip.querySelectorAll<HTMLElement>('[role="tab"]')) {
    const box = tab.getBoundingClientRect();
    const after = tab.querySelector('.count-badge, .tab-x');
    // Cut as measureHidden counts it (a pixel of slack), and not wholly out of view.
    if (!after || box.left >= start - 1 || box.right <= start) {
      if (tab.hasAttribute('data-cut-start')) {
        tab.removeAttribute('data-cut-start');
        tab.style.removeProperty('--name-start');
        tab.style.removeProperty('--name-room');
      }
      continue;
    }
    tab.setAttribute('data-cut-start', '');
    tab.style.setProperty('--name-start', `${start - box.left - tab.clientLeft}px`);
    tab.style.setProperty('--name-room', `${after.getBoundingClientRect().left - start}px`);
  }
}
