import { createRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { RJSFSchema } from '@rjsf/utils';
import { ToolForm, type ToolFormHandle } from '../renderer/components/tools/tool-form';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
let root: Root | undefined;
const form = createRef<ToolFormHandle>();
let changed: (() => void) | undefined;

/**
 * In the page: the Tools section's form (@rjsf/core with the app's validator and widgets) for one
 * schema and its arguments, timed from the props in hand to the first paint after React committed;
 * then one change through the form as a field edit makes it, to the change reported; then one
 * validation of the whole value (what Call does first).
 */
(globalThis as Record<string, unknown>).periscopeFormBench = {
  async render(schema: RJSFSchema, value: unknown): Promise<{ renderMs: number; fields: number }> {
    root?.unmount();
    const host = document.createElement('div');
    document.body.replaceChildren(host);
    root = createRoot(host);
    const started = performance.now();
    flushSync(() => root!.render(<ToolForm ref={form} schema={schema} value={value} digits={new Map()} idPrefix="bench" onChange={() => changed?.()} />));
    await nextFrame();
    return { renderMs: performance.now() - started, fields: host.querySelectorAll('input, select, textarea').length };
  },
  async change(field: string, value: unknown): Promise<number> {
    const reported = new Promise<void>((resolve) => (changed = resolve));
    const started = performance.now();
    form.current!.setFieldValue([field], value as never);
    await reported;
    await nextFrame();
    return performance.now() - started;
  },
  validate(): { validateMs: number; valid: boolean } {
    const started = performance.now();
    const valid = form.current!.validateForm();
    return { validateMs: performance.now() - started, valid };
  },
};
