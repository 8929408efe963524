import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTextFind, type TextFind } from '../trace/use-text-find';

/** The rendered text of a Markdown view: its text nodes in order, each with where it starts in `text`. */
interface RenderedText {
  text: string;
  nodes: Text[];
  starts: number[];
}

const NO_TEXT: RenderedText = { text: '', nodes: [], starts: [] };

/**
 * Find in a text shown as Markdown: what is searched is what is drawn ("**bold**" is found as
 * "bold", a match may run across a bold or a link), and the matches are marked with the CSS
 * Custom Highlight API, which paints ranges without changing the elements react-markdown made.
 * The find bar is the plain text's (FindBar, over useTextFind): the same words, keys and count.
 * `viewRef` goes on the element the Markdown of `text` is rendered in; `offered` false searches nothing.
 */
export function useMarkdownFind(text: string, offered: boolean): { find: TextFind; viewRef(element: HTMLElement | null): void } {
  const [rendered, setRendered] = useState<RenderedText>(NO_TEXT);
  // A new function for a new text: React hands it the element again once the new text is drawn.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const viewRef = useCallback((element: HTMLElement | null) => setRendered(element ? renderedText(element) : NO_TEXT), [text]);
  const find = useTextFind(offered ? rendered.text : '');
  const { found, current, revealKey } = find;
  // Made once per search: a step only moves the current mark, however many matches there are.
  const ranges = useMemo(() => found.starts.map((start) => rangeAt(rendered, start, found.length)), [found, rendered]);

  useEffect(() => {
    const marks = highlightsFor(MATCH);
    for (const range of ranges) if (range) marks?.add(range);
    return () => {
      for (const range of ranges) if (range) marks?.delete(range);
    };
  }, [ranges]);

  // The current match marked and brought into the middle of the view (and the view into the
  // window), on each search or step; revealKey: a step to the same place (one match) too.
  useEffect(() => {
    const range = current >= 0 ? ranges[current] : undefined;
    if (!range) return;
    const currentMark = highlightsFor(CURRENT);
    currentMark?.add(range);
    revealRange(range);
    return () => {
      currentMark?.delete(range);
    };
  }, [ranges, current, revealKey]);

  return { find, viewRef };
}

/**
 * Scrolls each scrolling box around the range (a code block that scrolls sideways, the Markdown
 * view) so the range is in its middle, innermost first, then the view into the window as little
 * as needed. By the range's own box: centring the element holding it left a match at the end of a
 * tall code block or a long paragraph out of view, and centring in the window scrolled the find
 * bar away.
 */
function revealRange(range: Range): void {
  let element = range.startContainer.parentElement;
  while (element) {
    const scrolls = element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth;
    if (scrolls) {
      const box = element.getBoundingClientRect();
      const at = range.getBoundingClientRect();
      element.scrollTop += at.top - box.top - (element.clientHeight - at.height) / 2;
      element.scrollLeft += at.left - box.left - (element.clientWidth - at.width) / 2;
    }
    if (element.classList.contains('markdown-view')) break;
    element = element.parentElement;
  }
  element?.scrollIntoView?.({ block: 'nearest' });
}

const MATCH = 'find-match';
const CURRENT = 'find-current';

/**
 * The page's highlight of that name (see ::highlight() in trace.css), made on first use; shared
 * by every Markdown view, each adding and removing its own ranges. Undefined where the browser
 * has no CSS Custom Highlight API: the count and the steps still work, unmarked.
 */
function highlightsFor(name: string): Highlight | undefined {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return undefined;
  let highlight = CSS.highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    CSS.highlights.set(name, highlight);
  }
  return highlight;
}

function renderedText(root: HTMLElement): RenderedText {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A link's "Open" button is the app's, not the server's text.
    if (node.parentElement?.closest('button')) continue;
    nodes.push(node as Text);
    starts.push(text.length);
    text += node.nodeValue ?? '';
  }
  return { text, nodes, starts };
}

/** The range of `length` characters from `start` of the rendered text, across text nodes as needed. */
function rangeAt(rendered: RenderedText, start: number, length: number): Range | undefined {
  const from = position(rendered, start, false);
  const to = position(rendered, start + length, true);
  if (!from || !to) return undefined;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The text node and offset at `at`; `atEnd` takes the end of a node over the start of the next. */
function position(rendered: RenderedText, at: number, atEnd: boolean): { node: Text; offset: number } | undefined {
  const { nodes, starts } = rendered;
  let low = 0;
  let high = nodes.length - 1;
  // The last node starting at or before `at` (before it, for an end exactly at a node's start).
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! < at || (!atEnd && starts[middle] === at)) low = middle;
    else high = middle - 1;
  }
  const node = nodes[low];
  return node ? { node, offset: at - starts[low]! } : undefined;
}
