import type { LifecycleEntry, TraceEntry } from '../../../shared/model/trace';
import { DEFAULT_SESSION_FILE_CAP_BYTES, describeBytes } from '../../../shared/model/trace-size';
import { SessionFileWriter } from '../capture/session-file';
import type { TraceBus } from '../capture/trace-bus';
import { lineBytesBound } from './session-line-bound';
import { takeMessageJson } from '../capture/message-json';

/** How long entries wait before going to the writer: short enough to be "as it happens". */
const BATCH_MS = 20;
const BATCH_ENTRIES = 512;
/** Kept free under the cap for the line that says recording stopped. */
const NOTICE_RESERVE_BYTES = 8 * 1024;

export interface SessionRecordingOptions {
  /** The most bytes the file may hold (header included); recording stops before passing it. */
  capBytes?: number;
}

interface Pending {
  entry: TraceEntry;
  /** A message entry's message as JSON text, when the traced transport had it (see message-json.ts). */
  messageJson?: string;
  /** Serialized already (near the cap, where the exact size decides), else serialized at flush. */
  line?: string;
  /** Bytes counted for it so far: exact when `line` is set, an upper bound otherwise. */
  counted: number;
}

/**
 * A connection's session file: opened before the first entry (so the file holds the whole
 * story), fed every entry of the bus whole and in order, flushed and closed with the connection.
 *
 * Entries are handed to the writer in small batches off the request's path: serializing and
 * writing each entry the moment it is emitted put a file write into every round trip, which
 * the capture-overhead benchmark showed as a large part of the engine's cost. Entries are
 * immutable once emitted, so serializing them a few milliseconds later changes nothing.
 *
 * The file has a size cap. Whether an entry still fits is decided the moment it is emitted (so
 * its in-memory copy can say truthfully whether the file has it): an upper bound of its line's
 * size is counted then, and the exact size once it is written; near the cap the entry is
 * serialized at once. When an entry does not fit, recording stops: a lifecycle entry says so
 * (the last line of the file), and the connection goes on with its trace in memory only.
 */
export class SessionRecording {
  private writer?: SessionFileWriter;
  private detach?: () => void;
  private opening?: Promise<void>;
  private batch: Pending[] = [];
  private timer?: NodeJS.Timeout;
  /** Bytes in the file plus those counted for entries not written yet; never above the cap. */
  private committed = 0;
  /** The first entry the file does not have, once recording stopped. */
  private stoppedAt?: number;
  /** The first entry the file has, and the first after it was closed. */
  private firstSeq?: number;
  private closedAt?: number;
  private readonly capBytes: number;

  constructor(
    private readonly bus: TraceBus,
    private readonly path: string | undefined,
    private readonly meta: Record<string, unknown>,
    options: SessionRecordingOptions = {},
  ) {
    this.capBytes = options.capBytes ?? DEFAULT_SESSION_FILE_CAP_BYTES;
  }

  open(): Promise<void> {
    if (!this.path || this.writer) return Promise.resolve();
    this.opening ??= SessionFileWriter.open(this.path, this.meta).then((writer) => {
      this.writer = writer;
      this.firstSeq = this.bus.peekNextSeq();
      this.committed = writer.headerBytes;
      this.detach = this.bus.subscribeFull((entry) => this.enqueue(entry));
    });
    return this.opening;
  }

  get filePath(): string | undefined {
    return this.writer?.path;
  }

  /** Whether the file has (or is about to have) the entry with this seq. */
  holds(seq: number): boolean {
    return this.firstSeq !== undefined && seq >= this.firstSeq && (this.stoppedAt === undefined || seq < this.stoppedAt) && (this.closedAt === undefined || seq < this.closedAt);
  }

  /** Everything accepted so far is in the file (rejects if the disk failed). */
  async flush(): Promise<void> {
    this.flushBatch();
    await this.writer?.flush();
  }

  async close(): Promise<void> {
    await this.opening?.catch(() => undefined);
    if (this.firstSeq !== undefined) this.closedAt ??= this.bus.peekNextSeq();
    this.detach?.();
    this.flushBatch();
    const writer = this.writer;
    this.writer = undefined;
    await writer?.close().catch(() => undefined);
  }

  private enqueue(entry: TraceEntry): void {
    const writer = this.writer;
    if (!writer) return;
    if (this.stoppedAt !== undefined) {
      // Only the notice that recording stopped still goes in, into the room kept for it.
      if (isStopNotice(entry, this.stoppedAt)) this.push({ entry, line: writer.serialize(entry), counted: 0 });
      return;
    }
    // Taken now, while the entry is being emitted: the text is offered only for that moment.
    const messageJson = entry.type === 'message' ? takeMessageJson(entry.message) : undefined;
    const bound = lineBytesBound(entry);
    if (bound <= this.room()) {
      this.committed += bound;
      return this.push({ entry, counted: bound, ...(messageJson !== undefined ? { messageJson } : {}) });
    }
    // Near the cap: count what is queued exactly (writing it now), then measure this entry.
    this.flushBatch();
    const line = writer.serialize(entry, messageJson);
    const bytes = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes <= this.room()) {
      this.committed += bytes;
      return this.push({ entry, line, counted: bytes });
    }
    this.stop(entry.seq);
  }

  /** Bytes still free for entries (the notice's reserve kept aside). */
  private room(): number {
    return this.capBytes - NOTICE_RESERVE_BYTES - this.committed;
  }

  private push(pending: Pending): void {
    this.batch.push(pending);
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
    if (!writer) return;
    for (const { entry, line, counted, messageJson } of batch) {
      if (this.stoppedAt !== undefined && entry.seq >= this.stoppedAt && !isStopNotice(entry, this.stoppedAt)) continue;
      const text = line ?? writer.serialize(entry, messageJson);
      if (line === undefined) {
        const bytes = Buffer.byteLength(text, 'utf8') + 1;
        // The bound is generous; should a line still outgrow it (a very short secret masked many
        // times), the cap wins over the entry.
        if (this.committed - counted + bytes > this.capBytes) {
          if (this.stoppedAt === undefined) this.stop(entry.seq);
          continue;
        }
        this.committed += bytes - counted;
      }
      writer.writeLine(text);
    }
  }

  /** Recording ends here; the notice is emitted once the current entry has reached everyone. */
  private stop(fromSeq: number): void {
    this.stoppedAt = fromSeq;
    const path = this.path!;
    const text = `Recording stopped: the session file reached its cap of ${describeBytes(this.capBytes)} (${path}). The connection goes on; entries from #${fromSeq} on are kept in memory only.`;
    const notice: Omit<LifecycleEntry, 'seq' | 'connectionId' | 'wallTime' | 'monoTime'> = {
      type: 'lifecycle',
      state: 'info',
      text,
      recordingStopped: { reason: 'cap', path, capBytes: this.capBytes, fromSeq },
    };
    queueMicrotask(() => this.bus.emit(notice));
  }
}

function isStopNotice(entry: TraceEntry, stoppedAt: number): boolean {
  return entry.type === 'lifecycle' && entry.recordingStopped?.fromSeq === stoppedAt;
}

/** `<label>-<time>-<random>.ndjson`, safe on every file system; the label must already be redacted. */
export function sessionFileName(label: string): string {
  const safe = label.replace(/^[a-z]+:\/\//i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'session';
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${safe}-${stamp}-${Math.random().toString(36).slice(2, 8)}.ndjson`;
}
