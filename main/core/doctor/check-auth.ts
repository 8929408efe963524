import { Redactor } from '../capture/redaction';
import { explainAuthChallenge } from '../diagnostics/explain-auth';
import { failWith, type LayerCheck } from './doctor-context';

/**
 * Whether the server accepts this remote's credentials. A 401/403 is explained by the existing
 * explainer (diagnostics/explain-auth.ts: the WWW-Authenticate challenge, RFC 6750 section 3,
 * and the bearer token's own claims), from the MCP connection when it got that far, else from the
 * HTTP layer's answer. Header values are never shown, only their names.
 */
export const authCheck: LayerCheck = {
  layer: 'auth',
  title: 'Auth',
  needs: ['http'],
  async run(ctx) {
    const headers = ctx.input.target.headers ?? [];
    const names = new Redactor({ secretHeaderNames: headers.filter((h) => h.secret).map((h) => h.name) });
    const credentials = headers.filter((h) => h.secret || names.isSensitiveHeader(h.name)).map((h) => h.name);
    const facts = { credentialHeaders: credentials };
    const mcpError = ctx.mcp?.error;
    if (mcpError?.kind === 'auth') return failWith(mcpError, facts);
    const probe = ctx.http;
    if (probe && (probe.status === 401 || probe.status === 403) && (!ctx.mcp || ctx.mcp.error)) {
      const authorization = headers.find((h) => h.name.toLowerCase() === 'authorization')?.value;
      return failWith(
        explainAuthChallenge({
          status: probe.status,
          headers: probe.headers,
          where: `The POST to ${probe.finalUrl}`,
          detail: { status: probe.status },
          headersKnown: true,
          sentAuthorization: authorization !== undefined,
          ...(authorization ? { authorization } : {}),
          resource: ctx.url!.href,
        }),
        facts,
      );
    }
    if (ctx.mcp && !ctx.mcp.error) {
      if (probe && (probe.status === 401 || probe.status === 403)) return { verdict: 'pass', finding: `The server asked for credentials (${probe.status}) and accepted the ones given after it (OAuth)`, facts };
      if (credentials.length) return { verdict: 'pass', finding: `The server accepted the request with ${credentials.join(', ')} (values masked)`, facts };
      return { verdict: 'pass', finding: 'The server asked for no credentials', facts };
    }
    return { verdict: 'skipped', finding: 'Not settled: the MCP connection failed before the server judged the credentials', facts };
  },
};
