import { readFile } from 'node:fs/promises';
import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { MainEvent } from '../../../shared/ipc/contract';
import { looksLikeCredentialEnv, type Remote } from '../../../shared/model';
import { serializeExport } from '../remotes/remote-export';
import { writeExportFile } from '../remotes/export-file';
import { importFileText } from '../remotes/remote-import';
import type { FileDialogs, RemotesPort } from './ports';
import { fileError, noDialogs, unknownRemote } from './service-errors';

const REMOTE_FILES = [
  { name: 'Remote configurations', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export interface RemoteHandlerDeps {
  remotes: RemotesPort;
  dialogs?: FileDialogs;
  emit: (event: MainEvent) => void;
}

/** remotes:* — saved remotes; secret values go in, only `has_value` comes out. */
export function remoteHandlers({ remotes, dialogs, emit }: RemoteHandlerDeps) {
  const changed = <T>(value: T): T => {
    emit({ type: 'remotes-changed' });
    return value;
  };
  return {
    'remotes:list': async (): Promise<ChannelOutput<'remotes:list'>> => (await remotes.list()).map(withoutSecretValues),
    'remotes:get': async ({ remoteId }: ParsedInput<'remotes:get'>) => {
      const remote = await remotes.get(remoteId);
      if (!remote || remote.id !== remoteId) throw unknownRemote(remoteId);
      return withoutSecretValues(remote);
    },
    'remotes:create': async ({ draft }: ParsedInput<'remotes:create'>) => {
      const saved = await remotes.create(draft);
      return changed({ remote: withoutSecretValues(saved.remote), warnings: saved.warnings });
    },
    'remotes:update': async ({ remoteId, draft }: ParsedInput<'remotes:update'>) => {
      await requireById(remotes, remoteId);
      const saved = await remotes.update(remoteId, draft);
      return changed({ remote: withoutSecretValues(saved.remote), warnings: saved.warnings });
    },
    'remotes:duplicate': async ({ remoteId, name }: ParsedInput<'remotes:duplicate'>) => {
      await requireById(remotes, remoteId);
      return changed(withoutSecretValues((await remotes.duplicate(remoteId, name)).remote));
    },
    'remotes:remove': async ({ remoteId }: ParsedInput<'remotes:remove'>) => {
      await requireById(remotes, remoteId);
      await remotes.remove(remoteId);
      changed(undefined);
    },
    'remotes:confirm-command': async ({ remoteId }: ParsedInput<'remotes:confirm-command'>) => {
      await requireById(remotes, remoteId);
      return changed(withoutSecretValues(await remotes.confirmCommand(remoteId)));
    },
    'remotes:import': async (): Promise<ChannelOutput<'remotes:import'>> => {
      if (!dialogs) throw noDialogs();
      const path = await dialogs.chooseFileToOpen({ title: 'Import remotes', filters: REMOTE_FILES });
      if (!path) return { cancelled: true };
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (error) {
        throw fileError('read', path, error);
      }
      const report = await remotes.importText(importFileText(bytes));
      const outcomes = report.entries.map(({ name, status, remoteId, reason, duplicateOf, warnings, command }) => ({ name, status, remoteId, reason, duplicateOf, warnings: warnings ?? [], command }));
      if (outcomes.some((o) => o.status === 'imported')) emit({ type: 'remotes-changed' });
      return { cancelled: false, path, outcomes };
    },
    'remotes:export': async ({ remoteIds, includeSecrets }: ParsedInput<'remotes:export'>): Promise<ChannelOutput<'remotes:export'>> => {
      if (!dialogs) throw noDialogs();
      const path = await dialogs.chooseFileToSave({
        title: includeSecrets ? 'Export remotes WITH secret values' : 'Export remotes',
        defaultName: 'mcp-remotes.json',
        filters: REMOTE_FILES,
      });
      if (!path) return { cancelled: true };
      const entries = await remotes.exportRemotes({ ids: remoteIds, includeSecrets });
      try {
        // An export with secrets is readable by its owner only.
        await writeExportFile(path, serializeExport(entries as Parameters<typeof serializeExport>[0]), includeSecrets);
      } catch (error) {
        throw fileError('write', path, error);
      }
      return { cancelled: false, path, count: entries.length };
    },
  };
}

async function requireById(remotes: RemotesPort, remoteId: string): Promise<Remote> {
  // The store also matches names; the window always speaks ids, so insist on one.
  const remote = await remotes.get(remoteId);
  if (!remote || remote.id !== remoteId) throw unknownRemote(remoteId);
  return remote;
}

/** Belt and braces: whatever the store returns, a secret header's or env variable's value never leaves main. */
export function withoutSecretValues(remote: Remote): Remote {
  return {
    ...remote,
    env: Object.fromEntries(Object.entries(remote.env).map(([name, value]) => [name, looksLikeCredentialEnv(name) ? '' : value])),
    headers: remote.headers.map((h) => (h.is_secret ? { ...h, value: '' } : h)),
  };
}
