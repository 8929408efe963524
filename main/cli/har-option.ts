import type { McpConnection } from '../core/connections/mcp-connection';
import { HarCollector } from '../core/export/har-collector';
import { buildHar, writeHarFile } from '../core/export/har-document';
import type { CommandOutput } from './output';

/**
 * `--har FILE`: gathers the connection's HTTP exchanges from its trace bus (whole entries, as
 * the session file gets them, already masked) and writes them as a HAR 1.2 file at the end of
 * the command. A failure to write the file fails a command that otherwise succeeded (the user
 * asked for the file); after a failed command it is a warning, so the command's own error stays
 * the one reported.
 */
export function recordHar(connection: McpConnection, path: string): { stop: () => void; write: (out: CommandOutput, commandFailed: boolean) => Promise<void> } {
  const collector = new HarCollector();
  const stop = connection.bus.subscribeFull((entry) => collector.ingest(entry));
  return {
    stop,
    write: async (out, commandFailed) => {
      const har = buildHar(collector, `Recorded by the periscope command line for ${connection.label}.`);
      try {
        await writeHarFile(path, har);
        out.note(`HAR written to ${path} (${har.log.entries.length} HTTP exchange${har.log.entries.length === 1 ? '' : 's'})`);
      } catch (error) {
        if (!commandFailed) throw error;
        out.note(`warning: ${(error as Error).message}`);
      }
    },
  };
}
