import { describe, expect, it } from 'vitest';
import { jsonFileText, NotUtf8Error } from '../../../main/core/remotes/json-file-text';
import { importFileText } from '../../../main/core/remotes/remote-import';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';

const JSON_TEXT = '{"url":"https://café.example.com/mcp","name":"ü € 𝄞"}';
const bom = (b: number[], body: Buffer) => Buffer.concat([Buffer.from(b), body]);
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('the text of a JSON file saved by any editor', () => {
  it.each([
    ['UTF-8', Buffer.from(JSON_TEXT, 'utf8')],
    ['UTF-8 with a byte order mark (Notepad)', bom([0xef, 0xbb, 0xbf], Buffer.from(JSON_TEXT, 'utf8'))],
    ['UTF-16 LE with a byte order mark (PowerShell >)', bom([0xff, 0xfe], Buffer.from(JSON_TEXT, 'utf16le'))],
    ['UTF-16 BE with a byte order mark', bom([0xfe, 0xff], utf16be(JSON_TEXT))],
  ])('%s reads as the same text, without a byte order mark', (_name, bytes) => {
    const text = jsonFileText(bytes);
    expect(text).toBe(JSON_TEXT);
    expect(JSON.parse(text).name).toBe('ü € 𝄞');
  });

  it.each([
    ['a Latin-1 é', Buffer.from('{"url":"https://caf\xe9.example.com"}', 'latin1'), 19, 0xe9],
    ['a lone continuation byte after a real U+FFFD', Buffer.concat([Buffer.from('{"a":"\uFFFD', 'utf8'), Buffer.from([0x80]), Buffer.from('"}')]), 9, 0x80],
    ['a truncated sequence at the end', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xe2, 0x82])]), 6, 0xe2],
    ['an invalid byte after a byte order mark', bom([0xef, 0xbb, 0xbf], Buffer.from([0x7b, 0xff, 0x7d])), 1, 0xff],
  ])('bytes that are not UTF-8 (%s) are refused with the offset of the first bad byte', (_name, bytes, offset, byte) => {
    let error: unknown;
    try {
      jsonFileText(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotUtf8Error);
    expect(error).toMatchObject({ offset, byte });
  });

  it('an import file that is not UTF-8 is invalid-input naming the byte and how to fix it; a BOM is no error', () => {
    let error: unknown;
    try {
      importFileText(Buffer.from('[{"url":"https://caf\xe9.example.com/mcp"}]', 'latin1'));
    } catch (e) {
      error = e;
    }
    expect(isPeriscopeError(error) && error.info).toMatchObject({ kind: 'invalid-input', message: 'The import file is not UTF-8 text: byte 0xE9 at offset 20 is not UTF-8.' });
    expect(isPeriscopeError(error) && error.info.hint).toMatch(/UTF-8/);
    expect(importFileText(bom([0xef, 0xbb, 0xbf], Buffer.from('[]')))).toBe('[]');
  });
});
