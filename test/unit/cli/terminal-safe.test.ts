import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CommandOutput } from '../../../main/cli/output';
import { terminalSafe } from '../../../main/cli/terminal-safe';
import { DANGEROUS } from '../../fixtures/dangerous-text';

// A raw character a terminal would obey; none may reach it (matching controls is the point).
// eslint-disable-next-line no-control-regex
const RAW = /[\u001b\u0007\u009b\u009d\u202e\u2067\u200b\u2028\r]/;

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('terminalSafe', () => {
  it.each(DANGEROUS)('shows $name as escapes', ({ text, shown }) => {
    expect(terminalSafe(text)).toBe(shown);
  });

  it('keeps ordinary text, tabs, newlines, CRLF, emoji joiners and every script as it is', () => {
    const plain = 'tab\there\nnext line\r\nwindows line é ü 漢字 עברית مرحبا 👨‍👩‍👧 \\u001b (typed, not a control)';
    expect(terminalSafe(plain)).toBe(plain);
  });

  it('leaves no character below U+0020 except TAB and LF, and none of U+007F..U+009F', () => {
    const all = Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)).join('');
    const shown = terminalSafe(all);
    expect([...shown].filter((c) => (c < ' ' && c !== '\t' && c !== '\n') || (c >= '\u007f' && c <= '\u009f'))).toEqual([]);
  });
});

describe('CommandOutput writes terminal-safe text on every path', () => {
  const evil = DANGEROUS.map((d) => d.text).join(' ');

  it('line, note and rawOut show the escapes instead of the characters', () => {
    const stdout = new Sink();
    const stderr = new Sink();
    const out = new CommandOutput(stdout, stderr, false);
    out.line(evil);
    out.note(evil);
    out.rawOut(evil);
    for (const { shown } of DANGEROUS) {
      expect(stdout.text).toContain(shown);
      expect(stderr.text).toContain(shown);
    }
    expect(stdout.text + stderr.text).not.toMatch(RAW);
  });

  it('--json stays exact JSON: the printed text parses back to the very strings the server sent', () => {
    const stdout = new Sink();
    const out = new CommandOutput(stdout, new Sink(), true);
    const value = { description: evil, nested: [{ text: evil }] };
    out.data(value);
    expect(stdout.text).not.toMatch(RAW);
    expect(JSON.parse(stdout.text)).toEqual(value);
  });

  it('masks secrets before neutralising, so a secret split by a control character is still masked whole', () => {
    const stdout = new Sink();
    const out = new CommandOutput(stdout, new Sink(), false);
    out.addMasker({ text: (s) => s.replaceAll('s3cr\u001bet', '[redacted]') });
    out.line('token s3cr\u001bet');
    expect(stdout.text).toBe('token [redacted]\n');
  });
});
