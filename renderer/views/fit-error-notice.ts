import { useEffect, type RefObject } from 'react';
import type { PanelImperativeHandle } from 'react-resizable-panels';

/** Room kept under the notice so its last line does not touch the divider, in px. */
const GAP_PX = 8;

/**
 * When a connection fails or is lost, the pane with its details grows (or opens, if it was
 * collapsed) until the error notice fits whole: what happened, what to try and the fix buttons
 * are the first thing to read, and a 200 px pane at 700 px high used to cut them off. It grows
 * again when the notice itself grows (a narrower window wraps it onto more lines), never shrinks,
 * and never goes past the pane's maxSize; a divider the user drags afterwards stays where it is.
 * @param panel the details pane's imperative handle.
 * @param element the details pane's element (the notice is found inside it).
 * @param errorKey a value that changes when a new error is shown; undefined while there is none.
 */
export function useFitErrorNotice(panel: RefObject<PanelImperativeHandle | null>, element: RefObject<HTMLElement | null>, errorKey: string | undefined): void {
  useEffect(() => {
    if (!errorKey) return;
    let frame = 0;
    let observer: ResizeObserver | undefined;
    const fit = (first: boolean): void => {
      const handle = panel.current;
      const notice = element.current?.querySelector<HTMLElement>('[data-testid="error-notice"]');
      const scroller = notice?.closest<HTMLElement>('.pane');
      if (!handle || !notice || !scroller) return;
      if (first && handle.isCollapsed()) handle.expand();
      const needed = notice.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top + scroller.scrollTop + GAP_PX;
      if (needed > scroller.clientHeight) handle.resize(Math.ceil(needed + handle.getSize().inPixels - scroller.clientHeight));
      if (first) {
        scroller.scrollTop = 0;
        observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => schedule(false));
        observer?.observe(notice);
      }
    };
    // After layout: measure, then resize (at most once a frame).
    const schedule = (first: boolean): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fit(first));
    };
    schedule(true);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
    };
  }, [errorKey, panel, element]);
}
