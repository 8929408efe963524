import type { TraceEntry } from '../../../shared/model/trace';
import { SessionFileWriter } from '../capture/session-file';
import type { TraceBus } from '../capture/trace-bus';

/** How long entries wait before going to the writer: short enough to be "as it happens". */
const BATCH_MS = 20;
const BATCH_ENTRIES = 512;

/**
 * A connection's session file: opened before the first entry (so the file holds the whole
 * story), fed every entry of the bus in order, flushed and closed with the connection.
 *
 * Entries are handed to the writer in small batches off the request's path: serializing and
 * writing each entry the moment it is emitted put a file write into every round trip, which
 * the capture-overhead benchmark showed as a large part of the engine's cost. Entries are
 * immutable once emitted, so serializing them a few milliseconds later changes nothing.
 */
export class SessionRecording {
  private writer?: SessionFileWriter;
  private detach?: () => void;
  private opening?: Promise<void>;
  private batch: TraceEntry[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly bus: TraceBus,
    private readonly path: string | undefined,
    private readonly meta: Record<string, unknown>,
  ) {}

  open(): Promise<void> {
    if (!this.path || this.writer) return Promise.resolve();
    this.opening ??= SessionFileWriter.open(this.path, this.meta).then((writer) => {
      this.writer = writer;
      this.detach = this.bus.subscribe((entry) => this.enqueue(entry));
    });
    return this.opening;
  }

  get filePath(): string | undefined {
    return this.writer?.path;
  }

  async close(): Promise<void> {
    await this.opening?.catch(() => undefined);
    this.detach?.();
    this.flushBatch();
    const writer = this.writer;
    this.writer = undefined;
    await writer?.close().catch(() => undefined);
  }

  private enqueue(entry: TraceEntry): void {
    this.batch.push(entry);
    if (this.batch.length >= BATCH_ENTRIES) this.flushBatch();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flushBatch(), BATCH_MS);
      this.timer.unref();
    }
  }

  private flushBatch(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const writer = this.writer;
    const batch = this.batch;
    this.batch = [];
    if (writer) for (const entry of batch) writer.write(entry);
  }
}

/** `<label>-<time>-<random>.ndjson`, safe on every file system; the label must already be redacted. */
export function sessionFileName(label: string): string {
  const safe = label.replace(/^[a-z]+:\/\//i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'session';
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${safe}-${stamp}-${Math.random().toString(36).slice(2, 8)}.ndjson`;
}
