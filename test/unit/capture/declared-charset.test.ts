import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charsetWarnings, declaredCharset, decoderFor } from '../../../main/core/capture/declared-charset';
import { createRecordingFetch } from '../../../main/core/capture/recording-fetch';
import { REDACTED, Redactor } from '../../../main/core/capture/redaction';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import type { HttpEntry, TraceEntry } from '../../../shared/model/trace';

/** A secret with non-ASCII characters: in Latin-1 its bytes are not valid UTF-8. */
const SECRET = 'clé-für-Müller-42';
const PAGE = `Zugriff verweigert: Schlüssel ${SECRET} ungültig`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const routes: Record<string, [string, Buffer]> = {
      '/latin1-page': ['text/html; charset=ISO-8859-1', Buffer.from(PAGE, 'latin1')],
      '/quoted-latin1-page': ['text/plain;CHARSET="latin1"', Buffer.from(PAGE, 'latin1')],
      '/unknown-charset-page': ['text/plain; charset=x-made-up', Buffer.from(PAGE, 'utf8')],
      '/latin1-json': ['application/json; charset=latin1', Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { text: 'Grüße' } }), 'latin1')],
      '/utf8-json': ['application/json; charset=utf-8', Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { text: 'Grüße' } }), 'utf8')],
      '/latin1-stream': ['text/event-stream; charset=iso-8859-1', Buffer.from('data: {"jsonrpc":"2.0","method":"x"}\n\n', 'latin1')],
    };
    const [type, body] = routes[req.url ?? ''] ?? ['text/plain', Buffer.from('none')];
    res.writeHead(req.url?.endsWith('page') ? 401 : 200, { 'content-type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Fetches through the recording fetch, reads the body as a client would, and returns the finished exchange. */
async function exchange(path: string): Promise<{ entry: HttpEntry; read: string }> {
  const bus = new TraceBus('c1', new Redactor({ secretValues: [SECRET] }));
  const entries: TraceEntry[] = [];
  bus.subscribe((e) => entries.push(e));
  const recordingFetch = createRecordingFetch(bus, new Redactor({ secretValues: [SECRET] }));
  const response = await recordingFetch(`${base}${path}`);
  const read = await response.text();
  const done = async (): Promise<HttpEntry | undefined> => entries.find((e): e is HttpEntry => e.type === 'http' && (e.phase === 'complete' || e.phase === 'failed'));
  for (let i = 0; i < 100 && !(await done()); i++) await new Promise((r) => setTimeout(r, 10));
  return { entry: (await done())!, read };
}

describe('the charset a response declares', () => {
  it('reads the parameter whatever its case, quoting and spacing', () => {
    expect(declaredCharset('text/html; charset=ISO-8859-1')).toBe('iso-8859-1');
    expect(declaredCharset('text/plain;CHARSET="latin1"')).toBe('latin1');
    expect(declaredCharset('text/plain ; charset = utf-8 ; format=flowed')).toBe('utf-8');
    expect(declaredCharset('application/json')).toBeUndefined();
    expect(declaredCharset('application/json; x-charset-like=1')).toBeUndefined();
    expect(declaredCharset('text/plain; charset=')).toBeUndefined();
  });

  it('decodes with a known label and falls back to UTF-8 for an unknown one', () => {
    expect(decoderFor('text/plain; charset=latin1').decode(Buffer.from('é', 'latin1'))).toBe('é');
    expect(decoderFor('text/plain; charset=x-made-up').decode(Buffer.from('é', 'utf8'))).toBe('é');
    expect(decoderFor('text/plain').decode(Buffer.from('é', 'utf8'))).toBe('é');
  });

  it('warns about a JSON or event-stream answer in anything but UTF-8, and about nothing else', () => {
    expect(charsetWarnings('application/json; charset=latin1')[0]).toMatch(/charset=latin1.*always read as UTF-8.*garbled/);
    expect(charsetWarnings('text/event-stream; charset=iso-8859-1')[0]).toMatch(/event streams are always read as UTF-8/);
    expect(charsetWarnings('application/json; charset=UTF-8')).toEqual([]);
    expect(charsetWarnings('application/json; charset=utf8')).toEqual([]);
    expect(charsetWarnings('application/json')).toEqual([]);
    expect(charsetWarnings('text/html; charset=latin1')).toEqual([]);
    expect(charsetWarnings(`application/json; charset=${'x'.repeat(500)}`)[0]!.length).toBeLessThan(400);
  });
});

describe('recording an answer in its declared charset', () => {
  it.each([['/latin1-page'], ['/quoted-latin1-page']])('%s: an error page in Latin-1 is recorded as the text it is, with the secret in it masked', async (path) => {
    const { entry } = await exchange(path);
    expect(entry.responseBody).toBe(`Zugriff verweigert: Schlüssel ${REDACTED} ungültig`);
    expect(entry.responseBody).not.toContain('\uFFFD');
    expect(entry.warnings ?? []).toEqual([]);
  });

  it('a charset no decoder knows is read as UTF-8', async () => {
    const { entry } = await exchange('/unknown-charset-page');
    expect(entry.responseBody).toBe(`Zugriff verweigert: Schlüssel ${REDACTED} ungültig`);
  });

  it('a JSON answer declared Latin-1 is recorded as the client reads it (UTF-8), with a warning that says why it looks garbled', async () => {
    const { entry, read } = await exchange('/latin1-json');
    expect(read).toContain('\uFFFD');
    expect(entry.responseBody).toBe(read);
    expect(entry.warnings).toEqual([expect.stringMatching(/^The answer declares charset=latin1, but JSON is always read as UTF-8/)]);
  });

  it('a JSON answer declared UTF-8 has no warning', async () => {
    const { entry } = await exchange('/utf8-json');
    expect(entry.responseBody).toContain('Grüße');
    expect(entry.warnings ?? []).toEqual([]);
  });

  it('an event stream declared Latin-1 has the warning', async () => {
    const { entry } = await exchange('/latin1-stream');
    expect(entry.warnings).toEqual([expect.stringMatching(/^The event stream declares charset=iso-8859-1/)]);
  });
});
