/**
 * The built-in playground's placeholder host: a saved remote whose URL has it is pointed at the
 * running playground (127.0.0.1, a free port) when it connects, so its URL survives restarts.
 */
export const PLAYGROUND_HOST = 'playground.localhost';

/** True when `url` (a remote's URL, possibly malformed or absent) targets the built-in playground. */
export function isPlaygroundUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).hostname === PLAYGROUND_HOST;
  } catch {
    return false;
  }
}
