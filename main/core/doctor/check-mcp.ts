import type { LayerCheck } from './doctor-context';
import { attemptMcp } from './mcp-attempt';

/** Error kinds that come from the MCP handshake itself, not from reaching the endpoint. */
const HANDSHAKE_KINDS = new Set(['protocol', 'protocol-version', 'session-expired']);

const TRANSPORT_NAMES: Record<string, string> = { streamable: 'Streamable HTTP', sse: 'legacy HTTP+SSE', websocket: 'WebSocket' };

/**
 * Which transport the endpoint speaks (connections/auto-detect.ts: Streamable HTTP, then legacy
 * SSE on a 4xx; WebSocket for ws://) and which protocol era (server/discover probe, then the
 * 2025 initialize). The time is the whole connect. A refusal for credentials is left to the auth layer.
 */
export const transportCheck: LayerCheck = {
  layer: 'transport',
  title: 'Transport and protocol era',
  needs: ['http'],
  async run(ctx) {
    const attempt = await attemptMcp(ctx);
    const { info } = attempt;
    const facts = { detection: info.detection, eraDetection: info.eraDetection, connectMs: attempt.connectMs };
    if (attempt.error?.kind === 'auth') return { verdict: 'skipped', finding: 'The server refused the request for credentials before the transport could be told (the auth layer explains)', facts };
    // A protocol-level refusal over a settled transport means it carried MCP: the initialize layer owns it.
    if (attempt.error && (!HANDSHAKE_KINDS.has(attempt.error.kind) || !info.transport)) {
      const tried = info.detection ? ` ${info.detection.explanation}` : '';
      return { verdict: 'fail', finding: `${attempt.error.message}.${tried}`.replace(/\.\./g, '.'), fix: attempt.error.hint, error: attempt.error, facts };
    }
    const transport = TRANSPORT_NAMES[info.transport ?? ''] ?? info.transport ?? 'unknown';
    const era = info.era === 'modern' ? `2026-07-28 era (${info.protocolVersion ?? 'stateless'})` : info.era === 'legacy' ? `2025 era (${info.protocolVersion ?? 'initialize'})` : 'era not settled';
    const finding = `${transport}, ${era}. ${info.detection?.explanation ?? ''} ${info.eraDetection?.explanation ?? ''}`.replace(/\s+/g, ' ').trim();
    if (info.transport === 'sse') return { verdict: 'warn', finding, fix: 'the server speaks the deprecated HTTP+SSE transport (since MCP 2025-03-26): ask for Streamable HTTP', facts };
    return { verdict: 'pass', finding, facts };
  },
};

/**
 * The handshake itself: `initialize` (2025 era) or `server/discover` (2026-07-28), the server's
 * name and version, and our own round-trip times (the handshake and one liveness request).
 */
export const initializeCheck: LayerCheck = {
  layer: 'initialize',
  title: 'Initialize or discover',
  needs: ['transport'],
  async run(ctx) {
    const attempt = await attemptMcp(ctx);
    const { info } = attempt;
    const facts = { serverInfo: info.serverInfo, protocolVersion: info.protocolVersion, era: info.era, handshake: attempt.handshake, liveness: attempt.liveness, capabilities: Object.keys(info.capabilities ?? {}) };
    if (attempt.error?.kind === 'auth') return { verdict: 'skipped', finding: 'Not reached: the server wants credentials first (the auth layer explains)', facts };
    if (attempt.error) return { verdict: 'fail', finding: attempt.error.message, fix: attempt.error.hint, error: attempt.error, facts };
    const method = info.era === 'modern' ? 'server/discover' : 'initialize';
    const round = attempt.handshake.filter((h) => h.method === method).at(-1);
    const server = info.serverInfo ? `${info.serverInfo.name} ${info.serverInfo.version}` : 'the server';
    const times = [round ? `in ${round.latencyMs.toFixed(1)} ms` : undefined, attempt.liveness ? `then a ${attempt.liveness.method} round trip in ${attempt.liveness.latencyMs.toFixed(1)} ms` : undefined].filter(Boolean).join(', ');
    const caps = facts.capabilities.length ? `; capabilities: ${facts.capabilities.join(', ')}` : '';
    return { verdict: 'pass', finding: `${server} answered ${method}${times ? ` ${times}` : ''}${caps}`, facts, ...(round ? { durationMs: round.latencyMs } : {}) };
  },
};
