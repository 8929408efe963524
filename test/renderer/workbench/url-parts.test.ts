import { describe, expect, it } from 'vitest';
import { escapeOdd, urlParts } from '../../../renderer/workbench/url-parts';
import { prepareRequestedSchema } from '../../../renderer/workbench/requested-schema';

describe('urlParts: what a URL-mode question asks the user to open', () => {
  it('an ordinary https URL: its host, openable, nothing to warn about', () => {
    expect(urlParts('https://auth.example.com/connect?x=1')).toEqual({
      raw: 'https://auth.example.com/connect?x=1',
      host: 'auth.example.com',
      unicodeHost: false,
      rawEscaped: 'https://auth.example.com/connect?x=1',
      openable: true,
      warnings: [],
    });
  });

  it('says what needs a second look: look-alike letters, raw IPs, plain http, credentials, other schemes, bidi marks', () => {
    expect(urlParts('https://pаypal.com/').host).toBe('xn--pypal-4ve.com');
    expect(urlParts('http://10.0.0.1/x').warnings).toEqual(['The host is a raw IP address, not a name.', 'The address is plain http: what you type there is not encrypted.']);
    const withPassword = urlParts('https://me:pw@example.com/');
    expect(withPassword.openable).toBe(false);
    expect(withPassword.warnings).toContain('The URL carries a user name or password; the app will not open it.');
    expect(urlParts('javascript:alert(1)')).toMatchObject({ openable: false, warnings: ['Only http and https addresses are opened; this one is javascript.'] });
    expect(urlParts('not a url')).toMatchObject({ openable: false, warnings: ['This is not a valid URL; it cannot be opened.'] });
    expect(urlParts('not a url').host).toBeUndefined();
    expect(escapeOdd('https://x.com/\u202Egnp.exe')).toBe('https://x.com/\\u{202e}gnp.exe');
  });
});

describe('prepareRequestedSchema', () => {
  it('turns legacy enumNames into oneOf const/title and marks multi-selects as checkboxes', () => {
    const prepared = prepareRequestedSchema({
      type: 'object',
      properties: { a: { type: 'string', enum: ['x'], enumNames: ['Ex'] }, b: { type: 'array', items: { type: 'string', enum: ['p', 'q'] } } },
      required: ['a', 'missing'],
    });
    expect(prepared.problems).toEqual([]);
    expect(prepared.schema).toEqual({
      type: 'object',
      properties: { a: { type: 'string', oneOf: [{ const: 'x', title: 'Ex' }] }, b: { type: 'array', items: { type: 'string', enum: ['p', 'q'] }, uniqueItems: true } },
      required: ['a'],
    });
    expect(prepared.uiSchema.b).toEqual({ 'ui:widget': 'checkboxes' });
  });

  it('lists what breaks the spec (nested objects, non-plain choices, too many fields, not an object)', () => {
    expect(prepareRequestedSchema({ type: 'object', properties: { n: { type: 'object' }, e: { type: 'string', enum: [{ deep: 1 }] } } }).problems).toEqual([
      '"n" has the type "object", not one of string, number, integer, boolean or a multi-select',
      '"e" lists enum choices that are not plain values',
    ]);
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, { type: 'string' }]));
    expect(prepareRequestedSchema({ type: 'object', properties: many }).problems).toEqual(['it has 150 fields (the form shows at most 100)']);
    expect(prepareRequestedSchema('nope').problems).toEqual(['the requestedSchema is not an object schema with properties']);
  });
});
