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

/**
 * Looks at the window as it is now, at each width, in the light and the dark scheme: a screenshot
 * for a person to look at (test-results/screenshots/<name>-<width>-<scheme>.png), and an axe scan
 * that must find nothing serious or critical (at every width and scheme; with `each-scheme-once`
 * in the light scheme at the first width and the dark one at the last; with `once`, dark at the last).
 */
export async function looksAt(app: E2eApp, page: Page, name: string, widths = [900, 1600], scan: 'every' | 'each-scheme-once' | 'once' = 'every'): Promise<void> {
  const viewport = page.viewportSize();
  for (const [w, width] of widths.entries()) {
    await page.setViewportSize({ width, height: width <= 900 ? 700 : 1000 });
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
  if (viewport) await page.setViewportSize(viewport);
}
