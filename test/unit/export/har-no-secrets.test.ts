import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingFetch } from '../../../main/core/capture/recording-fetch';
import { redactorForHeaders } from '../../../main/core/capture/redaction';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import { HarCollector } from '../../../main/core/export/har-collector';
import { buildHar, harText } from '../../../main/core/export/har-document';
import { expectValidHar } from '../../support/har-schema';
import { findLeaks } from '../../support/secret-leaks';

const HEADER_SECRET = 'hdr-5ecret-Q7x9v2';
const BEARER = 'bearer-tok-Z8k3m1';
const QUERY_SECRET = 'qry-key-M4n6b8';
const CLIENT_SECRET = 'cs-oauth-W2e4r6';
const ACCESS_TOKEN = 'at-issued-P9o7i5';
const SECRETS = [HEADER_SECRET, BEARER, QUERY_SECRET, CLIENT_SECRET, ACCESS_TOKEN];

let server: Server;
let base: string;

beforeAll(async () => {
  // Echoes every secret back in every form a careless server might: body, header, redirect, stream.
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const echo = JSON.stringify({ url: req.url, headers: req.headers, body });
      if (req.url === '/token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: ACCESS_TOKEN, token_type: 'Bearer', echo: body }));
      } else if (req.url?.startsWith('/redirect')) {
        res.writeHead(302, { location: `${base}/mcp?api_key=${QUERY_SECRET}`, 'x-echo': Buffer.from(`alice:${CLIENT_SECRET}`).toString('base64') });
        res.end(echo);
      } else if (req.headers.accept?.includes('text/event-stream')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(`id: 1\ndata: ${echo}\n\ndata: ${encodeURIComponent(BEARER)} ${Buffer.from(HEADER_SECRET).toString('base64')}\n\n`);
      } else {
        res.writeHead(200, { 'content-type': 'application/json', 'x-seen-auth': String(req.headers.authorization) });
        res.end(echo);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('a HAR holds no secret in any encoding', () => {
  it('a secret header, a bearer token, a query parameter and an OAuth body never appear raw, base64 or URL-encoded', async () => {
    const headers = [
      { name: 'X-Api-Key', value: HEADER_SECRET, secret: true },
      { name: 'Authorization', value: `Bearer ${BEARER}` },
    ];
    const redactor = redactorForHeaders(headers);
    const bus = new TraceBus('c-secret', redactor);
    const collector = new HarCollector();
    bus.subscribeFull((entry) => collector.ingest(entry));
    const fetch = createRecordingFetch(bus, redactor);
    const sent = Object.fromEntries(headers.map((h) => [h.name, h.value]));

    // An OAuth token request (RFC 6749 section 4.4) with the client secret in the form body.
    const token = await fetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credentials&client_id=periscope&client_secret=${CLIENT_SECRET}` });
    await token.text();
    // The server's answer carries the access token; the next requests use it and the other secrets.
    const json = await fetch(`${base}/mcp?api_key=${QUERY_SECRET}&tenant=t1`, { method: 'POST', headers: { ...sent, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: { token: ACCESS_TOKEN } } }) });
    await json.text();
    const stream = await fetch(`${base}/mcp?api_key=${QUERY_SECRET}`, { method: 'POST', headers: { ...sent, accept: 'text/event-stream' }, body: '{"jsonrpc":"2.0","id":2,"method":"ping"}' });
    await stream.text();
    const redirect = await fetch(`${base}/redirect?api_key=${QUERY_SECRET}`, { headers: sent, redirect: 'manual' });
    await redirect.text();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the recorder reads its copies in the background

    const har = buildHar(collector);
    expectValidHar(har);
    expect(har.log.entries).toHaveLength(4);
    // The values really went over the wire and came back: the HAR would show them if masking failed.
    expect(har.log.entries[1]!.request.queryString.map((q) => q.name)).toEqual(['api_key', 'tenant']);
    expect(har.log.entries[2]!.response.content.text).toContain('data: ');
    expect(har.log.entries[3]!.response.status).toBe(302);
    expect(findLeaks(harText(har), SECRETS)).toEqual([]);
  });
});
