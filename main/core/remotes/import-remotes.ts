import { reviewCommand, type CommandReview, type Remote, type RemoteInput } from '../../../shared/model';
import type { PeriscopeError } from '../diagnostics/periscope-error';
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
  /**
   * For an entry that runs a command (stdio): what runs, env names only. An imported one does
   * not run until the user confirms it (`needsConfirmation`).
   */
  command?: CommandReview & { needsConfirmation: boolean };
}

export interface ImportReport {
  format: ImportFormat;
  entries: ImportEntryReport[];
  imported: number;
  skipped: number;
}

interface Creator {
  list(): Promise<Remote[]>;
  createMany(inputs: RemoteInput[], options?: { imported?: boolean }): Promise<Array<{ remote: Remote; warnings: string[] } | { error: PeriscopeError }>>;
}

/**
 * Saves every usable candidate at once: one write of remotes.json for the whole file, in time
 * linear in its size. One bad entry never stops the others. A name the file chose that is
 * already taken is skipped (the user decides); a name made up from the URL gets a suffix.
 */
export async function importCandidates(service: Creator, format: ImportFormat, candidates: ImportCandidate[]): Promise<ImportReport> {
  const existing = await service.list();
  const taken = new Set(existing.map((r) => r.name.toLowerCase()));
  const duplicates = new DuplicateIndex(existing);
  /** Per base name, the next suffix to try, so thousands of "localhost:3000" stay linear. */
  const nextSuffix = new Map<string, number>();
  const entries: ImportEntryReport[] = new Array(candidates.length);
  const toCreate: Array<{ index: number; input: RemoteInput }> = [];
  for (const [index, candidate] of candidates.entries()) {
    const runs = candidate.draft?.transport === 'stdio' && candidate.draft.command;
    const command = runs ? { command: { ...reviewCommand(candidate.draft!), needsConfirmation: false } } : {};
    const base = { source: candidate.source, name: candidate.name, warnings: [...candidate.warnings], ...command };
    if (!candidate.draft) {
      entries[index] = { ...base, status: 'skipped', reason: candidate.skipped };
      continue;
    }
    const twin = duplicates.find(candidate.name, candidate.draft);
    if (twin) {
      entries[index] = { ...base, status: 'skipped', reason: `already present as "${twin}" (same name and ${candidate.draft.transport === 'stdio' ? 'command' : 'URL'})`, duplicateOf: twin };
      continue;
    }
    duplicates.add(candidate.name, candidate.draft);
    let name = candidate.name;
    if (taken.has(name.toLowerCase())) {
      if (!candidate.nameDerived) {
        entries[index] = { ...base, status: 'skipped', reason: `a remote named "${name}" already exists` };
        continue;
      }
      const key = candidate.name.toLowerCase();
      let n = nextSuffix.get(key) ?? 2;
      while (taken.has(`${candidate.name} ${n}`.toLowerCase())) n++;
      nextSuffix.set(key, n + 1);
      name = `${candidate.name} ${n}`;
    }
    taken.add(name.toLowerCase());
    entries[index] = { ...base, name, status: 'skipped' }; // until created
    toCreate.push({ index, input: { ...candidate.draft, name } });
  }
  const created = await service.createMany(toCreate.map((c) => c.input), { imported: true });
  for (const [i, { index }] of toCreate.entries()) {
    const outcome = created[i]!;
    const entry = entries[index]!;
    entries[index] =
      'error' in outcome
        ? { ...entry, status: 'skipped', reason: outcome.error.info.message }
        : {
            ...entry,
            ...(entry.command ? { command: { ...entry.command, needsConfirmation: outcome.remote.commandNeedsConfirmation } } : {}),
            name: outcome.remote.name,
            status: 'imported',
            remoteId: outcome.remote.id,
            warnings: [...entry.warnings, ...outcome.warnings],
          };
  }
  const imported = entries.filter((e) => e.status === 'imported').length;
  return { format, entries, imported, skipped: entries.length - imported };
}
