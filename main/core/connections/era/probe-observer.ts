import type { EraDetection } from '../../../../shared/model/protocol-era';
import type { TraceEntry } from '../../../../shared/model/trace';
import type { TraceBus } from '../../capture/trace-bus';
import { versionWords } from '../../diagnostics/classify-protocol-error';

export type ProbeOutcome = NonNullable<EraDetection['probe']>;

const BODY_EXCERPT_CHARS = 160;

/**
 * Watches one connect attempt's trace for the `server/discover` probe the SDK sends in the `auto`
 * and pinned modes, and remembers what came back: the modern result (with the versions the server
 * offers), a JSON-RPC error (Method not found is the 2025-era answer), an HTTP status, or the
 * server process exiting. The SDK decides the era; this says why, in the words of the trace.
 * Source: MCP specification 2026-07-28, "Lifecycle › Version negotiation".
 */
export class ProbeObserver {
  private probeSeq?: number;
  private outcome?: ProbeOutcome;
  /** The versions a modern answer offered (supportedVersions), as sent. */
  private offered: string[] = [];
  private readonly stop: () => void;

  constructor(bus: TraceBus) {
    this.stop = bus.subscribe((entry) => this.observe(entry));
  }

  /** Whether a probe went out at all (legacy mode and the SSE transport send none). */
  get sent(): boolean {
    return this.probeSeq !== undefined;
  }

  /** What the probe got; `no-answer` when it went out and nothing came back. */
  result(): ProbeOutcome | undefined {
    if (!this.sent) return undefined;
    return this.outcome ?? { outcome: 'no-answer', detail: 'no answer to server/discover' };
  }

  /** The protocol versions the probe's answer offered (its supportedVersions); empty when none. */
  get offeredVersions(): string[] {
    return this.offered;
  }

  dispose(): void {
    this.stop();
  }

  private observe(entry: TraceEntry): void {
    if (entry.type === 'message') {
      if (entry.direction === 'outgoing' && entry.method === 'server/discover' && entry.messageKind === 'request') {
        this.probeSeq = entry.seq;
        this.outcome = undefined;
        return;
      }
      if (this.probeSeq === undefined || entry.requestSeq !== this.probeSeq) return;
      this.outcome = fromMessage(entry.message);
      this.offered = offeredVersions(entry.message);
    } else if (entry.type === 'http' && this.probeSeq !== undefined && !this.outcome && isProbePost(entry.requestBody)) {
      if (entry.phase === 'complete' && entry.status !== undefined && entry.status >= 300) {
        const body = (entry.responseBody ?? '').replace(/\s+/g, ' ').trim().slice(0, BODY_EXCERPT_CHARS);
        this.outcome = { outcome: 'http-status', detail: `HTTP ${entry.status}${body ? ` (${body})` : ''}` };
      }
    } else if (entry.type === 'lifecycle' && this.probeSeq !== undefined && !this.outcome && entry.state === 'closed') {
      this.outcome = { outcome: 'exited', detail: 'the server closed the connection when probed' };
    } else if (entry.type === 'websocket' && entry.event === 'close' && this.probeSeq !== undefined && !this.outcome) {
      this.outcome = { outcome: 'exited', detail: `the server closed the WebSocket (code ${entry.closeCode ?? 'none'}) when probed` };
    }
  }

  /** The process exited (stdio): only the connection knows, the transport tells no one else. */
  noteExit(detail: string): void {
    if (this.probeSeq !== undefined && !this.outcome) this.outcome = { outcome: 'exited', detail };
  }
}

function offeredVersions(message: unknown): string[] {
  const versions = (message as { result?: { supportedVersions?: unknown } } | undefined)?.result?.supportedVersions;
  return Array.isArray(versions) ? versions.filter((v): v is string => typeof v === 'string') : [];
}

function fromMessage(message: unknown): ProbeOutcome {
  const m = (message ?? {}) as { result?: { supportedVersions?: unknown }; error?: { code?: unknown; message?: unknown } };
  if (m.error) {
    const code = typeof m.error.code === 'number' ? m.error.code : undefined;
    const text = typeof m.error.message === 'string' ? m.error.message : 'an error';
    if (code === -32601) return { outcome: 'method-not-found', detail: `Method not found (-32601): ${text}` };
    return { outcome: 'json-rpc-error', detail: `JSON-RPC error ${code ?? '(no code)'}: ${text}` };
  }
  const versions = offeredVersions(message);
  if (versions.length) return { outcome: 'modern', detail: `offered ${versionWords(versions)}` };
  return { outcome: 'other', detail: 'a result without supportedVersions' };
}

function isProbePost(body: string | undefined): boolean {
  return body !== undefined && body.includes('"server/discover"');
}
