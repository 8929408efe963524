import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import { schemaDefaults } from '../../../renderer/workbench/form-defaults';

/**
 * The arguments a tool's form starts with: what the schema declares as defaults, and nothing
 * chosen for the user (a choice of single values used to start on its first value and be sent).
 */
describe('schemaDefaults', () => {
  it('fills declared defaults and a lone const, and chooses no value of a choice of single values', () => {
    const schema = {
      type: 'object',
      properties: {
        limit: { anyOf: [{ type: 'integer' }, { type: 'null' }], default: null },
        depth: { type: 'integer', default: 3 },
        version: { const: 'v1' },
        mode: { anyOf: [{ type: 'string', const: 'fast' }, { type: 'string', const: 'slow' }] },
        level: { type: 'integer', oneOf: [{ const: 1, title: 'low' }, { const: 2, title: 'high' }] },
        flag: { anyOf: [{ const: true }, { const: false }] },
        picked: { anyOf: [{ const: 'a' }, { const: 'b' }], default: 'b' },
      },
      required: ['version', 'mode', 'level'],
    } as RJSFSchema;
    expect(schemaDefaults(schema)).toEqual({ limit: null, depth: 3, version: 'v1', picked: 'b' });
  });

  it('starts empty when the form library cannot read the schema (a $ref loop)', () => {
    const loop = { type: 'object', properties: { a: { $ref: '#/$defs/A' } }, $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } } } as RJSFSchema;
    expect(schemaDefaults(loop)).toEqual({});
  });
});
