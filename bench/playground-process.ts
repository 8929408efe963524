import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startPlayground } from '../main/core/playground/start-playground';
import { spawnTsx } from './tsx-process';
import type { PlaygroundUrls } from '../main/core/playground/playground-options';

/** The playground serving from a child process; close() ends the process. */
export interface PlaygroundProcess {
  urls: PlaygroundUrls;
  close(): Promise<void>;
}

/**
 * Starts the playground in a Node process of its own (on a free 127.0.0.1 port), as a remote
 * server is: its work and its garbage collection happen beside the client's, not on the client's
 * own thread. Resolves once it serves; rejects when the process ends before that.
 */
export function startPlaygroundProcess(): Promise<PlaygroundProcess> {
  // Its stdin is a pipe from us: when we end, however we end, it closes and the child ends too.
  const child = spawnTsx(fileURLToPath(import.meta.url), [], 'pipe');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<PlaygroundProcess>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolve({
        urls: JSON.parse(line) as PlaygroundUrls,
        close: async () => {
          child.kill();
          await exited;
        },
      });
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`the playground process ended before it served (exit code ${child.exitCode})`)));
  });
}

// Run as the child: serve and print the URLs as one JSON line, until the parent's pipe closes.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdin.on('end', () => process.exit(0)).resume();
  const playground = await startPlayground();
  process.stdout.write(`${JSON.stringify(playground.urls)}\n`);
}
