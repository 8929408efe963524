import { mkdirSync, watch, type FSWatcher } from 'node:fs';

/**
 * Calls `onChange` when remotes.json in `dataDir` changes, from this process or another (the
 * `periscope` CLI shares the data folder), debounced because an atomic write is a burst of
 * events. Watches the folder, not the file: the atomic rename replaces the file's inode.
 */
export function watchRemotesFile(dataDir: string, onChange: () => void, options: { fileName?: string; debounceMs?: number } = {}): () => void {
  const fileName = options.fileName ?? 'remotes.json';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    watcher = watch(dataDir, { persistent: false }, (_event, name) => {
      if (name !== null && name !== fileName) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, options.debounceMs ?? 100);
    });
    watcher.on('error', () => watcher?.close()); // the folder vanished: nothing left to watch
  } catch {
    // No watching (e.g. a file system without notifications): the app still works, it only misses outside edits.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
