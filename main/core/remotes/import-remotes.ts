import type { Remote, RemoteInput } from '../../../shared/model';
import { isPeriscopeError } from '../diagnostics/periscope-error';
import { DuplicateIndex } from './import-duplicates';
import type { ImportCandidate, ImportFormat } from './remote-import';

export interface ImportEntryReport {
  source: string;
  name: string;
  status: 'imported' | 'skipped';
  /** Why an entry was skipped. */
  reason?: string;
  remoteId?: string;
  /** The saved remote this entry is the same as (skipped: importing a file twice changes nothing). */
  duplicateOf?: string;
  warnings: string[];
}

export interface ImportReport {
  format: ImportFormat;
  entries: ImportEntryReport[];
  imported: number;
  skipped: number;
}

interface Creator {
  list(): Promise<Remote[]>;
  create(input: RemoteInput): Promise<{ remote: Remote; warnings: string[] }>;
}

/**
 * Saves candidates one by one; one bad entry never stops the others. A name the file chose
 * that is already taken is skipped (the user decides); a name made up from the URL gets a suffix.
 */
export async function importCandidates(service: Creator, format: ImportFormat, candidates: ImportCandidate[]): Promise<ImportReport> {
  const existing = await service.list();
  const taken = new Set(existing.map((r) => r.name.toLowerCase()));
  const duplicates = new DuplicateIndex(existing);
  const entries: ImportEntryReport[] = [];
  for (const candidate of candidates) {
    const base = { source: candidate.source, name: candidate.name, warnings: [...candidate.warnings] };
    if (!candidate.draft) {
      entries.push({ ...base, status: 'skipped', reason: candidate.skipped });
      continue;
    }
    const twin = duplicates.find(candidate.name, candidate.draft);
    if (twin) {
      entries.push({ ...base, status: 'skipped', reason: `already present as "${twin}" (same name and ${candidate.draft.transport === 'stdio' ? 'command' : 'URL'})`, duplicateOf: twin });
      continue;
    }
    duplicates.add(candidate.name, candidate.draft);
    let name = candidate.name;
    if (taken.has(name.toLowerCase())) {
      if (!candidate.nameDerived) {
        entries.push({ ...base, status: 'skipped', reason: `a remote named "${name}" already exists` });
        continue;
      }
      let n = 2;
      while (taken.has(`${candidate.name} ${n}`.toLowerCase())) n++;
      name = `${candidate.name} ${n}`;
    }
    try {
      const { remote, warnings } = await service.create({ ...candidate.draft, name });
      taken.add(remote.name.toLowerCase());
      entries.push({ ...base, name: remote.name, status: 'imported', remoteId: remote.id, warnings: [...base.warnings, ...warnings] });
    } catch (error) {
      if (!isPeriscopeError(error)) throw error;
      entries.push({ ...base, name, status: 'skipped', reason: error.info.message });
    }
  }
  const imported = entries.filter((e) => e.status === 'imported').length;
  return { format, entries, imported, skipped: entries.length - imported };
}
