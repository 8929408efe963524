import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionOAuth } from '../../../main/core/auth/connection-oauth';
import { LoopbackRedirect } from '../../../main/core/auth/loopback-redirect';
import { MemoryOAuthStore } from '../../../main/core/auth/oauth-store';

let loopback: LoopbackRedirect | undefined;
afterEach(async () => {
  await loopback?.close();
  loopback = undefined;
});

describe('the loopback redirect listener (RFC 8252 section 7.3)', () => {
  it('listens on 127.0.0.1 with an ephemeral port and a /callback path', async () => {
    loopback = new LoopbackRedirect();
    expect(await loopback.start()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  });

  it('turns away a wrong state or path with 400 and keeps waiting; takes exactly the matching one, then closes', async () => {
    loopback = new LoopbackRedirect();
    const uri = await loopback.start();
    const received = loopback.expect('good-state', 5_000);
    expect((await fetch(`${uri}?code=x&state=bad-state`)).status).toBe(400);
    expect((await fetch(`${uri.replace('/callback', '/other')}?code=x&state=good-state`)).status).toBe(400);
    expect((await fetch(`${uri}?code=x`)).status).toBe(400);
    const ok = await fetch(`${uri}?code=the-code&state=good-state&iss=https%3A%2F%2Fas.example`);
    expect(ok.status).toBe(200);
    const params = await received;
    expect(params.get('code')).toBe('the-code');
    expect(params.get('iss')).toBe('https://as.example');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${uri}?code=again&state=good-state`)).rejects.toThrow();
  });

  it('listens again on the same port for a second authorization', async () => {
    loopback = new LoopbackRedirect();
    const uri = await loopback.start();
    const first = loopback.expect('one', 5_000);
    await fetch(`${uri}?code=a&state=one`);
    await first;
    expect(await loopback.start()).toBe(uri);
    const second = loopback.expect('two', 5_000);
    await fetch(`${uri}?code=b&state=two`);
    expect((await second).get('code')).toBe('b');
  });

  it('gives up after the timeout with words that name the redirect URI', async () => {
    loopback = new LoopbackRedirect();
    const uri = await loopback.start();
    await expect(loopback.expect('s', 50)).rejects.toThrow(uri);
  });
});

describe('starting the loopback listener only when the authorization flow is entered', () => {
  it('opens one listener however many callers start it at once', async () => {
    loopback = new LoopbackRedirect();
    const uris = await Promise.all([loopback.start(), loopback.start(), loopback.start()]);
    expect(new Set(uris).size).toBe(1);
    expect(loopback.hasPort).toBe(true);
    expect((await fetch(`${uris[0]}?code=x&state=none`)).status).toBe(400);
  });

  it('a prepared connection does not listen; a challenge through the transport fetch starts the listener before the SDK sees it', async () => {
    const oauth = new ConnectionOAuth({ settings: { grant: 'authorization_code', authorize: 'print' }, store: new MemoryOAuthStore(), note: () => undefined });
    try {
      const provider = await oauth.prepare('http://127.0.0.1:9/mcp', fetch, () => undefined);
      expect(provider.redirectUrl).toBeUndefined();
      expect(provider.clientMetadata.redirect_uris).toEqual([]);
      let status = 200;
      const transportFetch = oauth.transportFetch((async () => new Response('{}', { status })) as typeof fetch);
      await transportFetch('http://127.0.0.1:9/mcp');
      expect(provider.redirectUrl).toBeUndefined();
      status = 401;
      const challenge = await transportFetch('http://127.0.0.1:9/mcp');
      expect(challenge.status).toBe(401);
      expect(provider.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/callback$/);
      expect(provider.clientMetadata.redirect_uris).toEqual([provider.redirectUrl]);
      expect((await fetch(`${provider.redirectUrl!}?code=x&state=none`)).status).toBe(400);
      // After the listener closed (a response came), the URI stays for the token request.
      const uri = provider.redirectUrl!;
      await oauth.close();
      expect(provider.redirectUrl).toBe(uri);
    } finally {
      await oauth.close();
    }
  });

  it('a step-up challenge (403) starts the listener too; other grants never listen', async () => {
    const stepUp = new ConnectionOAuth({ settings: { grant: 'authorization_code', authorize: 'print' }, store: new MemoryOAuthStore(), note: () => undefined });
    const machine = new ConnectionOAuth({ settings: { grant: 'client_credentials', authorize: 'print', clientId: 'c', clientSecret: 's' }, store: new MemoryOAuthStore(), note: () => undefined });
    try {
      const forbidden = (async () => new Response('', { status: 403 })) as typeof fetch;
      const provider = await stepUp.prepare('http://127.0.0.1:9/mcp', fetch, () => undefined);
      await stepUp.transportFetch(forbidden)('http://127.0.0.1:9/mcp');
      expect(provider.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      const machineProvider = await machine.prepare('http://127.0.0.1:9/mcp', fetch, () => undefined);
      await machine.transportFetch(forbidden)('http://127.0.0.1:9/mcp');
      expect(machineProvider.redirectUrl).toBeUndefined();
    } finally {
      await stepUp.close();
      await machine.close();
    }
  });
});
