import { rm } from 'node:fs/promises';

/**
 * The files this window opened through main's own open dialog (session files, repro bundles),
 * each with the session file that holds its trace (a bundle's is a private copy). The renderer
 * may name them back (to export a HAR) but no other path: a path from the renderer would let a
 * compromised page read any file (ARCHITECTURE.md, IPC rules).
 */
export class OpenedFiles {
  private readonly sessions = new Map<string, string>();
  /** Folders of private copies made here (a bundle's session), removed when the app shuts down. */
  private readonly copies = new Set<string>();

  add(shownPath: string, sessionFile: string): void {
    this.sessions.set(shownPath, sessionFile);
  }

  /** The session file behind a path this window opened; undefined for any other path. */
  sessionFileOf(shownPath: string): string | undefined {
    return this.sessions.get(shownPath);
  }

  /** Remembers a folder of private copies to remove at shutdown. */
  addCopyFolder(dir: string): void {
    this.copies.add(dir);
  }

  /** Removes every private copy (at shutdown); a folder already gone is fine. */
  async removeCopies(): Promise<void> {
    await Promise.all([...this.copies].map((dir) => rm(dir, { recursive: true, force: true }).catch(() => undefined)));
    this.copies.clear();
  }
}
