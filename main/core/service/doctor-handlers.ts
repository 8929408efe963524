import { writeFile } from 'node:fs/promises';
import type { ChannelOutput, MainEvent, ParsedInput } from '../../../shared/ipc/contract';
import type { DoctorReport, DoctorRun } from '../../../shared/model';
import { maskedEndpointUrl, runDoctor } from '../doctor/run-doctor';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { type PlaygroundHost, pointAtPlayground, targetsPlayground } from './playground-remote';
import type { FileDialogs, RemotesPort } from './ports';
import { fileError, noDialogs } from './service-errors';

export interface DoctorHandlerDeps {
  remotes: RemotesPort;
  playground: PlaygroundHost;
  dialogs?: FileDialogs;
  clientInfo?: { name: string; version: string };
  /** Where 'doctor-progress' goes: the window says which instance is being checked. */
  emit?: (event: MainEvent) => void;
}

/**
 * doctor:run and doctor:export: the connection doctor on a saved remote, with its headers
 * (secrets read here, in main), TLS settings, transport and era; the built-in playground remote
 * is started first, as connecting would; a group's instances in turn. The last run of each remote
 * is kept for export. Before each instance, a 'doctor-progress' event names it.
 */
export function doctorHandlers({ remotes, playground, dialogs, clientInfo, emit }: DoctorHandlerDeps) {
  const lastRuns = new Map<string, DoctorRun>();
  return {
    'doctor:run': async ({ remoteId }: ParsedInput<'doctor:run'>): Promise<ChannelOutput<'doctor:run'>> => {
      // A group: every instance in turn, with the group's headers, TLS and era (its own URL first).
      // Resolved once: resolving reads the remote's secrets from the keychain.
      const checks = remotes.resolveGroupForConnection ? await remotes.resolveGroupForConnection(remoteId) : [await remotes.resolveForConnection(remoteId)];
      if (checks[0]!.target.transport === 'stdio') {
        throw new PeriscopeError({ kind: 'invalid-input', message: 'The connection doctor checks a network endpoint; this remote runs a local command.', hint: 'Run the doctor on a remote with a URL.' });
      }
      // The instances' labels say which instance they are; the run is named after the remote.
      const label = checks.length > 1 ? ((await remotes.get(remoteId))?.name ?? checks[0]!.label) : checks[0]!.label;
      const reports: DoctorReport[] = [];
      for (const [index, check] of checks.entries()) {
        const target = targetsPlayground(check.target) ? pointAtPlayground(check.target, await playground.ensureStarted()) : check.target;
        emit?.({ type: 'doctor-progress', remoteId, instance: index + 1, instances: checks.length, url: maskedEndpointUrl(target) });
        reports.push(await runDoctor({ target, label: check.label, ...(clientInfo ? { clientInfo } : {}) }));
      }
      const run = { label, reports };
      lastRuns.set(remoteId, run);
      return run;
    },
    'doctor:export': async ({ remoteId }: ParsedInput<'doctor:export'>): Promise<ChannelOutput<'doctor:export'>> => {
      const run = lastRuns.get(remoteId);
      if (!run) throw new PeriscopeError({ kind: 'not-found', message: 'There is no doctor report for this remote yet.', hint: 'Run the doctor first.' });
      if (!dialogs) throw noDialogs();
      const path = await dialogs.chooseFileToSave({
        title: `Export the doctor report of ${run.label}`,
        defaultName: `doctor-${run.label.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'report'}.json`,
        filters: [{ name: 'Doctor report (JSON)', extensions: ['json'] }],
      });
      if (!path) return { cancelled: true };
      try {
        // One remote: its report; a group: the CLI's `--json` shape.
        const document = run.reports.length === 1 ? run.reports[0] : { label: run.label, instances: run.reports };
        await writeFile(path, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
      } catch (error) {
        throw fileError('write', path, error);
      }
      return { cancelled: false, path };
    },
  };
}
