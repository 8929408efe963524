import { SessionFileWriter } from '../capture/session-file';
import type { TraceBus } from '../capture/trace-bus';

/**
 * A connection's session file: opened before the first entry (so the file holds the whole
 * story), fed every entry of the bus in order, flushed and closed with the connection.
 */
export class SessionRecording {
  private writer?: SessionFileWriter;
  private detach?: () => void;
  private opening?: Promise<void>;

  constructor(
    private readonly bus: TraceBus,
    private readonly path: string | undefined,
    private readonly meta: Record<string, unknown>,
  ) {}

  open(): Promise<void> {
    if (!this.path || this.writer) return Promise.resolve();
    this.opening ??= SessionFileWriter.open(this.path, this.meta).then((writer) => {
      this.writer = writer;
      this.detach = this.bus.subscribe((entry) => writer.write(entry));
    });
    return this.opening;
  }

  get filePath(): string | undefined {
    return this.writer?.path;
  }

  async close(): Promise<void> {
    await this.opening?.catch(() => undefined);
    this.detach?.();
    const writer = this.writer;
    this.writer = undefined;
    await writer?.close().catch(() => undefined);
  }
}
