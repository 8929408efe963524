import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { ToolForm } from '../../../renderer/components/tools/tool-form';
import { openToolsSection, PLAYGROUND_INFO, setUpToolsSectionTests } from '../support/open-tools-section';

/**
 * The select that picks an anyOf/oneOf alternative in the Tools section's form reads what each
 * alternative is ("string", "null", "Address"), not rjsf's "Option 1", "Option 2"; the names are
 * the form's alone: the tool's schema stays as the server sent it and the arguments sent are the same.
 */
setUpToolsSectionTests();

const info = PLAYGROUND_INFO;

const SEARCH_SCHEMA = {
  type: 'object',
  $defs: { Address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } } },
  properties: {
    query: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null },
    limit: { oneOf: [{ type: 'integer', minimum: 1 }, { const: 'all' }] },
    near: { anyOf: [{ $ref: '#/$defs/Address' }, { type: 'array', items: { type: 'number' } }, { title: 'Anywhere', type: 'null' }] },
    by: { oneOf: [{ type: 'object', properties: { id: { type: 'string' } } }, { type: 'object', properties: { id: { type: 'integer' } } }] },
  },
  required: ['limit'],
};

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const optionsOf = (select: HTMLElement) => within(select).getAllByRole('option').map((option) => option.textContent);
const alternativeSelect = (field: string, kind: 'anyOf' | 'oneOf') => screen.getByRole('combobox', { name: `Alternative for ${field} (${kind})` });

describe('the names of anyOf/oneOf alternatives in the tool form', () => {
  it('read what each alternative is, keep an author’s title, and tell alike ones apart', async () => {
    const schema = deepFreeze(structuredClone(SEARCH_SCHEMA));
    const opened = await openToolsSection({ info, tools: [{ name: 'search', inputSchema: schema }] });
    expect(optionsOf(alternativeSelect('query', 'anyOf'))).toEqual(['string', 'null']);
    expect(optionsOf(alternativeSelect('limit', 'oneOf'))).toEqual(['integer', '"all"']);
    expect(optionsOf(alternativeSelect('near', 'anyOf'))).toEqual(['Address', 'array of number', 'Anywhere']);
    expect(optionsOf(alternativeSelect('by', 'oneOf'))).toEqual(['object (id: string)', 'object (id: integer)']);
    expect(screen.queryByRole('option', { name: /^Option \d/ })).toBeNull();

    // The chosen alternative's own field keeps the parameter's name as its label.
    fireEvent.change(alternativeSelect('query', 'anyOf'), { target: { value: '0' } });
    fireEvent.change(await screen.findByRole('textbox', { name: /^query/ }), { target: { value: 'cats' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: /^limit/ }), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    await waitFor(() => expect(opened.fake.calls('connections:call-tool')).toHaveLength(1));
    const sent = JSON.parse((opened.fake.calls('connections:call-tool')[0] as { argumentsJson: string }).argumentsJson);
    expect(sent).toEqual({ query: 'cats', limit: 5 });
    // The tool's schema is as the server sent it (frozen here: a write would have thrown).
    expect(schema).toEqual(SEARCH_SCHEMA);
  });

  it('name nested alternatives and $refs in a lone form too, and validate as the schema says', async () => {
    // prefixItems is draft 2020-12, newer than rjsf's JSONSchema7 type.
    const schema = {
      type: 'object',
      definitions: { Point: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }] } },
      properties: {
        at: { oneOf: [{ $ref: '#/definitions/Point' }, { anyOf: [{ type: 'string', format: 'date' }, { type: 'integer' }] }] },
        size: { anyOf: [{ type: 'integer', maximum: 10 }, { type: 'integer', minimum: 100 }] },
      },
    };
    const formRef: { current: { validateForm(): boolean } | null } = { current: null };
    render(<ToolForm ref={formRef as never} schema={deepFreeze(schema) as RJSFSchema} value={{ at: '2026-01-01', size: 50 }} digits={new Map()} idPrefix="t" onChange={() => {}} />);
    expect(optionsOf(alternativeSelect('at', 'oneOf'))).toEqual(['Point', 'string (date) or integer']);
    expect(optionsOf(alternativeSelect('size', 'anyOf'))).toEqual(['integer (≤ 10)', 'integer (≥ 100)']);
    // The nested anyOf of the chosen alternative has a select of its own, named in turn.
    expect(optionsOf(screen.getAllByRole('combobox', { name: /^Alternative for at/ })[1])).toEqual(['string (date)', 'integer']);
    // 50 fits neither size alternative: the copy refuses it as the schema does.
    expect(formRef.current!.validateForm()).toBe(false);
  });

  it('leave no trace in the note on a field the form cannot draw, which prints the schema as the tool gave it', async () => {
    // An anyOf of single values of different types: the form library has no widget for it.
    const colours = { anyOf: [{ const: 'red' }, { const: 7 }] };
    render(<ToolForm schema={{ type: 'object', properties: { colour: colours } } as RJSFSchema} value={{}} digits={new Map()} idPrefix="u" onChange={() => {}} />);
    const note = document.querySelector('.unsupported-field');
    expect(note?.textContent).toContain('Unsupported field schema for field u_colour');
    expect(note?.textContent).toContain('"const": "red"');
    expect(note?.textContent).not.toContain('x-periscope');
  });
});

