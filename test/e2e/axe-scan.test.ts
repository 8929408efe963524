import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './support/axe-scan';
import { useBlankPage } from './support/browser';

/**
 * The accessibility scan every end-to-end screen goes through, held to what it must find: a page
 * with known serious faults is reported fault by fault, a clean page passes, and a second scan of
 * the same page (axe already injected) sees a fault added since.
 */
const blank = useBlankPage();

describe('the accessibility scan', () => {
  it('names each serious or critical fault with its element, and passes a clean page', async () => {
    await blank.page.setContent('<!doctype html><html lang="en"><head><title>clean</title></head><body><main><h1>Clean</h1><button>Save</button></main></body></html>');
    expect(await seriousA11yViolations(blank.page)).toEqual([]);

    // Page scripts as text: this file is checked without the DOM's types.
    await blank.page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend',
      '<button id="unnamed"></button><img id="bare-image" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')`);
    const found = await seriousA11yViolations(blank.page);
    expect(found).toHaveLength(2);
    expect(found.find((line) => line.includes('button-name'))).toMatch(/^critical button-name: .*\(#unnamed\)$/);
    expect(found.find((line) => line.includes('image-alt'))).toMatch(/^critical image-alt: .*\(#bare-image\)$/);
  });

  it('finds faults inside a shadow root, as the JSON editor renders there', async () => {
    await blank.page.setContent('<!doctype html><html lang="en"><head><title>shadow</title></head><body><main><div id="host"></div></main></body></html>');
    await blank.page.evaluate(`document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<input type="text" id="unlabelled">'`);
    const found = await seriousA11yViolations(blank.page);
    expect(found.some((line) => /^critical label: .*#unlabelled/.test(line))).toBe(true);
  });
});
