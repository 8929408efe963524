import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousA11yViolations } from './axe-scan';
import type { E2eApp } from './e2e-app';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not visible');
  return box;
}

/** True when the two rectangles share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}

// What layoutSettled uses in the page (this file is type-checked without the DOM library).
declare const document: { querySelectorAll(selector: string): ArrayLike<{ getBoundingClientRect(): Box }> };
declare const requestAnimationFrame: (callback: () => void) => number;

/** Frames in a row with no element moving before the layout counts as settled. */
const STILL_FRAMES = 3;
/** Frames waited at most: a page that keeps moving (an animation) is measured as it is then. */
const MAX_FRAMES = 180;

/**
 * Resolves once the page's layout has stopped moving: the box of every element with a test id is
 * the same over STILL_FRAMES animation frames in a row. A resize or a click re-lays panes out
 * over a frame or more (the panel library measures, React renders again), later on a busy
 * machine: a layout measured right after such a change can catch it half done.
 */
export async function layoutSettled(page: Page): Promise<void> {
  await page.evaluate(
    ({ stillFrames, maxFrames }) =>
      new Promise<void>((resolve) => {
        const signature = () =>
          Array.from(document.querySelectorAll('[data-testid]'), (el) => {
            const r = el.getBoundingClientRect();
            return `${r.x},${r.y},${r.width},${r.height}`;
          }).join('|');
        let last = signature();
        let still = 0;
        let frames = 0;
        const step = () => {
          const now = signature();
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= stillFrames || ++frames >= maxFrames) resolve();
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { stillFrames: STILL_FRAMES, maxFrames: MAX_FRAMES },
  );
}

/** Sets the window's size and waits for the layout to settle at it (see layoutSettled). */
export async function resizeViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await layoutSettled(page);
}

/**
 * Looks at the window as it is now, at each width, in the light and the dark scheme: a screenshot
 * for a person to look at (test-results/screenshots/<name>-<width>-<scheme>.png), and an axe scan
 * that must find nothing serious or critical (at every width and scheme; with `each-scheme-once`
 * in the light scheme at the first width and the dark one at the last; with `once`, dark at the last).
 */
export async function looksAt(app: E2eApp, page: Page, name: string, widths = [900, 1600], scan: 'every' | 'each-scheme-once' | 'once' = 'every'): Promise<void> {
  const viewport = page.viewportSize();
  for (const [w, width] of widths.entries()) {
    await resizeViewport(page, { width, height: width <= 900 ? 700 : 1000 });
    for (const [s, colorScheme] of (['light', 'dark'] as const).entries()) {
      await page.emulateMedia({ colorScheme });
      await page.waitForTimeout(100);
      await app.screenshot(`${name}-${width}-${colorScheme}`);
      // A walk through many sections in little time: each-scheme-once scans light at the first width
      // and dark at the last; once, dark at the last only (for views whose every state is scanned elsewhere).
      const darkAtLast = s === 1 && w === widths.length - 1;
      const scanHere = scan === 'every' || darkAtLast || (scan === 'each-scheme-once' && s === 0 && w === 0);
      if (scanHere) expect(await seriousA11yViolations(page), `${name} at ${width} px, ${colorScheme}`).toEqual([]);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (viewport) await resizeViewport(page, viewport);
}
