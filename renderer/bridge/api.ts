import type { PeriscopeApi } from '../../shared/ipc/periscope-api';

/**
 * The one place that touches window.periscope (ARCHITECTURE.md rule 6). Everything else in the
 * renderer goes through the actions in this folder.
 */
export function periscope(): PeriscopeApi {
  return window.periscope;
}

/** False when the page runs without the preload (opened in a plain browser). */
export function hasPeriscope(): boolean {
  return typeof window !== 'undefined' && typeof window.periscope === 'object' && window.periscope !== null;
}
