import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/client';
import { redactorForHeaders } from '../main/core/capture/redaction';
import { SessionFileWriter } from '../main/core/capture/session-file';
import { TraceBuffer } from '../main/core/capture/trace-buffer';
import { TraceBus } from '../main/core/capture/trace-bus';
import { traceTransport } from '../main/core/capture/traced-transport';
import { attachRecorder } from '../main/core/capture/trace-recorder';

const MESSAGES = 100_000;
/** Messages fed between yields to the event loop, as a busy socket would deliver them. */
const BURST = 500;
const LOG_TEXT = 'Processed chunk of the nightly import: 512 records validated, 3 skipped (duplicate keys), queue depth 17, ';

/** A realistic server notification of about 300 bytes: a log message or a progress update. */
function notification(i: number): JSONRPCMessage {
  if (i % 2 === 0) {
    return {
      jsonrpc: '2.0',
      method: 'notifications/message',
      params: { level: 'info', logger: 'importer', data: { text: `${LOG_TEXT}batch ${i}`, elapsedMs: i % 997, worker: `w-${i % 8}` } },
    };
  }
  return {
    jsonrpc: '2.0',
    method: 'notifications/progress',
    params: { progressToken: `op-${i >> 10}`, progress: i, total: MESSAGES, message: `${LOG_TEXT.slice(0, 120)}step ${i} of ${MESSAGES}` },
  };
}

/** The transport under the traced one: the bench plays the server by calling its onmessage. */
function feedableTransport(): Transport {
  return { start: async () => undefined, send: async () => undefined, close: async () => undefined };
}

/**
 * 100,000 server notifications through the traced transport into a trace bus with the default
 * buffer (so it evicts half) and a session file, as the engine wires them. A secret header is
 * configured, so the bus's redaction runs on every entry. Throughput counts until the file is
 * flushed and closed. Targets: at least 50,000 messages/s, peak RSS under 300 MB.
 */
export async function benchTraceIngest(): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'periscope-bench-ingest-'));
  try {
    const redactor = redactorForHeaders([{ name: 'Authorization', value: 'Bearer bench-token-5f2c8a9d0e' }]);
    const bus = new TraceBus('bench-ingest', redactor);
    const buffer = new TraceBuffer();
    const file = await SessionFileWriter.open(join(dir, 'session.ndjson'));
    const detach = attachRecorder(bus, { buffer, file });
    const inner = feedableTransport();
    const traced = traceTransport(inner, bus);
    let delivered = 0;
    traced.onmessage = () => void delivered++;
    await traced.start();

    let peakRss = process.memoryUsage().rss;
    const started = performance.now();
    for (let i = 0; i < MESSAGES; i++) {
      inner.onmessage!(notification(i));
      if (i % BURST === BURST - 1) {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await file.close();
    const seconds = (performance.now() - started) / 1000;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    detach();

    if (delivered !== MESSAGES) throw new Error(`trace-ingest: ${delivered} of ${MESSAGES} messages reached the client`);
    if (buffer.size + buffer.evicted !== MESSAGES) throw new Error('trace-ingest: the buffer did not see every entry');
    const fileBytes = (await stat(file.path)).size;
    return {
      'trace-ingest-msgs-per-s': MESSAGES / seconds,
      'trace-ingest-peak-rss-mb': peakRss / (1024 * 1024),
      'trace-ingest-file-mb': fileBytes / (1024 * 1024),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
