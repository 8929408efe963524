import { render, screen } from '@testing-library/react';
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { ToolForm } from '../../../renderer/components/tools/tool-form';

/**
 * The select that picks an anyOf/oneOf alternative has a name of its own (the field's label names
 * the field, not it): an optional parameter as Pydantic writes it, `anyOf: [string, null]`, has one.
 */
const SCHEMA: RJSFSchema = {
  type: 'object',
  properties: {
    filter: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null },
    shape: { title: 'Shape', oneOf: [{ type: 'integer' }, { type: 'string' }] },
    color: { type: 'string', enum: ['red', 'blue'] },
  },
};

describe('the anyOf/oneOf alternative select of a generated form', () => {
  it('is named after its field, and an enum select keeps its own label', () => {
    render(<ToolForm schema={SCHEMA} value={{ filter: null, shape: 1, color: 'red' }} digits={new Map()} idPrefix="t" onChange={() => {}} />);
    expect(screen.getByRole('combobox', { name: 'Alternative for filter (anyOf)' }).id).toBe('t_filter__anyof_select');
    expect(screen.getByRole('combobox', { name: 'Alternative for Shape (oneOf)' }).id).toBe('t_shape__oneof_select');
    expect(screen.getByRole('combobox', { name: 'color' }).id).toBe('t_color');
  });
});
