import { CLIENT_CAPABILITIES_META_KEY, type ClientCapabilities, type McpServer, type ServerContext } from '@modelcontextprotocol/server';

/**
 * The client capabilities that apply to the request being handled, whichever era serves it:
 * the request's own `_meta` envelope key `io.modelcontextprotocol/clientCapabilities` on
 * 2026-07-28 (spec: every request carries them), else what the client declared in the 2025-era
 * `initialize` handshake. Undefined when neither is known.
 */
export function requestClientCapabilities(server: McpServer, ctx: ServerContext): ClientCapabilities | undefined {
  // The SDK hides the envelope's keys from its public type; the key constant is public.
  const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
  const fromEnvelope = envelope?.[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined;
  // getClientCapabilities is deprecated for 2026-07-28 requests only; it is the 2025 source.
  return fromEnvelope ?? server.server.getClientCapabilities();
}
