/**
 * Node's process warnings (MaxListenersExceededWarning and the like) emitted while `work` runs,
 * as `name: message`. Such a warning lands on the user's terminal: the engine must not cause one
 * in normal use.
 */
export async function warningsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const onWarning = (warning: Error) => seen.push(`${warning.name}: ${warning.message}`);
  process.on('warning', onWarning);
  try {
    await work();
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  return seen;
}
