import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { openToolsSection, PLAYGROUND_INFO, setUpToolsSectionTests } from '../support/open-tools-section';

/**
 * Nullable parameters in the tool form, however the schema says them (Pydantic's
 * `anyOf: [T, {type: null}]`, a type list `["integer", "null"]`), and a choice of single values
 * (a zod union of literals). The form used to leave "null" unsent (a required nullable parameter
 * could not be called at all), showed "null" for a parameter left out, switched to "null" and
 * took the field away when it was emptied, and drew a union of literals as "Unsupported field".
 */
setUpToolsSectionTests();

const SCHEMA = {
  type: 'object',
  properties: {
    note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    limit: { anyOf: [{ type: 'integer' }, { type: 'null' }], default: null },
    page: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
    size: { type: ['integer', 'null'], minimum: 1 },
    mode: { anyOf: [{ type: 'string', const: 'fast' }, { type: 'string', const: 'thorough' }] },
    level: { anyOf: [{ const: 1, title: 'low' }, { const: 2, title: 'high' }] },
  },
  required: ['note', 'size', 'level'],
};

async function open() {
  const opened = await openToolsSection({ info: PLAYGROUND_INFO, tools: [{ name: 'search', inputSchema: SCHEMA }] });
  const select = (name: string) => screen.getByRole('combobox', { name: `Alternative for ${name} (anyOf)` }) as HTMLSelectElement;
  const chosen = (name: string) => select(name).selectedOptions[0]?.textContent;
  const sent = () => (opened.fake.calls('connections:call-tool') as Array<{ argumentsJson: string }>).map((call) => JSON.parse(call.argumentsJson) as Record<string, unknown>);
  const call = async (expectedCalls: number) => {
    fireEvent.click(screen.getByTestId('call-tool'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent()).toHaveLength(expectedCalls);
  };
  const choose = (name: string, option: string) => {
    const index = [...select(name).options].findIndex((o) => o.textContent === option);
    expect(index, `${name} offers ${option}`).toBeGreaterThanOrEqual(0);
    fireEvent.change(select(name), { target: { value: String(index) } });
  };
  return { select, chosen, sent, call, choose };
}

const field = (id: string) => document.getElementById(`args-c1-search_${id}`) as HTMLInputElement | null;
/** Picks a value in the select of a choice of single values, by the words it shows. */
const chooseValue = (id: string, label: string) => {
  const select = field(id) as unknown as HTMLSelectElement;
  fireEvent.change(select, { target: { value: [...select.options].find((o) => o.textContent === label)!.value } });
};

describe('nullable parameters and single-value choices in the tool form', () => {
  it('shows what will be sent: a parameter left out is not shown as "null", one defaulting to null is', async () => {
    const form = await open();
    expect(form.chosen('note')).toBe('string');
    expect(form.chosen('page')).toBe('integer');
    expect(form.chosen('limit')).toBe('null');
    expect(form.chosen('size')).toBe('integer');
    expect(field('page')).not.toBeNull();
    // Each parameter's name shown once, above its select; it names the field under it, once.
    for (const name of ['note', 'page', 'limit', 'size']) {
      expect([...document.querySelectorAll('label.control-label')].filter((label) => label.textContent?.replace('*', '') === name), name).toHaveLength(1);
    }
    expect(document.querySelectorAll('label[for="args-c1-search_page"]')).toHaveLength(1);
  });

  it('sends null when "null" is chosen, for a required parameter too, and a value when one is typed', async () => {
    const form = await open();
    const consoleError = vi.spyOn(console, 'error');
    // Nothing chosen for the required ones yet: refused, as the schema says (next to the fields,
    // not in the console).
    await form.call(0);
    expect(screen.getAllByText('A value is required').length).toBeGreaterThan(0);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    form.choose('note', 'null');
    form.choose('size', 'null');
    form.choose('page', 'integer');
    form.choose('page', 'null');
    form.choose('limit', 'integer');
    form.choose('limit', 'null');
    chooseValue('level', 'high');
    await form.call(1);
    expect(form.sent()[0]).toEqual({ note: null, size: null, page: null, limit: null, level: 2 });

    form.choose('note', 'string');
    form.choose('size', 'integer');
    fireEvent.change(field('note')!, { target: { value: 'hello' } });
    fireEvent.change(field('size')!, { target: { value: '3' } });
    await form.call(2);
    expect(form.sent()[1]).toMatchObject({ note: 'hello', size: 3 });
  });

  it('keeps an emptied field, its choice and the focus: emptied is left out, not null', async () => {
    const form = await open();
    form.choose('note', 'null');
    form.choose('size', 'null');
    chooseValue('level', 'low');
    fireEvent.change(field('page')!, { target: { value: '12' } });
    const input = field('page')!;
    input.focus();
    fireEvent.change(input, { target: { value: '' } });
    await waitFor(() => expect(form.chosen('page')).toBe('integer'));
    expect(field('page')).toBe(input);
    expect(document.activeElement).toBe(input);
    await form.call(1);
    expect(form.sent()[0]).not.toHaveProperty('page');
  });

  it('offers a union of literals as a select of its values, chosen by no one until the user does', async () => {
    const form = await open();
    expect(document.querySelector('.unsupported-field')).toBeNull();
    const mode = field('mode') as unknown as HTMLSelectElement;
    expect([...mode.options].map((o) => o.textContent).filter(Boolean)).toEqual(['fast', 'thorough']);
    expect(mode.selectedOptions[0]?.textContent).toBe('');
    form.choose('note', 'null');
    form.choose('size', 'null');
    // A required one says so; an optional one is left out.
    await form.call(0);
    expect(document.querySelector('#args-c1-search_level')?.closest('.form-group')?.textContent).toContain('A value is required');
    chooseValue('level', 'low');
    await form.call(1);
    expect(form.sent()[0]).toEqual({ note: null, size: null, limit: null, level: 1 });
    chooseValue('mode', 'thorough');
    await form.call(2);
    expect(form.sent()[1]).toMatchObject({ mode: 'thorough', level: 1 });
  });
});
