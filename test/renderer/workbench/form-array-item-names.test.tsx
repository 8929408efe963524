import { useState } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
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
    labels: { type: 'array', items: { title: 'Label', type: 'string' } },
    ids__in: { type: 'array', items: { type: 'integer' } },
  },
};
const VALUE = {
  tags: ['a', 'b', 'c'],
  comments: ['x'],
  people: [{ name: 'Ada', aliases: ['q'] }, { name: 'Bob', aliases: ['r'] }],
  grid: [[1]],
  labels: ['fragile'],
  ids__in: [7],
};

/** The form as the workbench holds it: the value it sends is the value it shows next. */
function Harness({ onChange, idPrefix }: { onChange(value: unknown): void; idPrefix: string }) {
  const [value, setValue] = useState<unknown>(VALUE);
  const change = (next: unknown) => {
    setValue(next);
    onChange(next);
  };
  return <ToolForm schema={SCHEMA} value={value} digits={new Map()} idPrefix={idPrefix} onChange={change} />;
}

// A tool name with "__" in it (as proxies that join a server's and a tool's name write it) is in every field id.
function renderForm(onChange: (value: unknown) => void = () => {}, idPrefix = 'db__find') {
  return render(<Harness onChange={onChange} idPrefix={idPrefix} />);
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
    // Items with a title of their own are named by it.
    expect(screen.getByRole('textbox', { name: named('Label 1') })).toHaveValue('fragile');
    expect(screen.queryByText(/\b(tags|Comments|comments|Label|aliases|grid)-\d/)).toBeNull();
  });

  it('names an object item and an array item as items; inside them, arrays and items by their own names', () => {
    renderForm();
    expect(screen.getByRole('group', { name: named('people item 2') })).toBeInTheDocument();
    expect(screen.getAllByRole('textbox', { name: 'name' }).map((input) => (input as HTMLInputElement).value)).toEqual(['Ada', 'Bob']);
    // Inside the box of people item 2, its aliases read short; the box says whose they are.
    expect(screen.getAllByRole('textbox', { name: named('aliases item 1') }).map((input) => (input as HTMLInputElement).value)).toEqual(['q', 'r']);
    expect(screen.getByRole('group', { name: named('grid item 1') })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: named('item 1') })).toHaveValue(1);
  });

  it('gives every add, move and remove button a name of its own, saying which item or array', () => {
    renderForm();
    const names = screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'));
    expect(names).toEqual([
      'Move tags item 1 up', 'Move tags item 1 down', 'Remove tags item 1',
      'Move tags item 2 up', 'Move tags item 2 down', 'Remove tags item 2',
      'Move tags item 3 up', 'Move tags item 3 down', 'Remove tags item 3',
      'Add an item to tags',
      'Remove Comments item 1', 'Add an item to Comments',
      'Remove aliases item 1 of people item 1', 'Add an item to aliases of people item 1',
      'Move people item 1 up', 'Move people item 1 down', 'Remove people item 1',
      'Remove aliases item 1 of people item 2', 'Add an item to aliases of people item 2',
      'Move people item 2 up', 'Move people item 2 down', 'Remove people item 2',
      'Add an item to people',
      'Remove item 1 of grid item 1', 'Add an item to grid item 1', 'Remove grid item 1', 'Add an item to grid',
      'Remove Label 1', 'Add an item to labels',
      'Remove ids__in item 1', 'Add an item to ids__in',
    ]);
    expect(new Set(names).size).toBe(names.length);
    // A button's name is also its tooltip, so a pointer user reads the same words.
    for (const button of screen.getAllByRole('button')) expect(button).toHaveAttribute('title', button.getAttribute('aria-label'));
  });

  it('acts on the item its name says', () => {
    const onChange = vi.fn();
    renderForm(onChange);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tags item 1' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ tags: ['b', 'c'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Move tags item 2 up' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ tags: ['c', 'b'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Add an item to aliases of people item 2' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ people: [{ name: 'Ada', aliases: ['q'] }, { name: 'Bob', aliases: ['r', undefined] }] }));
  });

  it('keeps the focus with the item after a move or a removal, so the keyboard can go on from there', async () => {
    renderForm();
    const press = (name: string) => {
      const button = screen.getByRole('button', { name });
      button.focus();
      fireEvent.click(button);
    };
    // Each button pressed, and the one that has the focus after it.
    const steps = [
      ['Move tags item 3 up', 'Move tags item 2 up'],
      // At the top its Up button is disabled: the focus goes to its Down button.
      ['Move tags item 2 up', 'Move tags item 1 down'],
      ['Move tags item 1 down', 'Move tags item 2 down'],
      ['Remove tags item 2', 'Remove tags item 2'],
      ['Remove tags item 2', 'Remove tags item 1'],
      ['Remove tags item 1', 'Add an item to tags'],
    ];
    for (const [pressed, focused] of steps) {
      press(pressed!);
      await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: focused })));
    }
  });
});
