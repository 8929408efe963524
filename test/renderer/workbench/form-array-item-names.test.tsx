import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it, vi } from 'vitest';
import { ToolForm } from '../../../renderer/components/tools/tool-form';

/**
 * Array items are named as items of their array, counted from 1 everywhere ("tags item 2"): rjsf
 * labelled them "tags-2" while the same item's alternative select said "comments-1", and every
 * item's buttons read just "Remove" or "Move up" (every array's "Add"), so a screen reader user
 * could not tell which item a button acts on.
 */
const SCHEMA: RJSFSchema = {
  type: 'object',
  properties: {
    tags: { type: 'array', items: { type: 'string' } },
    comments: { title: 'Comments', type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    people: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, aliases: { type: 'array', items: { type: 'string' } } } } },
    grid: { type: 'array', items: { type: 'array', items: { type: 'integer' } } },
  },
};
const VALUE = { tags: ['a', 'b'], comments: ['x'], people: [{ name: 'n', aliases: ['q'] }], grid: [[1]] };

/** The form as the workbench holds it: the value it sends is the value it shows next. */
function Harness({ onChange }: { onChange(value: unknown): void }) {
  const [value, setValue] = useState<unknown>(VALUE);
  const change = (next: unknown) => {
    setValue(next);
    onChange(next);
  };
  return <ToolForm schema={SCHEMA} value={value} digits={new Map()} idPrefix="t" onChange={change} />;
}

function renderForm(onChange: (value: unknown) => void = () => {}) {
  return render(<Harness onChange={onChange} />);
}

/** A label's required mark (rjsf's "*") is part of the accessible name. */
const named = (words: string) => new RegExp(`^${words}( \\*)?$`);

describe('the items of an array parameter in the tool form', () => {
  it('are labelled as items of their array, counted from 1, and their alternative select says the same', () => {
    renderForm();
    expect(screen.getByRole('textbox', { name: named('tags item 1') })).toHaveValue('a');
    expect(screen.getByRole('textbox', { name: named('tags item 2') })).toHaveValue('b');
    // The array's title names its items; the select of item 1 is item 1's, not "comments-0".
    expect(screen.getByRole('textbox', { name: named('Comments item 1') })).toHaveValue('x');
    expect(screen.getByRole('combobox', { name: 'Alternative for Comments item 1 (anyOf)' })).toBeInTheDocument();
    expect(screen.queryByText(/\b(tags|Comments|comments)-\d/)).toBeNull();
  });

  it('names an object item and an array item as items, and their own fields and arrays by name', () => {
    renderForm();
    expect(screen.getByRole('group', { name: named('people item 1') })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: named('name') })).toHaveValue('n');
    expect(screen.getByRole('textbox', { name: named('aliases item 1') })).toHaveValue('q');
    expect(screen.getByRole('group', { name: named('grid item 1') })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: named('grid item 1 item 1') })).toHaveValue(1);
  });

  it('gives every add, move and remove button the name of its array or item', () => {
    renderForm();
    const names = screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'));
    expect(names).toEqual([
      'Move tags item 1 up', 'Move tags item 1 down', 'Remove tags item 1',
      'Move tags item 2 up', 'Move tags item 2 down', 'Remove tags item 2',
      'Add an item to tags',
      'Remove Comments item 1', 'Add an item to Comments',
      'Remove aliases item 1', 'Add an item to aliases', 'Remove people item 1', 'Add an item to people',
      'Remove grid item 1 item 1', 'Add an item to grid item 1', 'Remove grid item 1', 'Add an item to grid',
    ]);
    // A button's name is also its tooltip, so a pointer user reads the same words.
    for (const button of screen.getAllByRole('button')) expect(button).toHaveAttribute('title', button.getAttribute('aria-label'));
  });

  it('acts on the item its name says', () => {
    const onChange = vi.fn();
    renderForm(onChange);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tags item 1' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ tags: ['b'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Add an item to tags' }));
    fireEvent.change(screen.getByRole('textbox', { name: named('tags item 2') }), { target: { value: 'c' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move tags item 2 up' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ tags: ['c', 'b'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Add an item to aliases' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ people: [{ name: 'n', aliases: ['q', undefined] }] }));
  });
});
