import type { MessageEntry, TraceEntry } from '../../shared/model';

export interface MethodLatency {
  method: string;
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Latency per JSON-RPC method from a trace: every answered request (the response or error entry
 * carries latencyMs and the seq of its request, whose method names the row).
 */
export function summarizeLatency(entries: TraceEntry[]): MethodLatency[] {
  const methodBySeq = new Map<number, string>();
  const samples = new Map<string, number[]>();
  for (const entry of entries) {
    if (entry.type !== 'message') continue;
    if (entry.messageKind === 'request' && entry.method) methodBySeq.set(entry.seq, entry.method);
    if (entry.latencyMs === undefined) continue;
    const method = methodOf(entry, methodBySeq);
    const list = samples.get(method) ?? [];
    list.push(entry.latencyMs);
    samples.set(method, list);
  }
  return [...samples.entries()]
    .map(([method, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { method, count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
    })
    .sort((a, b) => a.method.localeCompare(b.method));
}

function methodOf(entry: MessageEntry, methodBySeq: Map<number, string>): string {
  return (entry.requestSeq !== undefined ? methodBySeq.get(entry.requestSeq) : undefined) ?? entry.method ?? '(unknown)';
}

/** Nearest-rank percentile of an ascending list (no interpolation: every value was observed). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function formatLatencyTable(rows: MethodLatency[]): string[] {
  if (rows.length === 0) return ['(no answered requests)'];
  const width = Math.max(6, ...rows.map((r) => r.method.length));
  const ms = (n: number) => n.toFixed(2).padStart(9);
  const header = `${'method'.padEnd(width)}  ${'count'.padStart(5)}  ${'p50 ms'.padStart(9)}  ${'p95 ms'.padStart(9)}  ${'max ms'.padStart(9)}`;
  return [header, ...rows.map((r) => `${r.method.padEnd(width)}  ${String(r.count).padStart(5)}  ${ms(r.p50)}  ${ms(r.p95)}  ${ms(r.max)}`)];
}
