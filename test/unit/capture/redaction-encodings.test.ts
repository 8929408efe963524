import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor, redactorForHeaders } from '../../../main/core/capture/redaction';
import { MAX_LEARNED_SECRETS } from '../../../main/core/capture/secret-scan';
import { findLeaks, jsonUnicodeEscaped } from '../../support/secret-leaks';

/** Secrets whose characters encode differently: + / = " \ space, 2-, 3- and 4-byte UTF-8. */
const SECRETS = ['sk-live+/=Abc123xyz', 'p@ss"w0rd\\end+9', 'clé-secrète-ü✓-42', 'emoji-🔑-token-77', 'two words+plus/slash=='];

const pct = (s: string) => encodeURIComponent(s);
const everyByte = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
const json = (s: string) => JSON.stringify(s).slice(1, -1);
const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Every way a server can echo a value, alone and combined. */
const ENCODINGS: Record<string, (s: string) => string> = {
  raw: (s) => s,
  'percent (encodeURIComponent)': pct,
  'percent, lower-case hex': (s) => pct(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  'form encoding (space as +)': (s) => new URLSearchParams({ v: s }).toString().slice(2),
  'percent, every byte (over-encoded)': everyByte,
  'percent, only some characters': (s) => s.replace(/[+/="\\ ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  'JSON escaping': json,
  'JSON with \\/': (s) => json(s).replace(/\//g, '\\/'),
  'JSON, every character \\uXXXX': (s) => jsonUnicodeEscaped(s),
  'JSON, every character \\uxxxx lower-case': (s) => jsonUnicodeEscaped(s, true),
  'JSON, every other character \\u': (s) => [...s].map((c, i) => (i % 2 ? jsonUnicodeEscaped(c) : json(c))).join(''),
  'JSON, non-ASCII as \\u (Python ensure_ascii)': (s) => json(s).replace(/[^\x20-\x7e]/gu, (c) => jsonUnicodeEscaped(c, true)),
  base64,
  base64url: (s) => Buffer.from(s, 'utf8').toString('base64url'),
  'base64 of user:secret (Basic auth)': (s) => base64(`alice:${s}`),
  'base64url of id:secret': (s) => Buffer.from(`client-42:${s}`, 'utf8').toString('base64url'),
  'base64 inside JSON (\\/)': (s) => base64(`u:${s}`).replace(/\//g, '\\/'),
  'base64 percent-encoded': (s) => pct(base64(s)),
  'hex, lower-case': (s) => Buffer.from(s, 'utf8').toString('hex'),
  'hex, upper-case': (s) => Buffer.from(s, 'utf8').toString('hex').toUpperCase(),
  'hex of user:secret': (s) => Buffer.from(`alice:${s}`, 'utf8').toString('hex'),
  'hex, every digit JSON \\u-escaped': (s) => jsonUnicodeEscaped(Buffer.from(s, 'utf8').toString('hex')),
  'JSON-escaped percent-encoding (% as \\u0025)': (s) => pct(s).replace(/%/g, '\\u0025'),
  'percent-encoded JSON \\u escaping': (s) => pct(jsonUnicodeEscaped(s)),
  'double percent-encoding': (s) => pct(pct(s)),
  'JSON inside JSON': (s) => json(json(s)),
  'JSON \\u inside JSON': (s) => json(jsonUnicodeEscaped(s)),
  'percent-encoded inside JSON with \\/': (s) => json(everyByte(s)).replace(/\//g, '\\/'),
};

/** Where the echoed text sits: what must survive around it, untouched. */
const CONTEXTS: Record<string, [string, string]> = {
  sentence: ['echo: ', ' done'],
  'URL query': ['https://h.example/cb?x=1&t=', '&y=2'],
  'header line': ['X-Echo: ', '\r\n'],
  'JSON document': ['{"k":"', '","n":1}'],
  'SSE block': ['id: 7\nevent: message\ndata: {"jsonrpc":"2.0","result":{"text":"', '"}}\n\n'],
};

describe('Redactor: every known secret in every encoding a server can echo it in', () => {
  for (const secret of SECRETS) {
    describe(JSON.stringify(secret), () => {
      const redactor = new Redactor({ secretValues: [secret] });
      for (const [encodingName, encode] of Object.entries(ENCODINGS)) {
        it(encodingName, () => {
          const encoded = encode(secret);
          for (const [contextName, [before, after]] of Object.entries(CONTEXTS)) {
            const out = redactor.text(`${before}${encoded}${after}`);
            expect(findLeaks(out, [secret]), `${contextName}: ${out}`).toEqual([]);
            expect(out, contextName).toContain(REDACTED);
            expect(out.startsWith(before) && out.endsWith(after), `${contextName} kept around it: ${out}`).toBe(true);
          }
        });
      }
    });
  }

  it('the leak scan used above sees every one of these encodings when nothing is masked (so the matrix can fail)', () => {
    for (const secret of SECRETS) {
      for (const [encodingName, encode] of Object.entries(ENCODINGS)) {
        for (const [contextName, [before, after]] of Object.entries(CONTEXTS)) {
          expect(findLeaks(`${before}${encode(secret)}${after}`, [secret]), `${secret} / ${encodingName} / ${contextName}`).not.toEqual([]);
        }
      }
    }
  });

  it('masks several occurrences in several encodings in one text, each whole', () => {
    const secret = SECRETS[0]!;
    const redactor = new Redactor({ secretValues: [secret] });
    const text = `a ${secret} b ${pct(secret)} c ${jsonUnicodeEscaped(secret)} d ${base64(secret)} e`;
    expect(redactor.text(text)).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED} d ${REDACTED} e`);
  });

  it('leaves text without the secret as the very same string, also text full of escapes', () => {
    const redactor = new Redactor({ secretValues: SECRETS });
    for (const text of ['plain words', 'a%20b%2Fc %E2%9C%93 \\u0041\\/ \\"q\\"', base64('something else entirely'), '']) {
      expect(redactor.text(text)).toBe(text);
    }
  });

  it('does not nest its own markers when text is redacted again, even for a secret inside the word "redacted"', () => {
    const redactor = new Redactor({ secretValues: ['dact', 'token-123456'] });
    const once = redactor.text('a token-123456 b dact c');
    expect(once).toBe(`a ${REDACTED} b ${REDACTED} c`);
    expect(redactor.text(once)).toBe(once);
    expect(redactor.text(redactor.text(once))).toBe(once);
  });

  it('never learns the marker itself as a secret', () => {
    const redactor = new Redactor();
    redactor.headers({ Authorization: `Bearer ${REDACTED}`, 'X-Api-Key': REDACTED });
    expect(redactor.hasSecretValues).toBe(false);
  });
});

describe('Redactor.value and .entry: structured data', () => {
  const secret = 'sk-live+/=Abc123xyz';
  const redactor = new Redactor({ secretValues: [secret] });

  it('masks strings at any depth, object keys included, and keeps everything else', () => {
    const value = { a: [1, { b: `x ${pct(secret)} y`, [secret]: true }], n: null, ok: 'clean', nested: { deep: { deeper: [jsonUnicodeEscaped(secret)] } } };
    const out = redactor.value(value);
    expect(findLeaks(JSON.stringify(out), [secret])).toEqual([]);
    expect(out).toEqual({ a: [1, { b: `x ${REDACTED} y`, [REDACTED]: true }], n: null, ok: 'clean', nested: { deep: { deeper: [REDACTED] } } });
  });

  it('returns the same objects when nothing needs masking, and never changes its input', () => {
    const clean = { a: [1, 'two', { three: 3 }] };
    expect(redactor.value(clean)).toBe(clean);
    const dirty = { keep: { same: true }, leak: secret };
    const out = redactor.value(dirty);
    expect(out).not.toBe(dirty);
    expect(out.keep).toBe(dirty.keep);
    expect(dirty.leak).toBe(secret);
  });

  it('masks an Error (whose message JSON would hide) and other non-plain objects through their JSON', () => {
    const out = redactor.value({ cause: new Error(`failed with ${secret}`), when: new Date(0) });
    expect(findLeaks(JSON.stringify(out), [secret])).toEqual([]);
    expect(JSON.stringify(out)).toContain(REDACTED);
  });

  it('masks an entry: header maps by name as well as value, URLs by credential query names, everything else by value', () => {
    const fresh = new Redactor();
    const entry = fresh.entry({
      type: 'http',
      url: 'https://h.example/mcp?api_key=abcdef123&page=2',
      requestHeaders: { Authorization: 'Bearer fresh-token-987654', Accept: '*/*' },
      responseHeaders: { Location: `https://h.example/next?t=${pct('fresh-token-987654')}&access_token=zzz-42-zzz` },
      responseBody: '{"echo":"fresh-token-987654","k":"abcdef123"}',
    });
    expect(entry.url).toBe(`https://h.example/mcp?api_key=${REDACTED}&page=2`);
    expect(entry.requestHeaders).toEqual({ Authorization: `Bearer ${REDACTED}`, Accept: '*/*' });
    expect(entry.responseHeaders.Location).toBe(`https://h.example/next?t=${REDACTED}&access_token=${REDACTED}`);
    expect(entry.responseBody).toBe(`{"echo":"${REDACTED}","k":"abcdef123"}`);
  });
});

describe('Redactor: what it learns from headers and URLs', () => {
  it('learns Basic credentials decoded, so user:password and the password alone are masked too', () => {
    const redactor = new Redactor();
    const token = Buffer.from('alice:pa55+w/rd=!', 'utf8').toString('base64');
    expect(redactor.headers({ Authorization: `Basic ${token}` })).toEqual({ Authorization: `Basic ${REDACTED}` });
    expect(redactor.text(`user alice:pa55+w/rd=! then pa55+w/rd=! then ${pct('pa55+w/rd=!')} then ${token}`)).toBe(
      `user ${REDACTED} then ${REDACTED} then ${REDACTED} then ${REDACTED}`,
    );
  });

  it('learns each long cookie value of Cookie and Set-Cookie, but not short ones like lang=en', () => {
    const redactor = new Redactor();
    redactor.headers({ Cookie: 'sid=cookie-sid-0123456; lang=en', 'Set-Cookie': 'refresh=refresh-cookie-9876; Path=/; HttpOnly' });
    expect(redactor.text('sid cookie-sid-0123456 and refresh-cookie-9876 in en')).toBe(`sid ${REDACTED} and ${REDACTED} in en`);
  });

  it('masks and learns a URL userinfo password and credential query values, percent-encoded as written', () => {
    const redactor = new Redactor();
    expect(redactor.url('https://bob:p%40ss%2Bw0rd@h.example/mcp?access_token=t%2Fk%3D42xyz&x=1#frag')).toBe(
      `https://bob:${REDACTED}@h.example/mcp?access_token=${REDACTED}&x=1#frag`,
    );
    expect(redactor.text('p@ss+w0rd and t/k=42xyz')).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it('keeps its configured secrets for good, and at most the last MAX_LEARNED_SECRETS learned on the way (a cookie rotated on every answer)', () => {
    const redactor = redactorForHeaders([{ name: 'X-Api-Key', value: 'configured-key-0001' }]);
    const cookies = Array.from({ length: MAX_LEARNED_SECRETS + 10 }, (_, i) => `rotating-cookie-${String(i).padStart(4, '0')}`);
    for (const cookie of cookies) redactor.headers({ 'Set-Cookie': `sid=${cookie}; Path=/` });
    expect(redactor.text('configured-key-0001')).toBe(REDACTED);
    for (const cookie of cookies.slice(-MAX_LEARNED_SECRETS / 2)) expect(redactor.text(cookie)).toBe(REDACTED);
    expect(redactor.text(cookies[0]!)).toBe(cookies[0]);
  });

  // At the limit the number of known secrets stays put (each new one pushes the oldest out):
  // what the redactor remembers as already masked must still be masked again.
  it('at the learned-secrets limit, a token pushed out is learned again from its header, and a line found clean before is masked once a secret in it is learned', () => {
    const redactor = new Redactor();
    const rotate = (round: number) => {
      for (let i = 0; i < MAX_LEARNED_SECRETS; i++) redactor.headers({ 'Set-Cookie': `sid=rotating-${round}-${String(i).padStart(4, '0')}; Path=/` });
    };
    redactor.headers({ Authorization: 'Bearer access-token-7731' });
    rotate(1);
    expect(redactor.text('echo access-token-7731')).toBe('echo access-token-7731');
    // The same header again (the SDK sends it with every request): the token is known again.
    expect(redactor.headers({ Authorization: 'Bearer access-token-7731' })).toEqual({ Authorization: `Bearer ${REDACTED}` });
    expect(redactor.text('echo access-token-7731')).toBe(`echo ${REDACTED}`);

    rotate(2);
    const line = { 'X-Echo': 'seen issued-later-4410' };
    const body = `{"result":{"text":"${'x'.repeat(200)} issued-later-4410"}}`;
    expect(redactor.headers(line)).toEqual(line);
    expect(redactor.text(body)).toBe(body);
    redactor.addSecretValue('issued-later-4410');
    expect(redactor.headers(line)).toEqual({ 'X-Echo': `seen ${REDACTED}` });
    expect(redactor.text(body)).toBe(body.replace('issued-later-4410', REDACTED));
  });

  it('cuts text only outside a secret (safeCut)', () => {
    const redactor = new Redactor({ secretValues: ['0123456789'] });
    const text = 'abc0123456789def';
    expect(redactor.safeCut(text, 6)).toBe(3);
    expect(redactor.safeCut(text, 14)).toBe(14);
    expect(redactor.safeCut(text, 2)).toBe(2);
  });
});
