/** The playground's public surface: start it, describe faults, run it over stdio. */
export { startPlayground } from './start-playground';
export { parseFaultFlags, FAULT_FLAG_SYNTAX } from './fault-flags';
export { runStdioPlayground, type StdioPlaygroundOptions } from './stdio-playground';
export { createPlaygroundMcpServer } from './playground-mcp-server';
export { WebSocketServerTransport, MCP_WEBSOCKET_SUBPROTOCOL } from './websocket-server-transport';
export type { FaultOptions, PlaygroundOptions, PlaygroundTransport, PlaygroundUrls, RunningPlayground, SeenRequest } from './playground-options';
