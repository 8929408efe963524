import { reviewCommand, type CommandReview, type Remote, type RemoteInput } from '../../../shared/model';
import { isPeriscopeError } from '../diagnostics/periscope-error';
import type { ImportCandidate, ImportFormat } from './remote-import';

export interface ImportEntryReport {
  source: string;
  name: string;
  status: 'imported' | 'skipped';
  /** Why an entry was skipped. */
  reason?: string;
  remoteId?: string;
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
  create(input: RemoteInput, options?: { imported?: boolean }): Promise<{ remote: Remote; warnings: string[] }>;
}

/**
 * Saves candidates one by one; one bad entry never stops the others. A name the file chose
 * that is already taken is skipped (the user decides); a name made up from the URL gets a suffix.
 */
export async function importCandidates(service: Creator, format: ImportFormat, candidates: ImportCandidate[]): Promise<ImportReport> {
  const taken = new Set((await service.list()).map((r) => r.name.toLowerCase()));
  const entries: ImportEntryReport[] = [];
  for (const candidate of candidates) {
    const runs = candidate.draft?.transport === 'stdio' && candidate.draft.command;
    const command = runs ? { command: { ...reviewCommand(candidate.draft!), needsConfirmation: false } } : {};
    const base = { source: candidate.source, name: candidate.name, warnings: [...candidate.warnings], ...command };
    if (!candidate.draft) {
      entries.push({ ...base, status: 'skipped', reason: candidate.skipped });
      continue;
    }
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
      const { remote, warnings } = await service.create({ ...candidate.draft, name }, { imported: true });
      taken.add(remote.name.toLowerCase());
      const confirmation = base.command ? { command: { ...base.command, needsConfirmation: remote.commandNeedsConfirmation } } : {};
      entries.push({ ...base, ...confirmation, name: remote.name, status: 'imported', remoteId: remote.id, warnings: [...base.warnings, ...warnings] });
    } catch (error) {
      if (!isPeriscopeError(error)) throw error;
      entries.push({ ...base, name, status: 'skipped', reason: error.info.message });
    }
  }
  const imported = entries.filter((e) => e.status === 'imported').length;
  return { format, entries, imported, skipped: entries.length - imported };
}
