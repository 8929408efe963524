import { useEffect, type RefObject } from 'react';

/**
 * Calls `update` whenever the element of `ref` scrolls or changes size (a ResizeObserver, where
 * there is one: happy-dom has none). For what is measured against a scroll area's visible part.
 */
export function useScrollAndResize(ref: RefObject<HTMLElement | null>, update: () => void): void {
  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    observer?.observe(area);
    return () => {
      area.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [ref, update]);
}
