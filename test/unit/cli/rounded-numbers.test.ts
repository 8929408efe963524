import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { markRoundedNumbers } from '../../../main/cli/format/rounded-numbers';
import { CommandOutput } from '../../../main/cli/output';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('integers the SDK may have rounded', () => {
  it('are marked wherever they are, with their paths; safe integers, decimals and strings are left alone', () => {
    // As the SDK hands it over: parsed by JSON.parse, already rounded.
    const value = JSON.parse('{"a": 7960607143101464577, "list": [1, -9007199254740993, 2.5], "deep": {"max": 9223372036854775807, "ok": 9007199254740991, "s": "7960607143101464577"}}');
    const { value: marked, paths } = markRoundedNumbers(value);
    expect(marked).toEqual({ a: '≈7960607143101464576', list: [1, '≈-9007199254740992', 2.5], deep: { max: '≈9223372036854775808', ok: 9007199254740991, s: '7960607143101464577' } });
    expect(paths).toEqual(['a', 'list[1]', 'deep.max']);
    expect(markRoundedNumbers(1e21)).toEqual({ value: '≈1000000000000000000000', paths: [''] });
    const plain = { a: 1, b: [2] };
    expect(markRoundedNumbers(plain).value).toBe(plain);
  });

  it('--json output never prints one as a bare number, and warns on stderr', () => {
    const stdout = new Sink();
    const stderr = new Sink();
    new CommandOutput(stdout, stderr, true).data(JSON.parse('{"tools": [{"inputSchema": {"properties": {"id": {"maximum": 9223372036854775807}}}}]}'));
    expect(JSON.parse(stdout.text).tools[0].inputSchema.properties.id.maximum).toBe('≈9223372036854775808');
    expect(stderr.text).toMatch(/^warning: the server sent integers beyond ±2\^53 − 1 \(9007199254740991\) at tools\[0\]\.inputSchema\.properties\.id\.maximum;/);
  });
});
