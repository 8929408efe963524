import { writeFile } from 'node:fs/promises';
import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { DoctorReport } from '../../../shared/model';
import { runDoctor } from '../doctor/run-doctor';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { type PlaygroundHost, pointAtPlayground, targetsPlayground } from './playground-remote';
import type { FileDialogs, RemotesPort } from './ports';
import { fileError, noDialogs } from './service-errors';

export interface DoctorHandlerDeps {
  remotes: RemotesPort;
  playground: PlaygroundHost;
  dialogs?: FileDialogs;
  clientInfo?: { name: string; version: string };
}

/**
 * doctor:run and doctor:export: the connection doctor on a saved remote, with its headers
 * (secrets read here, in main), TLS settings, transport and era; the built-in playground remote
 * is started first, as connecting would. The last report of each remote is kept for export.
 */
export function doctorHandlers({ remotes, playground, dialogs, clientInfo }: DoctorHandlerDeps) {
  const lastReports = new Map<string, DoctorReport>();
  return {
    'doctor:run': async ({ remoteId }: ParsedInput<'doctor:run'>): Promise<ChannelOutput<'doctor:run'>> => {
      const resolved = await remotes.resolveForConnection(remoteId);
      if (resolved.target.transport === 'stdio') {
        throw new PeriscopeError({ kind: 'invalid-input', message: 'The connection doctor checks a network endpoint; this remote runs a local command.', hint: 'Run the doctor on a remote with a URL.' });
      }
      const target = targetsPlayground(resolved.target) ? pointAtPlayground(resolved.target, await playground.ensureStarted()) : resolved.target;
      const report = await runDoctor({ target, label: resolved.label, ...(clientInfo ? { clientInfo } : {}) });
      lastReports.set(remoteId, report);
      return report;
    },
    'doctor:export': async ({ remoteId }: ParsedInput<'doctor:export'>): Promise<ChannelOutput<'doctor:export'>> => {
      const report = lastReports.get(remoteId);
      if (!report) throw new PeriscopeError({ kind: 'not-found', message: 'There is no doctor report for this remote yet.', hint: 'Run the doctor first.' });
      if (!dialogs) throw noDialogs();
      const path = await dialogs.chooseFileToSave({
        title: `Export the doctor report of ${report.label}`,
        defaultName: `doctor-${report.label.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'report'}.json`,
        filters: [{ name: 'Doctor report (JSON)', extensions: ['json'] }],
      });
      if (!path) return { cancelled: true };
      try {
        await writeFile(path, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
      } catch (error) {
        throw fileError('write', path, error);
      }
      return { cancelled: false, path };
    },
  };
}
