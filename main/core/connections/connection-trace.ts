import type { TraceEntry } from '../../../shared/model/trace';
import { DEFAULT_CONNECTION_BUDGET_BYTES, DEFAULT_ENTRY_CAP_BYTES } from '../../../shared/model/trace-size';
import { heldCopy } from '../capture/held-copy';
import { TraceBuffer } from '../capture/trace-buffer';
import { Redactor } from '../capture/redaction';
import { TraceBus } from '../capture/trace-bus';
import { SessionRecording } from './session-recording';

export interface ConnectionTraceOptions {
  bufferCapacity?: number;
  /** The most bytes the in-memory buffer holds (default 64 MiB); the oldest entries go first. */
  bufferBudgetBytes?: number;
  /** The most of one payload an in-memory copy keeps (default 1 MiB); the session file has it whole. */
  entryCapBytes?: number;
  /** Session file to stream the trace to (NDJSON). */
  recordTo?: string;
  /** The most bytes the session file may grow to (default 500 MiB); recording stops there. */
  sessionFileCapBytes?: number;
}

/**
 * Where one connection's trace goes: its bus, the bounded in-memory buffer (held copies: huge or
 * too-deep payloads cut, with a marker) and the session file (every entry whole, up to its cap).
 */
export class ConnectionTrace {
  readonly bus: TraceBus;
  readonly buffer: TraceBuffer;
  private readonly recording: SessionRecording;
  private recordedTo: string | undefined;
  /** True once the in-memory entries were dropped: the trace is then read from the session file. */
  released = false;

  constructor(connectionId: string, meta: Record<string, unknown>, private readonly options: ConnectionTraceOptions = {}, redactor: Redactor = new Redactor()) {
    // The bus redacts every entry with the connection's Redactor before anything sees it.
    this.bus = new TraceBus(connectionId, redactor);
    this.buffer = new TraceBuffer(options.bufferCapacity, options.bufferBudgetBytes ?? DEFAULT_CONNECTION_BUDGET_BYTES, () => this.bus.settle());
    this.bus.subscribe((entry) => this.buffer.push(entry));
    this.recording = new SessionRecording(this.bus, options.recordTo, meta, { capBytes: options.sessionFileCapBytes });
    const entryCapBytes = options.entryCapBytes ?? DEFAULT_ENTRY_CAP_BYTES;
    this.bus.setHolder((entry) => heldCopy(entry, { entryCapBytes, inSessionFile: this.recording.holds(entry.seq) }));
  }

  /** Opens the session file (when one is asked for) before the first entry. */
  open(): Promise<void> {
    return this.recording.open();
  }

  /** The session file, once it was opened (also after closing). */
  get sessionFile(): string | undefined {
    return this.recording.filePath ?? this.recordedTo;
  }

  /** Puts every entry recorded so far into the session file. */
  flush(): Promise<void> {
    this.bus.settle();
    return this.recording.flush();
  }

  async close(): Promise<void> {
    this.bus.settle();
    this.recordedTo = this.recording.filePath ?? this.recordedTo;
    await this.recording.close();
  }

  /** The entries memory holds that the session file does not (recording stopped at its cap). */
  notRecorded(): TraceEntry[] {
    return this.buffer.entries().filter((entry) => !this.recording.holds(entry.seq));
  }

  /** Forgets the in-memory entries once closed, when the session file has them; false (buffer kept) otherwise. */
  release(): boolean {
    if (!this.recordedTo || this.released) return this.released;
    this.buffer.clear();
    this.released = true;
    return true;
  }
}
