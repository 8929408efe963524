import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openToolsSection, PLAYGROUND_INFO, setUpToolsSectionTests } from '../support/open-tools-section';

/**
 * Switching an anyOf/oneOf alternative makes rjsf validate data the user has not filled in yet
 * (members left `undefined`); the validator used to throw on those ("Instances of "undefined"
 * type are not supported"), an uncaught error on the page (vitest fails the file on one).
 */
setUpToolsSectionTests();

const info = PLAYGROUND_INFO;

const SCHEMA = {
  type: 'object',
  $defs: { Address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } }, required: ['street'] } },
  properties: {
    near: { anyOf: [{ $ref: '#/$defs/Address' }, { type: 'array', items: { type: 'object', properties: { lat: { type: 'number' } } } }, { title: 'Anywhere', type: 'null' }] },
    by: { anyOf: [{ type: 'object', properties: { id: { type: 'string' }, note: { type: 'string' } } }, { type: 'object', properties: { id: { type: 'integer' } } }] },
  },
};

describe('switching an anyOf/oneOf alternative in the tool form', () => {
  it('to and from every alternative, with empty fields, and the call sends what was filled in', async () => {
    const opened = await openToolsSection({ info, tools: [{ name: 'search', inputSchema: SCHEMA }] });
    const near = screen.getByRole('combobox', { name: 'Alternative for near (anyOf)' });
    const by = screen.getByRole('combobox', { name: 'Alternative for by (anyOf)' });
    for (const value of ['2', '0', '1', '2', '1', '0']) fireEvent.change(near, { target: { value } });
    for (const value of ['1', '0', '1', '0']) fireEvent.change(by, { target: { value } });

    fireEvent.change(await screen.findByRole('textbox', { name: /^street/ }), { target: { value: '1 Main St' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    await waitFor(() => expect(opened.fake.calls('connections:call-tool')).toHaveLength(1));
    const sent = JSON.parse((opened.fake.calls('connections:call-tool')[0] as { argumentsJson: string }).argumentsJson);
    expect(sent).toMatchObject({ near: { street: '1 Main St' } });
    expect(JSON.stringify(sent)).not.toContain('city');
  });
});
