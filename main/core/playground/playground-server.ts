/**
 * The playground's public surface: start it, describe faults, run it over stdio, build its server
 * instance. Every entry serves both protocol eras (2025 revisions and 2026-07-28) except legacy
 * SSE, which is 2025-only by definition.
 */
export { startPlayground } from './start-playground';
export { parseFaultFlags, FAULT_FLAG_SYNTAX } from './fault-flags';
export { runStdioPlayground, type StdioPlaygroundOptions } from './stdio-playground';
export { createPlaygroundMcpServer, type PlaygroundServerContext } from './playground-mcp-server';
export { WebSocketServerTransport, MCP_WEBSOCKET_SUBPROTOCOL } from './websocket-server-transport';
export type { FaultOptions, PlaygroundOptions, PlaygroundTransport, PlaygroundUrls, RunningPlayground, SeenRequest } from './playground-options';
