import type { ConnectionInfo, ErrorInfo } from '../../../shared/model';
import { ConnectionManager } from '../connections/connection-manager';
import { toErrorInfo } from '../diagnostics/classify-error';
import type { DoctorContext } from './doctor-context';

/** One real MCP connection attempt, made once and read by the transport, initialize and auth layers. */
export interface McpAttempt {
  /** Wall time of the whole connect (transport detection, era probe and handshake), ms. */
  connectMs: number;
  info: ConnectionInfo;
  error?: ErrorInfo;
  /** Round trips of the handshake requests as the trace measured them: initialize, server/discover. */
  handshake: Array<{ method: string; latencyMs: number }>;
  /** One liveness round trip after connecting: ping (2025 era) or server/discover (2026-07-28). */
  liveness?: { method: string; latencyMs: number };
}

const HANDSHAKE_METHODS = new Set(['initialize', 'server/discover']);

/**
 * Connects the way the app and the CLI connect (transport auto-detection, era probe, the remote's
 * headers, TLS settings and OAuth), measures one liveness round trip, then closes. Never throws:
 * a failure is classified into `error`.
 */
export async function attemptMcp(ctx: DoctorContext): Promise<McpAttempt> {
  if (ctx.mcp) return ctx.mcp;
  const manager = new ConnectionManager(ctx.input.clientInfo ? { clientInfo: ctx.input.clientInfo } : {});
  const connection = manager.create(ctx.input.target, { label: ctx.input.label, ...(ctx.input.oauth ? { oauth: ctx.input.oauth } : {}) });
  const handshake: McpAttempt['handshake'] = [];
  const stop = connection.bus.subscribe((entry) => {
    if (entry.type === 'message' && entry.latencyMs !== undefined && entry.method && HANDSHAKE_METHODS.has(entry.method)) handshake.push({ method: entry.method, latencyMs: entry.latencyMs });
  });
  const started = performance.now();
  let attempt: McpAttempt;
  try {
    const info = await connection.connect();
    const connectMs = performance.now() - started;
    // The handshake is over: a modern liveness request is a server/discover too, kept apart.
    stop();
    let liveness: McpAttempt['liveness'];
    try {
      liveness = await connection.ping();
    } catch {
      // The handshake's own round trip is still reported; a failed ping is no reason to fail here.
    }
    attempt = { connectMs, info, handshake, ...(liveness ? { liveness } : {}) };
  } catch (error) {
    attempt = { connectMs: performance.now() - started, info: connection.info(), error: toErrorInfo(error, { url: ctx.url?.href }), handshake };
  } finally {
    stop();
    await manager.closeAll().catch(() => undefined);
  }
  ctx.mcp = attempt;
  return attempt;
}
