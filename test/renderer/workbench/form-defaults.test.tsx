import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import { ToolForm } from '../../../renderer/components/tools/tool-form';
import { schemaDefaults } from '../../../renderer/workbench/form-defaults';

/**
 * The arguments a tool's form starts with, and what the form adds by itself: only what the
 * schema declares. The shapes are those of published servers' tools, where rjsf's own filling
 * created optional objects (Firecrawl's `queryOptions`), chose object alternatives (Notion's
 * `cover`), and set `false` / `[]` / `[null]` for required parameters nobody filled in.
 */
const SCHEMA = {
  type: 'object',
  $defs: { Paging: { type: 'object', properties: { size: { type: 'integer', default: 20 }, cursor: { type: 'string' } }, required: ['cursor'] } },
  properties: {
    url: { type: 'string' },
    page_size: { type: 'integer', default: 100 },
    limit: { anyOf: [{ type: 'integer' }, { type: 'null' }], default: null },
    queryOptions: { type: 'object', properties: { prompt: { type: 'string' }, mode: { type: 'string', enum: ['freeform', 'schema'], default: 'freeform' } }, required: ['prompt', 'mode'] },
    paging: { $ref: '#/$defs/Paging' },
    accept: { type: 'boolean' },
    entities: { type: 'array', items: { type: 'string' } },
    paths: { type: 'array', items: { type: 'string' }, minItems: 1 },
    cover: { anyOf: [{ type: 'object', properties: { external: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] } }, required: ['external'] }, { type: 'string' }] },
    version: { const: 'v1' },
    flavour: { const: 'plain' },
    mode: { anyOf: [{ type: 'string', const: 'fast' }, { type: 'string', const: 'slow' }] },
    level: { type: 'integer', oneOf: [{ const: 1, title: 'low' }, { const: 2, title: 'high' }] },
    picked: { anyOf: [{ const: 'a' }, { const: 'b' }], default: 'b' },
    parent: { type: 'object', properties: {} },
  },
  required: ['url', 'accept', 'entities', 'paths', 'paging', 'version', 'mode', 'level', 'parent'],
} as RJSFSchema;

const DECLARED = { page_size: 100, limit: null, paging: { size: 20 }, version: 'v1', flavour: 'plain', picked: 'b' };

describe('schemaDefaults', () => {
  it("fills declared defaults, a lone const, and a required object's declared defaults; nothing else", () => {
    expect(schemaDefaults(SCHEMA)).toEqual(DECLARED);
  });

  it('is an object, {} when nothing is declared or the schema is not usable (a $ref loop, not an object)', () => {
    const loop = { type: 'object', properties: { a: { $ref: '#/$defs/A' } }, required: ['a'], $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } } } as RJSFSchema;
    expect(schemaDefaults(loop)).toEqual({});
    const selfRequired = { type: 'object', properties: { next: { $ref: '#' } }, required: ['next'] } as RJSFSchema;
    expect(schemaDefaults(selfRequired)).toEqual({});
    expect(schemaDefaults(true as unknown as RJSFSchema)).toEqual({});
    expect(schemaDefaults({ type: 'object', default: 5 } as RJSFSchema)).toEqual({});
  });
});

describe('the tool form', () => {
  it('adds nothing the user did not fill in, on showing or on an edit', () => {
    let changed: unknown = 'no change';
    render(<ToolForm schema={SCHEMA} value={DECLARED} digits={new Map()} idPrefix="d" onChange={(value) => (changed = value)} />);
    expect(changed, JSON.stringify(changed)).toBe('no change');
    fireEvent.change(document.getElementById('d_url')!, { target: { value: 'https://example.com' } });
    expect(changed).toEqual({ ...DECLARED, url: 'https://example.com' });
  });
});
