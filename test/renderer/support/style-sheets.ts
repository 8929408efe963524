import { afterEach, beforeEach } from 'vitest';

/**
 * The app's own style sheets in the document for each test of a file (pass their text, imported
 * with `?raw`), so getComputedStyle answers as the app's styles say. happy-dom cascades them and
 * resolves their custom properties, but lays nothing out: a test can read what a rule gives an
 * element (its focus ring, the colour a state takes), not where that element ends up.
 */
export function installStyleSheets(...sheets: string[]): void {
  let style: HTMLStyleElement | undefined;
  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = sheets.join('\n');
    document.head.append(style);
  });
  afterEach(() => style?.remove());
}
