import { createRef } from 'react';
import { render, waitFor } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { JsonEditor } from '../../../renderer/components/tools/json-editor';
import { ToolForm, type ToolFormHandle } from '../../../renderer/components/tools/tool-form';
import { formatArguments, parseArguments } from '../../../renderer/workbench/arguments-text';
import { CORPUS } from './tool-schema-corpus';

/**
 * Every schema of the corpus: the arguments' JSON text goes into the generated form and comes
 * back out of it unchanged (numbers with their digits as typed, escapes, nulls, key order), the
 * form accepts it as valid, and JSON mode shows exactly that text.
 */
describe('tool form round trip over real-world schemas', () => {
  it('has at least 30 schemas', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s: form → JSON → form without change', async (_name, { schema, text }) => {
    const parsed = parseArguments(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const ref = createRef<ToolFormHandle>();
    const changes: string[] = [];
    render(<ToolForm ref={ref} schema={schema as RJSFSchema} value={parsed.value} digits={parsed.digits} idPrefix="t" onChange={(v) => changes.push(formatArguments(v, parsed.digits))} />);
    await waitFor(() => expect(ref.current).not.toBeNull());
    // What the form holds, written back as the workbench writes it.
    const held = (ref.current as unknown as { state: { formData: unknown } }).state.formData;
    expect(formatArguments(held, parsed.digits)).toBe(text);
    // Any change the form reported on its own (defaults, option matching) changed nothing either.
    for (const change of changes) expect(change).toBe(text);
    let valid = false;
    await waitFor(() => {
      valid = ref.current!.validateForm();
    });
    expect(valid).toBe(true);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s: JSON mode shows the text as typed', async (_name, { text }) => {
    const edits: string[] = [];
    const { getByTestId } = render(<JsonEditor text={text} label="Arguments" onText={(t) => edits.push(t)} />);
    await waitFor(() => expect(getByTestId('json-editor')).toHaveAttribute('data-ready', 'true'));
    const view = EditorView.findFromDOM(getByTestId('json-editor').querySelector('div')!.shadowRoot!.querySelector('.cm-editor') as HTMLElement);
    expect(view?.state.doc.toString()).toBe(text);
    expect(edits).toEqual([]);
  });
});
