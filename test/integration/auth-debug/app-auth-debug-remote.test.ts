import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionTargetInput } from '../../../shared/model';
import type { Remote } from '../../../shared/model/remote';
import { authDebugHandlers } from '../../../main/core/service/auth-debug-handlers';
import { startOAuthFixture, type OAuthFixture } from '../../fixtures/oauth/oauth-fixture';
import { startHttpsFixture, type HttpsFixture } from '../../fixtures/tls/https-fixture';

/**
 * The app's auth debugger started from a saved remote sends what a connection to that remote
 * sends: its headers (a gateway's key, kept secret) to the MCP server, and its TLS settings
 * (CA files). Real servers: the oidc-provider fixture behind a gateway that wants a key, and an
 * HTTPS server whose certificate only the fixture CA vouches for.
 */
const GATEWAY = { name: 'X-Gateway-Key', value: 'gk-Zx8Cv6Bn4Mq2Wl0' } as const;
let gated: OAuthFixture;
let https: HttpsFixture;

beforeAll(async () => {
  [gated, https] = await Promise.all([startOAuthFixture({ requiredHeader: GATEWAY }), startHttpsFixture('ca-signed')]);
});
afterAll(async () => {
  await Promise.all([gated?.close(), https?.close()]);
});

function remotesPort(targets: Record<string, ConnectionTargetInput>) {
  return {
    get: async (id: string) => (targets[id] ? ({ id } as unknown as Remote) : undefined),
    resolveForConnection: async (id: string) => ({ target: targets[id]!, label: id }),
  };
}

describe('the app\'s auth debugger on a saved remote', () => {
  it('sends the remote\'s secret gateway header to the MCP server and never shows its value', async () => {
    const handlers = authDebugHandlers({
      remotes: remotesPort({
        gated: { transport: 'streamable', url: gated.mcpUrl, headers: [{ name: GATEWAY.name, value: GATEWAY.value, secret: true }] },
        bare: { transport: 'streamable', url: gated.mcpUrl },
      }),
    });
    const withKey = await handlers['auth-debug:start']({ remoteId: 'gated' });
    const first = await handlers['auth-debug:next']({ runId: withKey.runId });
    const exchange = first.run.steps[0]!.exchanges[0]!;
    // Past the gateway: the MCP server's own 401 challenge, not the gateway's 403.
    expect(exchange.status).toBe(401);
    expect(exchange.requestHeaders['x-gateway-key']).toBe('[redacted]');
    expect(JSON.stringify(first)).not.toContain(GATEWAY.value);
    await handlers['auth-debug:close']({ runId: withKey.runId });

    const withoutKey = await handlers['auth-debug:start']({ remoteId: 'bare' });
    const refused = await handlers['auth-debug:next']({ runId: withoutKey.runId });
    expect(refused.run.steps[0]!.exchanges[0]!.status).toBe(403);
    await handlers['auth-debug:close']({ runId: withoutKey.runId });
  });

  it('trusts the remote\'s CA files, as its connection does', async () => {
    const handlers = authDebugHandlers({
      remotes: remotesPort({
        trusted: { transport: 'streamable', url: https.url, tls: { caFiles: [https.caFile], acceptInvalidCertificates: false } },
        untrusted: { transport: 'streamable', url: https.url },
      }),
    });
    const trusted = await handlers['auth-debug:start']({ remoteId: 'trusted' });
    expect((await handlers['auth-debug:next']({ runId: trusted.runId })).run.steps[0]!.exchanges[0]!.status).toBe(200);
    await handlers['auth-debug:close']({ runId: trusted.runId });

    const untrusted = await handlers['auth-debug:start']({ remoteId: 'untrusted' });
    const failed = (await handlers['auth-debug:next']({ runId: untrusted.runId })).run.steps[0]!.exchanges[0]!;
    expect(failed.phase).toBe('failed');
    expect(failed.error?.kind).toBe('tls');
    await handlers['auth-debug:close']({ runId: untrusted.runId });
  });
});
