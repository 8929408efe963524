import { generateSync } from 'json-schema-faker';
import { describe, expect, it } from 'vitest';
import published from '../../fixtures/published-tool-schemas/schemas.json';
import { ALTERNATIVE_NAME, formSchemaOf, withoutAlternativeNames } from '../../../renderer/workbench/named-alternatives';
import { violations } from '../../../renderer/workbench/schema-validation';

/**
 * The tool form's copy of a tool's inputSchema: each anyOf/oneOf alternative carries its name,
 * and nothing else differs. The tool's own schema is never touched, and the copy accepts and
 * refuses exactly what it does.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}


const SCHEMA = {
  type: 'object',
  $defs: {
    Address: { type: 'object', properties: { street: { type: 'string' } } },
    Choice: { oneOf: [{ type: 'integer' }, { type: 'boolean' }] },
  },
  properties: {
    filter: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null },
    where: { anyOf: [{ $ref: '#/$defs/Address' }, { title: 'Nowhere', type: 'null' }] },
    tags: { type: 'array', items: { anyOf: [{ type: 'string', format: 'uuid' }, { anyOf: [{ type: 'integer' }, { type: 'null' }] }] } },
    extra: { type: 'object', additionalProperties: { oneOf: [true, { type: 'number' }] } },
    // Data, not schema: a value that happens to hold an anyOf is left as it is.
    fixed: { const: { anyOf: [{ type: 'string' }] }, examples: [{ anyOf: [1] }] },
  },
} as const;

describe('formSchemaOf', () => {
  it('names every alternative wherever it is, and leaves data and true alone', () => {
    const named = formSchemaOf(deepFreeze(structuredClone(SCHEMA))) as unknown as typeof SCHEMA & Record<string, never>;
    const nameOf = (node: object) => (node as Record<string, unknown>)[ALTERNATIVE_NAME];
    expect(named.properties.filter.anyOf.map(nameOf)).toEqual(['string', 'null']);
    expect(named.properties.where.anyOf.map(nameOf)).toEqual(['Address', 'Nowhere']);
    expect(named.properties.tags.items.anyOf.map(nameOf)).toEqual(['string (uuid)', 'integer or null']);
    expect(named.properties.tags.items.anyOf[1].anyOf.map(nameOf)).toEqual(['integer', 'null']);
    expect(named.$defs.Choice.oneOf.map(nameOf)).toEqual(['integer', 'boolean']);
    expect(named.properties.extra.additionalProperties.oneOf[0]).toBe(true);
    expect(nameOf(named.properties.extra.additionalProperties.oneOf[1])).toBe('number');
    expect(named.properties.fixed).toEqual(SCHEMA.properties.fixed);
    expect(withoutAlternativeNames(named)).toEqual(SCHEMA);
  });

  it('never changes the schema it is given (frozen here: a write would throw)', () => {
    const schema = deepFreeze(structuredClone(SCHEMA));
    const named = formSchemaOf(schema);
    expect(named).not.toBe(schema);
    expect(schema).toEqual(SCHEMA);
    expect(JSON.stringify(schema)).not.toContain(ALTERNATIVE_NAME);
  });

  it('returns what is not a schema object as it is', () => {
    expect(formSchemaOf(true)).toBe(true);
    expect(formSchemaOf(undefined)).toBeUndefined();
  });

  it("over every published server's tool schema: the copy differs only by what it says it added (names, drawable choices), and validates alike", () => {
    const tools: Array<{ name: string; inputSchema: unknown }> = published.servers.flatMap((server) => server.tools as Array<{ name: string; inputSchema: unknown }>);
    let alternativesNamed = 0;
    for (const [index, tool] of tools.entries()) {
      const schema = tool.inputSchema as Record<string, unknown>;
      const before = structuredClone(schema);
      const named = formSchemaOf(schema);
      expect(schema).toEqual(before);
      expect(withoutAlternativeNames(named)).toEqual(schema);
      alternativesNamed += (JSON.stringify(named).match(new RegExp(ALTERNATIVE_NAME, 'g')) ?? []).length;
      const good = generateSync(schema, { seed: index + 1, alwaysFakeOptionals: true, maxItems: 2, maxDepth: 4 });
      for (const value of [good, {}, { unexpected: [1, 'two', null] }, 'not an object']) {
        expect(violations(named, value), tool.name).toEqual(violations(schema, value));
      }
    }
    expect(alternativesNamed).toBeGreaterThan(50);
  });
});
