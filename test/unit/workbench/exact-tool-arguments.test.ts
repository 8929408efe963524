import { describe, expect, it } from 'vitest';
import { parseToolArguments, sendsExactDigits } from '../../../main/core/service/exact-tool-arguments';
import { withPlainNumbers } from '../../../main/core/capture/raw-json-numbers';

describe('parseToolArguments: the workbench JSON text, numbers exactly as typed', () => {
  it('keeps safe numbers, strings with escapes, nulls and a "__proto__" key as JSON.parse would', () => {
    const parsed = parseToolArguments('{"a": 1.5, "b": -3, "s": "line\\n\\"q\\" \\u00e9", "n": null, "__proto__": {"x": 1}, "list": [1e3, true]}');
    expect(JSON.stringify(parsed)).toBe('{"a":1.5,"b":-3,"s":"line\\n\\"q\\" é","n":null,"__proto__":{"x":1},"list":[1000,true]}');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('a number beyond 2^53 is sent digit for digit where JSON.rawJSON exists, and refused by name where it does not', () => {
    const text = '{"order": {"id": 7960607143101464577}}';
    if (sendsExactDigits) {
      expect(JSON.stringify(parseToolArguments(text))).toBe('{"order":{"id":7960607143101464577}}');
    } else {
      expect(() => parseToolArguments(text)).toThrow(/The argument order\.id is 7960607143101464577, beyond ±2\^53 − 1/);
    }
  });

  it('refuses text that is not JSON, or not an object, as invalid input', () => {
    expect(() => parseToolArguments('{"a": ')).toThrow(expect.objectContaining({ kind: 'invalid-input', message: expect.stringMatching(/^The arguments are not valid JSON/) }));
    expect(() => parseToolArguments('"text"')).toThrow(expect.objectContaining({ kind: 'invalid-input', message: 'The arguments must be a JSON object.' }));
  });

  it('the trace copy of a message holds plain numbers and leaves a message without raw numbers untouched', () => {
    const plain = { params: { arguments: { a: 1 } } };
    expect(withPlainNumbers(plain)).toBe(plain);
    const raw = (JSON as unknown as { rawJSON?: (t: string) => unknown }).rawJSON;
    if (raw) {
      const message = { params: { arguments: { id: raw('7960607143101464577'), list: [raw('9007199254740993')] } } };
      const copy = withPlainNumbers(message);
      expect(copy).toEqual({ params: { arguments: { id: Number('7960607143101464577'), list: [Number('9007199254740993')] } } });
      expect(() => structuredClone(copy)).not.toThrow();
      expect(JSON.stringify(message)).toContain('7960607143101464577');
    } else {
      expect(withPlainNumbers({ a: [1] })).toEqual({ a: [1] });
    }
  });
});
