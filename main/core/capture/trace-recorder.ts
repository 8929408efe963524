import type { TraceBuffer } from './trace-buffer';
import type { TraceBus } from './trace-bus';
import type { SessionFileWriter } from './session-file';

export interface RecorderTargets {
  buffer?: TraceBuffer;
  file?: SessionFileWriter;
}

/**
 * Wires a connection's trace bus to its keepers: the bounded in-memory buffer and, when the
 * session is recorded, the file. Both get every entry in the same order, which is what lets
 * the file hold everything the buffer had to evict. Returns the detach function; detaching
 * does not close the file (its owner decides when to flush and close).
 */
export function attachRecorder(bus: TraceBus, targets: RecorderTargets): () => void {
  const { buffer, file } = targets;
  if (buffer && file) {
    return bus.subscribe((entry) => {
      buffer.push(entry);
      file.write(entry);
    });
  }
  if (buffer) return bus.subscribe((entry) => buffer.push(entry));
  if (file) return bus.subscribe((entry) => file.write(entry));
  return () => undefined;
}
