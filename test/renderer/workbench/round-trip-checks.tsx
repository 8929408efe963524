import { createRef } from 'react';
import { act, render, waitFor } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import type { RJSFSchema } from '@rjsf/utils';
import { expect } from 'vitest';
import { JsonEditor } from '../../../renderer/components/tools/json-editor';
import { ToolForm, type ToolFormHandle } from '../../../renderer/components/tools/tool-form';
import { formatArguments, parseArguments } from '../../../renderer/workbench/arguments-text';

/**
 * The arguments' JSON text goes into the generated form, and what the form reports on a change
 * that sets a field to the value it already has is that same text: numbers with their digits as
 * typed, escapes, nulls and key order unchanged. The form's own validation accepts it.
 */
export async function expectFormRoundTrip(schema: Record<string, unknown>, text: string): Promise<void> {
  const parsed = parseArguments(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const ref = createRef<ToolFormHandle>();
  const changes: string[] = [];
  render(<ToolForm ref={ref} schema={schema as RJSFSchema} value={parsed.value} digits={parsed.digits} idPrefix="t" onChange={(v) => changes.push(formatArguments(v, parsed.digits))} />);
  await waitFor(() => expect(ref.current).not.toBeNull());
  // A change as a person makes one: the form rebuilds its whole value from the schema and reports it.
  const held = (ref.current as unknown as { state: { formData: unknown } }).state.formData;
  const field = held !== null && typeof held === 'object' && !Array.isArray(held) ? Object.keys(held)[0] : undefined;
  const before = changes.length;
  act(() => {
    if (field === undefined) ref.current!.setFieldValue([], held);
    else ref.current!.setFieldValue([field], (held as Record<string, unknown>)[field] as never);
  });
  await waitFor(() => expect(changes.length).toBeGreaterThan(before));
  for (const change of changes) expect(change).toBe(text);
  let valid = false;
  await waitFor(() => {
    valid = ref.current!.validateForm();
  });
  expect(valid).toBe(true);
}

/** JSON mode shows the text exactly as typed, and reports no edit of its own. */
export async function expectJsonModeShows(text: string): Promise<void> {
  const edits: string[] = [];
  const { getByTestId } = render(<JsonEditor text={text} label="Arguments" onText={(t) => edits.push(t)} />);
  await waitFor(() => expect(getByTestId('json-editor')).toHaveAttribute('data-ready', 'true'));
  const view = EditorView.findFromDOM(getByTestId('json-editor').querySelector('div')!.shadowRoot!.querySelector('.cm-editor') as HTMLElement);
  expect(view?.state.doc.toString()).toBe(text);
  expect(edits).toEqual([]);
}
