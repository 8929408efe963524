import { describe, expect, it } from 'vitest';
import { buildPromptArguments, buildToolArguments } from '../../../main/cli/tool-arguments';

const schema = {
  type: 'object',
  properties: {
    a: { type: 'number' },
    n: { type: 'integer' },
    flag: { type: 'boolean' },
    list: { type: 'array' },
    obj: { type: 'object' },
    id: { type: 'string' },
    maybe: { type: ['integer', 'null'] },
  },
};

describe('buildToolArguments', () => {
  it('coerces key=value by the input schema and keeps strings as typed', () => {
    expect(buildToolArguments(undefined, ['a=1.5', 'n=3', 'flag=false', 'list=[1,2]', 'obj={"x":1}', 'id=007', 'other=42'], schema)).toEqual({
      a: 1.5,
      n: 3,
      flag: false,
      list: [1, 2],
      obj: { x: 1 },
      id: '007',
      other: '42',
    });
  });

  it('lets key=value override --args and keeps values containing "="', () => {
    expect(buildToolArguments('{"a": 1, "id": "x"}', ['a=2', 'id=k=v'], schema)).toEqual({ a: 2, id: 'k=v' });
  });

  it('accepts null and integers for a union type', () => {
    expect(buildToolArguments(undefined, ['maybe=null'], schema)).toEqual({ maybe: null });
    expect(buildToolArguments(undefined, ['maybe=4'], schema)).toEqual({ maybe: 4 });
  });

  it('explains a value that does not fit the schema', () => {
    expect(() => buildToolArguments(undefined, ['a=abc'], schema)).toThrow(/"a" must be number/);
    expect(() => buildToolArguments(undefined, ['n=1.5'], schema)).toThrow(/"n" must be integer/);
    expect(() => buildToolArguments(undefined, ['flag=yes'], schema)).toThrow(/boolean/);
    expect(() => buildToolArguments(undefined, ['list={"a":1}'], schema)).toThrow(/array/);
  });

  it('rejects malformed pairs and --args that is not a JSON object', () => {
    expect(() => buildToolArguments(undefined, ['novalue'], schema)).toThrow(/not key=value/);
    expect(() => buildToolArguments('{nope', [], schema)).toThrow(/--args is not valid JSON/);
    expect(() => buildToolArguments('[1]', [], schema)).toThrow(/must be a JSON object/);
  });

  it('keeps prompt arguments as strings', () => {
    expect(buildPromptArguments(['code=x = 1', 'language=ts'])).toEqual({ code: 'x = 1', language: 'ts' });
  });

  it('refuses --args numbers JSON cannot carry exactly, naming the value, where it is and the 2^53 limit', () => {
    const big = '7960607143101464577';
    const cases: Array<[string, RegExp]> = [
      [`{"order_id": ${big}}`, /--args at order_id is 7960607143101464577, beyond ±2\^53 − 1 \(9007199254740991\)/],
      [`{"a": {"ids": [1, ${big}]}}`, /--args at a\.ids\[1\] is 7960607143101464577/],
      ['{"x": 0.1000000000000000000001}', /--args at x is 0\.1000000000000000000001, more significant digits/],
      ['{"x": -1e400}', /too large/],
    ];
    for (const [text, message] of cases) {
      let error: unknown;
      try {
        buildToolArguments(text, [], schema);
      } catch (e) {
        error = e;
      }
      expect((error as { info?: { kind?: string } }).info?.kind, text).toBe('invalid-input');
      expect((error as Error).message, text).toMatch(message);
    }
  });

  it('says when the schema takes a string instead of a refused big number', () => {
    const stringOrInt = { type: 'object', properties: { order_id: { type: ['integer', 'string'] } } };
    expect(() => buildToolArguments('{"order_id": 7960607143101464577}', [], stringOrInt)).toThrow(/7960607143101464577/);
    try {
      buildToolArguments('{"order_id": 7960607143101464577}', [], stringOrInt);
    } catch (error) {
      expect((error as { info: { hint: string } }).info.hint).toBe('The tool\'s schema accepts a string for "order_id": write its digits in quotes, "order_id": "7960607143101464577".');
    }
  });

  it('keeps every safe number, and big digits written as strings, exactly', () => {
    expect(buildToolArguments('{"a": 9007199254740991, "b": -0.5, "c": 1e3, "id": "7960607143101464577", "__proto__": {"x": 1}}', [], schema)).toEqual(
      JSON.parse('{"a": 9007199254740991, "b": -0.5, "c": 1000, "id": "7960607143101464577", "__proto__": {"x": 1}}'),
    );
    expect(Object.getPrototypeOf(buildToolArguments('{"__proto__": {"x": 1}}', []))).toBe(Object.prototype);
  });

  it('refuses a big key=value number for a string-or-integer property, pointing at --args for the string', () => {
    const stringOrInt = { type: 'object', properties: { order_id: { anyOf: [{ type: 'integer' }, { type: 'string' }] } } };
    expect(() => buildToolArguments(undefined, ['order_id=7960607143101464577'], stringOrInt)).toThrow(/beyond ±2\^53/);
  });
});


describe('arguments nested deeper than Periscope sends', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error as { info?: { kind: string; message: string } };
    }
    throw new Error('expected a refusal');
  };

  it('refuses --args and a key=value JSON nested thousands of levels deep as invalid input, not a stack overflow', () => {
    const args = refusal(() => buildToolArguments(`{"x": ${deep(20_000)}}`, [], schema));
    expect(args.info?.kind).toBe('invalid-input');
    expect(args.info?.message).toBe('--args is nested more than 500 levels deep; Periscope sends up to 500 levels');
    const pair = refusal(() => buildToolArguments(undefined, [`list=${deep(20_000)}`], schema));
    expect(pair.info?.kind).toBe('invalid-input');
    expect(pair.info?.message).toMatch(/nested more than 500 levels deep/);
  });

  it('keeps arguments nested within the limit', () => {
    expect(JSON.stringify(buildToolArguments(`{"x": ${deep(100)}}`, [], schema))).toBe(`{"x":${deep(100)}}`);
  });
});
