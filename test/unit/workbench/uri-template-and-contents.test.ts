import { describe, expect, it } from 'vitest';
import { expandTemplate, templateVariables } from '../../../shared/uri/uri-template';
import { base64Bytes, hexPreview, viewContents } from '../../../renderer/workbench/resource-contents';

describe('URI templates', () => {
  it('names each variable once, operators, explode and prefixes stripped', () => {
    expect(templateVariables('weather://{city}/{day}')).toEqual(['city', 'day']);
    expect(templateVariables('file:///{+path}{?q,lang}{&page*}{#frag:3}/{city}')).toEqual(['path', 'q', 'lang', 'page', 'frag', 'city']);
    expect(templateVariables('plain://no-variables')).toEqual([]);
  });

  it('expands with each value percent-encoded as its operator requires; an empty value is left out', () => {
    expect(expandTemplate('weather://{city}', { city: 'São Paulo/North' })).toBe('weather://S%C3%A3o%20Paulo%2FNorth');
    expect(expandTemplate('file:///{+path}', { path: 'a/b c' })).toBe('file:///a/b%20c');
    expect(expandTemplate('search://x{?q,lang}', { q: 'mcp', lang: '' })).toBe('search://x?q=mcp');
  });
});

describe('resource contents', () => {
  it('JSON is pretty with every digit kept; text that only claims to be JSON stays as it came', () => {
    expect(viewContents({ uri: 'a', mimeType: 'application/json', text: '{"n":7960607143101464577,"f":1.0}' })).toMatchObject({ kind: 'json', text: '{\n  "n": 7960607143101464577,\n  "f": 1.0\n}' });
    expect(viewContents({ uri: 'a', mimeType: 'application/json', text: 'not json' })).toMatchObject({ kind: 'text', text: 'not json' });
    expect(viewContents({ uri: 'a', mimeType: 'text/plain', text: '{"a":1}' })).toMatchObject({ kind: 'text', text: '{"a":1}' });
  });

  it('a raster image is an image; an SVG or unknown blob is binary with its size and hex', () => {
    expect(viewContents({ uri: 'a', mimeType: 'image/png', blob: 'AAEC' })).toMatchObject({ kind: 'image', dataUrl: 'data:image/png;base64,AAEC', bytes: 3 });
    expect(viewContents({ uri: 'a', mimeType: 'image/svg+xml', blob: 'PHN2Zz4=' })).toMatchObject({ kind: 'binary', bytes: 5, hex: '3c 73 76 67 3e' });
  });

  it('counts base64 bytes without decoding, and previews only the first bytes, 16 to a line', () => {
    expect([base64Bytes(''), base64Bytes('AA=='), base64Bytes('AAE='), base64Bytes('AAEC')]).toEqual([0, 1, 2, 3]);
    const forty = Buffer.from(Array.from({ length: 40 }, (_, i) => i)).toString('base64');
    expect(hexPreview(forty, 20)).toBe('00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f\n10 11 12 13');
    expect(hexPreview('!!not base64', 8)).toBe('');
  });
});
