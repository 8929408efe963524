import { describe, expect, it } from 'vitest';
import { buildToolArguments } from '../../../main/cli/tool-arguments';
import { argumentsFromSchema } from '../../../main/cli/exercise/schema-arguments';
import { markRoundedNumbers } from '../../../main/cli/format/rounded-numbers';
import { redactValue } from '../../../main/core/capture/redact-value';
import { compareAnswers } from '../../../main/core/fanout/answer-diff';
import { pruneDepth } from '../../../shared/json/json-depth';

/**
 * `"__proto__"` is an ordinary key in JSON (JSON.parse keeps it as one), and a server or a user
 * may send it. Every copy made key by key must keep it as an own key: a plain assignment sets the
 * copy's prototype instead, so the member vanished from the trace, the arguments sent, a diff.
 */
const withProto = (inner: string) => JSON.parse(`{"__proto__":${inner},"other":1}`) as Record<string, unknown>;
const ownProto = (value: unknown) => Object.prototype.hasOwnProperty.call(value, '__proto__');

describe('a "__proto__" key survives every copy', () => {
  it('redaction of a message (a copy is made only when a secret is found)', () => {
    const message = { result: JSON.parse('{"__proto__":{"note":"kept"},"token":"s3cret-value"}') as unknown };
    const redacted = redactValue(message, (text) => text.replaceAll('s3cret-value', '[redacted]'));
    expect(redacted).not.toBe(message);
    expect(JSON.stringify(redacted)).toBe('{"result":{"__proto__":{"note":"kept"},"token":"[redacted]"}}');
  });

  it('a redacted key before it is copied too', () => {
    const message = JSON.parse('{"__proto__":{"a":1},"s3cret-value":2}') as Record<string, unknown>;
    const redacted = redactValue(message, (text) => text.replaceAll('s3cret-value', '[redacted]'));
    expect(JSON.stringify(redacted)).toBe('{"__proto__":{"a":1},"[redacted]":2}');
  });

  it('the cut copy of a message nested too deep to show', () => {
    const pruned = pruneDepth(withProto('{"a":{"b":{"c":1}}}'), 2);
    expect(ownProto(pruned)).toBe(true);
    expect(JSON.stringify(pruned)).toBe('{"__proto__":{"a":"[cut: nested deeper than Periscope shows]"},"other":1}');
  });

  it('fan-out: answers that differ only under "__proto__" do not agree', () => {
    const comparison = compareAnswers(
      [
        { instance: 'a', result: withProto('{"v":1}') },
        { instance: 'b', result: withProto('{"v":2}') },
      ],
      ['_meta'],
    );
    expect(comparison.agree).toBe(false);
    expect(comparison.differing[0]!.differences.map((d) => d.path)).toEqual(['__proto__.v']);
  });

  it('CLI key=value arguments, and arguments built from a schema that requires it', () => {
    const args = buildToolArguments(undefined, ['__proto__=5', 'constructor=x', 'toString=y']);
    expect(JSON.stringify(args)).toBe('{"__proto__":"5","constructor":"x","toString":"y"}');
    const schema = JSON.parse('{"type":"object","required":["__proto__"],"properties":{"__proto__":{"type":"string"}}}') as unknown;
    expect(JSON.stringify(argumentsFromSchema(schema))).toBe('{"__proto__":"example"}');
  });

  it('the CLI output that marks rounded numbers', () => {
    expect(JSON.stringify(markRoundedNumbers(withProto('{"n":1}')).value)).toBe('{"__proto__":{"n":1},"other":1}');
  });
});
