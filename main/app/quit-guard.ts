import { app } from 'electron';

/**
 * On quit, first close every connection properly (MCP sessions DELETEd on the server where the
 * transport has them) and flush every session file, then exit. Electron does not wait for
 * promises in 'before-quit', so the first quit is held back with preventDefault and the app
 * exits itself once the work is done (or after a time limit, so a hung server cannot keep
 * the app from quitting).
 */
export function guardQuit(shutdown: () => Promise<void>, limitMs = 5_000): void {
  let state: 'running' | 'closing' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    const limit = new Promise<void>((resolve) => setTimeout(resolve, limitMs).unref());
    void Promise.race([shutdown().catch((error: unknown) => console.error('Shutdown failed:', error)), limit]).finally(() => {
      state = 'done';
      app.exit(0);
    });
  });
}
