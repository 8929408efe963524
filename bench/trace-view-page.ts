import type { TraceEntry } from '../shared/model/trace';
import { makeTraceEntries } from './trace-entries';

/**
 * Measurements taken inside the page, around the renderer's own bench hooks
 * (renderer/bridge/bench-hooks.ts). Evaluated in the page as an IIFE bundle.
 */
interface BenchHooks {
  loadTrace(entries: TraceEntry[], title?: string): string;
  warmUpSearch(): void;
}
type PageGlobals = {
  document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): { length: number };
  };
  periscopeBench?: BenchHooks;
  requestAnimationFrame(callback: () => void): void;
  MutationObserver: new (callback: () => void) => { observe(target: PageElement, options: object): void; disconnect(): void };
  HTMLInputElement: { prototype: object };
  Event: new (type: string, init: object) => object;
};
interface PageElement {
  textContent: string | null;
  dispatchEvent(event: object): boolean;
}
const page = globalThis as unknown as PageGlobals;
let entries: TraceEntry[] = [];

const nextFrame = () => new Promise<void>((resolve) => page.requestAnimationFrame(() => resolve()));

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('The trace view did not update in time.');
    await nextFrame();
  }
}

/** Makes the entries (not timed). */
function prepare(count: number): number {
  entries = makeTraceEntries(count);
  return entries.length;
}

/** From handing the entries to the store until the newest rows are in the DOM (the list follows the tail). */
async function firstRender(): Promise<number> {
  const hooks = page.periscopeBench;
  if (!hooks) throw new Error('The renderer exposes no bench hooks.');
  const lastSeq = entries[entries.length - 1].seq;
  const started = performance.now();
  hooks.loadTrace(entries, 'Benchmark');
  await until(() => page.document.querySelector(`[data-testid="trace-row"][data-seq="${lastSeq}"]`) !== null);
  const rendered = performance.now();
  await nextFrame();
  return rendered - started;
}

/** From the input event of the search box until the list shows the filtered rows. */
async function applyTextFilter(text: string): Promise<{ ms: number; shown: string }> {
  const input = page.document.querySelector('[data-testid="trace-filter-text"]') as PageElement & { value: string };
  const count = page.document.querySelector('[data-testid="trace-count"]');
  if (!input || !count) throw new Error('No trace filter box on the page.');
  const before = count.textContent;
  const setValue = Object.getOwnPropertyDescriptor(page.HTMLInputElement.prototype, 'value')!.set!;
  let changedAt = 0;
  const observer = new page.MutationObserver(() => {
    if (changedAt === 0 && count.textContent !== before) changedAt = performance.now();
  });
  observer.observe(count, { childList: true, characterData: true, subtree: true });
  const started = performance.now();
  setValue.call(input, text);
  input.dispatchEvent(new page.Event('input', { bubbles: true }));
  await until(() => changedAt !== 0);
  observer.disconnect();
  await nextFrame();
  return { ms: changedAt - started, shown: count.textContent ?? '' };
}

function rowsInDom(): number {
  return page.document.querySelectorAll('[data-testid="trace-row"]').length;
}

(globalThis as Record<string, unknown>).periscopeTraceBench = { prepare, firstRender, applyTextFilter, warmUp: () => page.periscopeBench!.warmUpSearch(), rowsInDom };
