import type { TraceBuffer } from './trace-buffer';
import type { TraceBus } from './trace-bus';
import type { SessionFileWriter } from './session-file';

export interface RecorderTargets {
  buffer?: TraceBuffer;
  file?: SessionFileWriter;
}

/**
 * Wires a connection's trace bus to its keepers: the bounded in-memory buffer (the held copies)
 * and, when the session is recorded, the file (every entry whole). Both get every entry in the
 * same order, which is what lets the file hold everything the buffer had to evict or cut.
 * Returns the detach function; detaching does not close the file (its owner decides when to
 * flush and close).
 */
export function attachRecorder(bus: TraceBus, targets: RecorderTargets): () => void {
  const { buffer, file } = targets;
  const stopFile = file ? bus.subscribeFull((entry) => file.write(entry)) : undefined;
  const stopBuffer = buffer ? bus.subscribe((entry) => buffer.push(entry)) : undefined;
  return () => {
    stopFile?.();
    stopBuffer?.();
  };
}
