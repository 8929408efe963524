import { fireEvent, render, screen } from '@testing-library/react';
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { ToolForm } from '../../../renderer/components/tools/tool-form';
import { parseArguments } from '../../../renderer/workbench/arguments-text';

/**
 * A single-line input drops line breaks, silently: every text field of a generated form shows a
 * value with line breaks in a text area, and takes a multi-line paste whole.
 */
const SCHEMA: RJSFSchema = {
  type: 'object',
  properties: {
    code: { type: 'string', title: 'code' },
    maybe: { type: ['string', 'null'], title: 'maybe' },
    count: { type: 'number', title: 'count' },
    nested: { type: 'object', title: 'nested', properties: { note: { type: 'string', title: 'note' } } },
    lines: { type: 'array', title: 'lines', items: { type: 'string', title: 'line' } },
  },
};

function renderForm(text: string) {
  const parsed = parseArguments(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const changes: unknown[] = [];
  render(<ToolForm schema={SCHEMA} value={parsed.value} digits={parsed.digits} idPrefix="t" onChange={(v) => changes.push(v)} />);
  return changes;
}

function paste(target: HTMLElement, text: string) {
  const clipboardData = { getData: (type: string) => (type === 'text/plain' ? text : '') };
  fireEvent.paste(target, { clipboardData });
}

describe('line breaks in the text fields of a generated form', () => {
  it.each([
    ['a top-level string', '{"code": "a\\nb"}', 't_code'],
    ['a nullable string', '{"maybe": "a\\nb"}', 't_maybe'],
    ['a string in an object', '{"nested": {"note": "a\\nb"}}', 't_nested_note'],
    ['a string in an array', '{"lines": ["a\\nb"]}', 't_lines_0'],
  ])('%s that holds one is shown whole, in a text area', (_name, text, id) => {
    renderForm(text);
    const field = document.getElementById(id)!;
    expect(field.tagName).toBe('TEXTAREA');
    expect((field as HTMLTextAreaElement).value).toBe('a\nb');
  });

  it.each([
    ['a top-level string', 't_code', (v: Record<string, unknown>) => v.code],
    ['a nullable string', 't_maybe', (v: Record<string, unknown>) => v.maybe],
    ['a string in an object', 't_nested_note', (v: Record<string, unknown>) => (v.nested as Record<string, unknown>)?.note],
  ])('%s takes a multi-line paste whole, and becomes a text area', async (_name, id, pick) => {
    const changes = renderForm('{"code": "", "maybe": "", "nested": {"note": ""}}');
    paste(document.getElementById(id)!, 'function f() {\n  return 1;\n}');
    expect(pick(changes.at(-1) as Record<string, unknown>)).toBe('function f() {\n  return 1;\n}');
    expect((await screen.findByDisplayValue(/return 1/)).tagName).toBe('TEXTAREA');
  });

  it('leaves a one-line value, a one-line paste and a number field as inputs', () => {
    const changes = renderForm('{"code": "one line", "count": 2}');
    expect(document.getElementById('t_code')!.tagName).toBe('INPUT');
    const count = document.getElementById('t_count')!;
    paste(count, '1\n2');
    expect(changes).toEqual([]);
    expect(count.tagName).toBe('INPUT');
  });
});
