import { FAULT_FLAG_SYNTAX } from './fault-flags';

/** The plain-text answer to GET /: what is served where, for a human with curl or a browser. */
export function describeEndpoints(port: number): string {
  const base = `http://127.0.0.1:${port}`;
  return [
    'MCP Periscope playground: a demo MCP server for trying clients and practising debugging.',
    '',
    'Endpoints:',
    `  ${base}/mcp                    Streamable HTTP (POST/GET/DELETE, Mcp-Session-Id, Last-Event-ID resumption)`,
    `  ${base}/sse                    legacy HTTP+SSE event stream (GET); messages go to /messages?sessionId=...`,
    `  ws://127.0.0.1:${port}/ws      WebSocket, subprotocol "mcp", one JSON-RPC message per text frame`,
    `  ${base}/health                 liveness and session counts (JSON)`,
    '',
    'Tools: echo, add, slow_operation, fail, image, weather, ask_user, ask_model, log.',
    'Resources: playground://readme, playground://logo.png, playground://operations, playground://items/{id}.',
    'Prompts: review_code(code, language), greeting.',
    '',
    `Fault flags (periscope playground --fault ...): ${FAULT_FLAG_SYNTAX}.`,
    '',
  ].join('\n');
}
