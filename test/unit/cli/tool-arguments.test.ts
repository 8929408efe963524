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
});
