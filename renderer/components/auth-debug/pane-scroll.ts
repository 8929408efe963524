import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** Room left between the sticky toolbar and what is brought under it, in px. */
const GAP = 8;

/**
 * Scrolls `pane` (and only it: scrollIntoView would nudge the window too) so that `target` starts
 * just under the pane's sticky `toolbar`, unless it is already wholly in view below it.
 */
export function bringUnderToolbar(pane: HTMLElement, toolbar: HTMLElement | null, target: HTMLElement, force = false): void {
  const area = pane.getBoundingClientRect();
  const bar = toolbar?.getBoundingClientRect();
  const box = target.getBoundingClientRect();
  const visibleTop = bar ? bar.bottom : area.top;
  if (!force && box.top >= visibleTop && box.bottom <= area.bottom) return;
  // Once scrolled, the toolbar sticks at the pane's top: the target goes just under it.
  pane.scrollTop += box.top - (area.top + (bar?.height ?? 0) + GAP);
}

/**
 * Keeps the pane's `--toolbar-height` at the sticky toolbar's height (one line wide, two or three
 * at 900 px): the pane's scroll padding and the diagram's sticky parts use it, so that what the
 * keyboard focuses and the diagram's lanes are never under the toolbar.
 */
export function useToolbarHeight(pane: RefObject<HTMLElement | null>, toolbar: RefObject<HTMLElement | null>, shown: boolean): void {
  useEffect(() => {
    const area = pane.current;
    const bar = toolbar.current;
    if (!area) return;
    if (!bar) {
      area.style.removeProperty('--toolbar-height');
      return;
    }
    const update = () => area.style.setProperty('--toolbar-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [pane, toolbar, shown]);
}

/**
 * After "Next step" the new step is added at the end of the steps, at 900 px far below the fold:
 * it is brought into view under the toolbar, so one sees what the click did. Only for a step
 * added to the run on screen: opening the view, or starting over, scrolls nothing.
 */
export function useRevealNewStep(pane: RefObject<HTMLElement | null>, toolbar: RefObject<HTMLElement | null>, runId: string | undefined, stepCount: number): void {
  const seen = useRef({ runId, stepCount });
  useLayoutEffect(() => {
    const before = seen.current;
    seen.current = { runId, stepCount };
    if (runId === undefined || runId !== before.runId || stepCount <= before.stepCount || !pane.current) return;
    const steps = pane.current.querySelectorAll<HTMLElement>('[data-testid="auth-debug-step"]');
    const added = steps[steps.length - 1];
    if (added) bringUnderToolbar(pane.current, toolbar.current, added);
  }, [pane, toolbar, runId, stepCount]);
}
