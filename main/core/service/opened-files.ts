/**
 * The files this window opened through main's own open dialog (session files, repro bundles),
 * each with the session file that holds its trace (a bundle's is a private copy). The renderer
 * may name them back (to export a HAR) but no other path: a path from the renderer would let a
 * compromised page read any file (ARCHITECTURE.md, IPC rules).
 */
export class OpenedFiles {
  private readonly sessions = new Map<string, string>();

  add(shownPath: string, sessionFile: string): void {
    this.sessions.set(shownPath, sessionFile);
  }

  /** The session file behind a path this window opened; undefined for any other path. */
  sessionFileOf(shownPath: string): string | undefined {
    return this.sessions.get(shownPath);
  }
}
