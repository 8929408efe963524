import { FAULT_FLAG_SYNTAX } from './fault-flags';

/** The plain-text answer to GET /: what is served where, in which protocol era, for a human with curl or a browser. */
export function describeEndpoints(port: number): string {
  const base = `http://127.0.0.1:${port}`;
  return [
    'MCP Periscope playground: a demo MCP server for trying clients and practising debugging.',
    '',
    'Protocol eras: the 2025 revisions (initialize handshake, Mcp-Session-Id sessions, GET event stream,',
    'server-to-client requests) and 2026-07-28 (stateless: server/discover, version and capabilities in each',
    "request's _meta, subscriptions/listen, input_required rounds, Mcp-Method/Mcp-Name headers, cache hints).",
    '',
    'Endpoints:',
    `  ${base}/mcp                    Streamable HTTP, both eras on one URL, chosen per request:`,
    '                                  2025: POST/GET/DELETE, Mcp-Session-Id, Last-Event-ID resumption',
    '                                  2026-07-28: POST only, no session, subscriptions/listen streams',
    `  ${base}/sse                    legacy HTTP+SSE event stream (GET, 2025 era only); messages go to /messages?sessionId=...`,
    `  ws://127.0.0.1:${port}/ws      WebSocket, subprotocol "mcp", one JSON-RPC message per text frame; either era, per connection`,
    `  ${base}/health                 liveness and 2025-era session counts (JSON)`,
    '  stdio                          periscope playground --stdio (either era)',
    '',
    'Tools: echo, add, slow_operation, fail, image, weather, ask_user, ask_model, sign_in, order_coffee, bump_counter, log.',
    'Resources: playground://readme, playground://logo.png, playground://operations, playground://counter, playground://items/{id}.',
    'Prompts: review_code(code, language), greeting.',
    'Changes: bump_counter updates playground://counter; watch it with subscriptions/listen (2026-07-28) or resources/subscribe (2025).',
    '',
    `Fault flags (periscope playground --fault ...): ${FAULT_FLAG_SYNTAX}. They apply to both eras.`,
    '',
  ].join('\n');
}
