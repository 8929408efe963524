import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import packageJson from '../../../package.json';
import { jsonText } from '../../../shared/json/json-text';
import type { TraceEntry } from '../../../shared/model/trace';
import type { PeriscopeError } from '../diagnostics/periscope-error';
import { SESSION_FORMAT, SESSION_VERSION, storageError, type SessionHeader } from './session-header';
import { keepNewest } from '../../../shared/collections/keep-newest';

export { SESSION_FORMAT, SESSION_VERSION, SessionHeader } from './session-header';
export { readSessionFile, DEFAULT_MAX_LINE_BYTES, type ReadSessionOptions, type SessionRead } from './session-file-reader';

/** sse-event seqs written lately, so a message that came in one can point at it instead of repeating it. */
const WRITTEN_EVENTS_KEPT = 256;

/** Pending text beyond this is handed to the stream at once instead of waiting for the interval. */
const FLUSH_THRESHOLD_CHARS = 256 * 1024;

/**
 * How long queued lines wait before they are written, in milliseconds. Each write to the file
 * costs a system call and a thread-pool hand-off (50 to 150 µs of CPU here, as much as capturing
 * a whole call): writing once per interval instead of once per tick keeps that off each request.
 * A crash loses at most this much of the file; close() and flush() write everything at once.
 */
const FLUSH_INTERVAL_MS = 100;

/**
 * Streams a connection's trace to an NDJSON file as it happens, so what the in-memory buffer
 * evicts is still on disk. write() only queues a line: lines are joined and handed to the
 * file stream every FLUSH_INTERVAL_MS (at once when a lot piled up), and while the stream is
 * saturated they wait in memory for 'drain', so a chatty server never blocks the event loop on
 * disk.
 */
export class SessionFileWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private scheduled = false;
  private waitingForDrain = false;
  private closed = false;
  private failure: PeriscopeError | undefined;
  private readonly writtenEvents = new Set<number>();
  /** Bytes of the header line (with its newline). */
  headerBytes = 0;

  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => {
      this.failure ??= storageError(`Could not write the session file ${path}`, error);
    });
    stream.on('drain', () => {
      this.waitingForDrain = false;
      this.drain();
    });
  }

  /**
   * Creates (or replaces) the file and writes its header. `meta.app` names the writing app;
   * every other meta field is kept under the header's `meta`.
   */
  static async open(path: string, meta: object = {}): Promise<SessionFileWriter> {
    const { app, ...rest } = meta as { app?: { name: string; version: string } };
    const header: SessionHeader = {
      format: SESSION_FORMAT,
      version: SESSION_VERSION,
      createdAt: Date.now(),
      app: app ?? { name: 'MCP Periscope', version: packageJson.version },
      ...(Object.keys(rest).length > 0 ? { meta: rest } : {}),
    };
    try {
      await mkdir(dirname(path), { recursive: true });
      // 0600: a session holds the conversation with a server, which may be private even redacted.
      const stream = createWriteStream(path, { flags: 'w', mode: 0o600 });
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
      const writer = new SessionFileWriter(path, stream);
      const line = JSON.stringify(header);
      writer.headerBytes = Buffer.byteLength(line, 'utf8') + 1;
      writer.queue(line);
      return writer;
    } catch (error) {
      throw storageError(`Could not create the session file ${path}`, error);
    }
  }

  /** The write failure that stopped recording (disk full, file removed...), if any. */
  get error(): PeriscopeError | undefined {
    return this.failure;
  }

  /** Queues one entry; never blocks. Entries after close() or a write failure are dropped. */
  write(entry: TraceEntry): void {
    if (this.closed || this.failure) return;
    this.queue(this.serialize(entry));
  }

  /**
   * The line for one entry, which the caller promises to write (with writeLine) in entry order.
   * A message that an sse-event written before carried whole (`sseEventSeq`) leaves its payload
   * out: the file stores it once, in the event's data, and the reader puts it back. A message
   * nested deeper than JSON.stringify can go is serialized without recursion. `messageJson`: the
   * message's JSON text when the caller has it already (message-json.ts), spliced in instead of
   * serializing the message a second time.
   */
  serialize(entry: TraceEntry, messageJson?: string): string {
    let line: TraceEntry = entry;
    if (entry.type === 'sse-event') {
      this.writtenEvents.add(entry.seq);
      keepNewest(this.writtenEvents, WRITTEN_EVENTS_KEPT);
    } else if (entry.type === 'message' && entry.sseEventSeq !== undefined && this.writtenEvents.delete(entry.sseEventSeq)) {
      line = { ...entry, message: undefined };
    } else if (entry.type === 'message' && messageJson !== undefined) {
      // The entry without its message always has fields (seq, ...), so the text ends in `}`.
      const rest = JSON.stringify({ ...entry, message: undefined });
      return `${rest.slice(0, -1)},"message":${messageJson}}`;
    }
    try {
      return JSON.stringify(line);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return jsonText(line).text;
    }
  }

  /** Queues a line made by serialize(). */
  writeLine(line: string): void {
    if (this.closed || this.failure) return;
    this.queue(line);
  }

  /** False once closed or failed: nothing more reaches the file. */
  get writable(): boolean {
    return !this.closed && !this.failure;
  }

  /** Resolves when every entry written so far is in the file (rejects if the disk failed). */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    for (const chunk of this.takeChunks()) this.stream.write(chunk);
    await new Promise<void>((resolve, reject) => {
      // Stream writes complete in order: this callback means everything before it landed too.
      this.stream.write('', (error) => (error ? reject(error) : resolve()));
    }).catch((error: unknown) => {
      throw (this.failure ??= storageError(`Could not write the session file ${this.path}`, error));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } finally {
      this.closed = true;
      await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    }
  }

  private queue(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= FLUSH_THRESHOLD_CHARS) this.drain();
    else if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => {
        this.scheduled = false;
        this.drain();
      }, FLUSH_INTERVAL_MS);
    }
  }

  private drain(): void {
    if (this.waitingForDrain || this.pending.length === 0 || this.failure) return;
    for (const chunk of this.takeChunks()) if (!this.stream.write(chunk)) this.waitingForDrain = true;
  }

  /**
   * The pending lines as chunks to write: small lines joined (one write for many), a big line on
   * its own and its newline apart, so no joined string ever nears V8's longest string.
   */
  private takeChunks(): string[] {
    const chunks: string[] = [];
    let group: string[] = [];
    let groupChars = 0;
    const closeGroup = () => {
      if (group.length) chunks.push(group.join('\n') + '\n');
      group = [];
      groupChars = 0;
    };
    for (const line of this.pending) {
      if (line.length >= FLUSH_THRESHOLD_CHARS) {
        closeGroup();
        chunks.push(line, '\n');
        continue;
      }
      group.push(line);
      groupChars += line.length;
      if (groupChars >= FLUSH_THRESHOLD_CHARS) closeGroup();
    }
    closeGroup();
    this.pending = [];
    this.pendingChars = 0;
    return chunks;
  }
}
