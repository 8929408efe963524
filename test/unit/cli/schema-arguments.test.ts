import { describe, expect, it } from 'vitest';
import { argumentsFromSchema } from '../../../main/cli/exercise/schema-arguments';
import { resolveLocal } from '../../../shared/schema/local-ref';
import { schemaEchoOverride } from '../../../main/cli/exercise/schema-echo';

describe('argumentsFromSchema', () => {
  it('fills only required properties, preferring default, then const, then enum[0]', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { type: 'string', default: 'from-default', const: 'c', enum: ['e'] },
        b: { type: 'string', const: 'from-const', enum: ['e'] },
        c: { type: 'string', enum: ['first', 'second'] },
        d: { type: 'integer', default: 0 },
        optional: { type: 'string', default: 'never sent' },
      },
      required: ['a', 'b', 'c', 'd'],
    };
    expect(argumentsFromSchema(schema)).toEqual({ a: 'from-default', b: 'from-const', c: 'first', d: 0 });
  });

  it('gives a value of the right type when nothing is declared', () => {
    const schema = {
      type: 'object',
      properties: {
        s: { type: 'string' },
        i: { type: 'integer', minimum: 5 },
        x: { type: 'number', exclusiveMinimum: 0 },
        n: { type: ['null', 'integer'] },
        flag: { type: 'boolean' },
        nothing: { type: 'null' },
        list: { type: 'array', items: { type: 'string' }, minItems: 2 },
        empty: { type: 'array' },
        mail: { type: 'string', format: 'email' },
        long: { type: 'string', minLength: 10 },
        nested: { type: 'object', properties: { inner: { type: 'integer' }, skip: { type: 'string' } }, required: ['inner'] },
        untyped: {},
      },
      required: ['s', 'i', 'x', 'n', 'flag', 'nothing', 'list', 'empty', 'mail', 'long', 'nested', 'untyped'],
    };
    expect(argumentsFromSchema(schema)).toEqual({
      s: 'example',
      i: 5,
      x: 0.5,
      n: 1,
      flag: false,
      nothing: null,
      list: ['example', 'example'],
      empty: [],
      mail: 'user@example.com',
      long: 'examplexxx',
      nested: { inner: 1 },
      untyped: 'example',
    });
  });

  it('follows $ref within the document ($defs, JSON pointer, anchor, root) and keeps sibling keywords', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      $defs: {
        userId: { type: 'string', pattern: '^[a-z0-9-]+$' },
        size: { enum: ['small', 'large'] },
        'a/b': { type: 'integer' },
        address: { $anchor: 'addr', type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } }, required: ['next'] },
      },
      properties: {
        id: { $ref: '#/$defs/userId' },
        size: { $ref: '#/$defs/size', default: 'large' },
        escaped: { $ref: '#/$defs/a~1b' },
        home: { $ref: '#addr' },
        self: { $ref: '#/$defs/node' },
      },
      required: ['id', 'size', 'escaped', 'home', 'self'],
    };
    const args = argumentsFromSchema(schema) as Record<string, unknown>;
    expect(args).toMatchObject({ id: 'example', size: 'large', escaped: 1, home: { city: 'example' } });
    // A schema that refers to itself ends in an empty object instead of recursing forever.
    let depth = 0;
    for (let node = args.self as Record<string, unknown>; node && Object.keys(node).length > 0; node = node.next as Record<string, unknown>) depth++;
    expect(depth).toBeGreaterThan(2);
    expect(depth).toBeLessThan(12);
  });

  it('never follows a network $ref: the property gets a value from its own keywords only', () => {
    const schema = {
      type: 'object',
      properties: {
        profile: { $ref: 'https://example.invalid/profile-schema.json', type: 'object' },
        other: { $ref: 'other-file.json#/defs/x' },
      },
      required: ['profile', 'other'],
    };
    expect(argumentsFromSchema(schema)).toEqual({ profile: {}, other: 'example' });
    expect(resolveLocal({ $ref: 'https://example.invalid/x', description: 'kept' }, {})).toEqual({ description: 'kept' });
  });

  it('folds allOf parts and takes the first non-null anyOf branch', () => {
    const schema = {
      type: 'object',
      allOf: [{ properties: { a: { type: 'integer' } }, required: ['a'] }, { properties: { b: { anyOf: [{ type: 'null' }, { type: 'string', enum: ['x'] }] } }, required: ['b'] }],
    };
    expect(argumentsFromSchema(schema)).toEqual({ a: 1, b: 'x' });
  });

  it('returns {} for a tool without an input schema or without required properties', () => {
    expect(argumentsFromSchema(undefined)).toEqual({});
    expect(argumentsFromSchema({ type: 'object', properties: { a: { type: 'string' } } })).toEqual({});
  });
});

describe('schemaEchoOverride', () => {
  const focal = {
    name: 'json_schema_2020_12_tool',
    inputSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', $defs: { address: { $anchor: 'address' } }, additionalProperties: false },
  };
  const echo = {
    name: 'json_schema_echo',
    inputSchema: {
      type: 'object',
      properties: { schema: { type: 'object', description: 'The inputSchema the client observed for json_schema_2020_12_tool, passed back verbatim.' } },
      required: ['schema'],
    },
  };

  it('passes the named tool\'s input schema, unmodified, to a property that asks for it', () => {
    const args = argumentsFromSchema(echo.inputSchema, schemaEchoOverride(echo, [focal, echo]));
    expect(args.schema).toBe(focal.inputSchema);
  });

  it('has no opinion unless the description asks for an input schema of exactly one other listed tool', () => {
    const notListed = argumentsFromSchema(echo.inputSchema, schemaEchoOverride(echo, [echo]));
    expect(notListed).toEqual({ schema: {} });
    const twoNamed = {
      ...echo,
      inputSchema: { ...echo.inputSchema, properties: { schema: { type: 'object', description: 'the input schema of json_schema_2020_12_tool or other_tool' } } },
    };
    expect(argumentsFromSchema(twoNamed.inputSchema, schemaEchoOverride(twoNamed, [focal, { name: 'other_tool', inputSchema: {} }, twoNamed]))).toEqual({ schema: {} });
    const noSchemaWords = { ...echo, inputSchema: { ...echo.inputSchema, properties: { schema: { type: 'object', description: 'options for json_schema_2020_12_tool' } } } };
    expect(argumentsFromSchema(noSchemaWords.inputSchema, schemaEchoOverride(noSchemaWords, [focal, noSchemaWords]))).toEqual({ schema: {} });
    const stringTyped = { ...echo, inputSchema: { ...echo.inputSchema, properties: { schema: { type: 'string', description: echo.inputSchema.properties.schema.description } } } };
    expect(argumentsFromSchema(stringTyped.inputSchema, schemaEchoOverride(stringTyped, [focal, stringTyped]))).toEqual({ schema: 'example' });
  });

  it('matches tool names as whole words only', () => {
    const prefixOnly = { ...echo, inputSchema: { ...echo.inputSchema, properties: { schema: { type: 'object', description: 'the inputSchema of json_schema_2020_12_tool_v2' } } } };
    expect(argumentsFromSchema(prefixOnly.inputSchema, schemaEchoOverride(prefixOnly, [focal, prefixOnly]))).toEqual({ schema: {} });
  });
});
