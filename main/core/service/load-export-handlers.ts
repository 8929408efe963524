import { writeFile } from 'node:fs/promises';
import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { LoadRequest } from '../../../shared/model/load-run';
import { artilleryScenario, capturedRequests } from '../load/artillery-scenario';
import { describeLoadRequest } from '../load/load-request';
import type { ConnectionLookup } from './connection-lookup';
import type { FileDialogs } from './ports';
import { fileError, noDialogs } from './service-errors';

export interface LoadExportDeps {
  lookup: Pick<ConnectionLookup, 'any'>;
  dialogs?: FileDialogs;
}

/**
 * load:export-artillery: a load run's requests as an Artillery scenario (see artilleryScenario),
 * from the requests the connection's trace holds, written where the user picks. Refusals (a plan
 * Artillery cannot express, no such request over Streamable HTTP) come before the dialog opens.
 */
export function loadExportHandlers({ lookup, dialogs }: LoadExportDeps) {
  return {
    'load:export-artillery': async ({ connectionId, request, plan }: ParsedInput<'load:export-artillery'>): Promise<ChannelOutput<'load:export-artillery'>> => {
      const connection = lookup.any(connectionId);
      const label = describeLoadRequest(request);
      const { method, name } = wireNameOf(request);
      const scenario = artilleryScenario(capturedRequests(connection.buffer.entries(), method, name), plan, label);
      if (!dialogs) throw noDialogs();
      const path = await dialogs.chooseFileToSave({
        title: `Export ${label} as an Artillery scenario`,
        defaultName: `${label.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')}.artillery.yml`,
        filters: [{ name: 'Artillery scenario (YAML)', extensions: ['yml', 'yaml'] }],
      });
      if (!path) return { cancelled: true };
      try {
        await writeFile(path, scenario.text, 'utf8');
      } catch (error) {
        throw fileError('write', path, error);
      }
      return { cancelled: false, path, env: Object.keys(scenario.env) };
    },
  };
}

/** The JSON-RPC method a run's request goes out as, and the name or URI it is about. */
export function wireNameOf(request: LoadRequest): { method: string; name?: string } {
  switch (request.kind) {
    case 'tool':
      return { method: 'tools/call', name: request.name };
    case 'resource':
      return { method: 'resources/read', name: request.uri };
    case 'prompt':
      return { method: 'prompts/get', name: request.name };
    case 'method':
      return { method: request.method };
  }
}
