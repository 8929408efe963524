import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { revealInvisible } from '../../../shared/text/reveal-invisible';
import { FindBar, MarkedText } from './find-in-text';
import { useTextFind, type TextFind } from './use-text-find';

/** Text is cut into blocks of about this many characters, at a line break when there is one. */
export const TEXT_CHUNK_CHARS = 16_000;
const LINE_PX = 17.5;
/** A text up to this long (and FIND_MIN_LINES) is read at a glance: no find field over it. */
export const FIND_MIN_CHARS = 1_000;
export const FIND_MIN_LINES = 10;
const CHARS_PER_LINE = 90;

interface LargeTextProps {
  text: string;
  testId?: string;
  /** Accessible name of the scrollable window over a long text (focusable: the keyboard scrolls it). */
  label: string;
  /**
   * When set, a find field with this name sits above a text longer than a glance (FIND_MIN_CHARS,
   * FIND_MIN_LINES), e.g. "Find in result: Block 1": the browser's own find cannot reach the
   * blocks of a long text that are not drawn (and Electron has no find of its own).
   */
  find?: string;
}

/**
 * Any amount of text, complete and wrapped: only the blocks in view exist in the DOM, so 5 MB
 * scrolls as easily as 5 KB (one 5 MB text node in a <pre> is what Chromium draws as a blank line).
 */
export function LargeText({ text, testId, label, find: findLabel }: LargeTextProps) {
  // Characters that act instead of showing (bidi overrides, controls, invisible tags) are shown
  // as their \uXXXX escapes: "rtl\u202eevil" must not read as "rtllive". Find searches what is shown.
  const shown = useMemo(() => revealInvisible(text), [text]);
  const chunks = useMemo(() => chunksOf(shown), [shown]);
  const offered = findLabel !== undefined && worthFinding(text);
  // Nothing is searched, or marked, where the field is not offered: a search kept from a longer
  // result (the field keeps its words across calls) must not mark a short one with no field.
  const find = useTextFind(offered ? shown : '');
  const body =
    chunks.length === 1 ? (
      <pre className="payload-text" tabIndex={0} data-testid={testId} data-length={text.length}>
        <MarkedText text={shown} offset={0} found={find.found} current={find.current} currentRef={find.currentRef} />
      </pre>
    ) : (
      <VirtualText chunks={chunks} length={text.length} testId={testId} label={label} find={find} />
    );
  if (!offered) return body;
  return (
    <>
      <FindBar find={find} label={findLabel} />
      {body}
    </>
  );
}

interface VirtualTextProps {
  chunks: string[];
  length: number;
  testId?: string;
  label: string;
  find: TextFind;
}

function VirtualText({ chunks, length, testId, label, find }: VirtualTextProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const chunkStarts = useMemo(() => startsOf(chunks), [chunks]);
  // eslint-disable-next-line react-hooks/incompatible-library -- re-rendered when the text changes anyway
  const virtualizer = useVirtualizer({
    count: chunks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimateHeight(chunks[i]),
    overscan: 1,
  });
  // A search or a step whose occurrence is in a block not drawn: scroll to that block, so that it
  // is drawn and its mark (see useTextFind's currentRef) centres the occurrence.
  const { found, current, revealKey } = find;
  useEffect(() => {
    if (current < 0) return;
    const chunk = chunkIndexAt(chunkStarts, found.starts[current]);
    if (virtualizer.getVirtualItems().some((item) => item.index === chunk)) return;
    const [offset] = virtualizer.getOffsetForIndex(chunk, 'start') ?? [];
    if (offset !== undefined) virtualizer.scrollToOffset(offset);
  }, [revealKey, current, found, chunkStarts, virtualizer]);
  // Home and End through the virtualizer: the browser's own (a smooth scroll across the whole
  // height) is cut short when blocks drawn on the way are measured and the position corrected.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.shiftKey || event.metaKey) return;
    if (event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    if (event.key === 'Home') virtualizer.scrollToIndex(0, { align: 'start' });
    else virtualizer.scrollToIndex(chunks.length - 1, { align: 'end' });
  };
  return (
    <div ref={scrollRef} className="payload-text large-text" tabIndex={0} role="region" aria-label={label} data-testid={testId} data-length={length} data-chunks={chunks.length} onKeyDown={onKeyDown}>
      <div className="large-text-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <pre key={item.index} ref={virtualizer.measureElement} data-index={item.index} className="large-text-chunk" style={{ transform: `translateY(${item.start}px)` }}>
            <MarkedText text={chunks[item.index]} offset={chunkStarts[item.index]} found={found} current={current} currentRef={find.currentRef} />
          </pre>
        ))}
      </div>
    </div>
  );
}

/** Blocks of at most TEXT_CHUNK_CHARS, ending at a line break where one is near, else cut hard. */
export function chunksOf(text: string, size = TEXT_CHUNK_CHARS): string[] {
  if (text.length <= size) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end);
      if (newline > start + size / 2) end = newline + 1;
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

export function worthFinding(text: string): boolean {
  if (text.length > FIND_MIN_CHARS) return true;
  let lines = 1;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) lines++;
  return lines > FIND_MIN_LINES;
}

/** Where each block starts in the whole text. */
function startsOf(chunks: string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const chunk of chunks) {
    starts.push(at);
    at += chunk.length;
  }
  return starts;
}

/** Binary search: the block holding the character at `offset`. */
function chunkIndexAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function estimateHeight(chunk: string): number {
  let lines = 1;
  let from = 0;
  for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', nl + 1)) {
    lines += Math.max(1, Math.ceil((nl - from) / CHARS_PER_LINE));
    from = nl + 1;
  }
  lines += Math.ceil((chunk.length - from) / CHARS_PER_LINE);
  return lines * LINE_PX;
}
