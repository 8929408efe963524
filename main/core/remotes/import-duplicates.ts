import type { Remote, RemoteInput } from '../../../shared/model';

/**
 * What makes an imported entry "the same remote" as one already saved: the same name (or the
 * name it would get with a " 2" suffix) pointing at the same place, i.e. the same transport
 * family and URL, or the same command line. Importing a file twice then changes nothing.
 */
export class DuplicateIndex {
  /** Keyed by endpoint and base name together, so a big file stays linear. */
  private readonly firstName = new Map<string, string>();

  constructor(existing: readonly Remote[]) {
    for (const remote of existing) this.add(remote.name, remote);
  }

  /** The saved remote this candidate duplicates, if any. */
  find(name: string, draft: Pick<RemoteInput, 'transport' | 'url' | 'command' | 'args'>): string | undefined {
    return this.firstName.get(duplicateKey(name, draft));
  }

  add(name: string, draft: Pick<RemoteInput, 'transport' | 'url' | 'command' | 'args'>): void {
    const key = duplicateKey(name, draft);
    if (!this.firstName.has(key)) this.firstName.set(key, name);
  }
}

function duplicateKey(name: string, draft: Pick<RemoteInput, 'transport' | 'url' | 'command' | 'args'>): string {
  return `${endpointKey(draft)}\u0001${baseName(name)}`;
}

/** "Staging 2" and "staging" are the same name for this purpose (suffixes come from earlier imports). */
function baseName(name: string): string {
  return name.trim().toLowerCase().replace(/ \d+$/, '');
}

function endpointKey(draft: Pick<RemoteInput, 'transport' | 'url' | 'command' | 'args'>): string {
  if (draft.transport === 'stdio' || (!draft.url && draft.command)) return `cmd:${[draft.command ?? '', ...(draft.args ?? [])].join('\u0000')}`;
  return `url:${normalizeUrl(draft.url ?? '')}`;
}

function normalizeUrl(raw: string): string {
  try {
    const url = new URL(raw.trim());
    return url.href.replace(/\/$/, '');
  } catch {
    return raw.trim();
  }
}
