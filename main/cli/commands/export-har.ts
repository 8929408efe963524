import type { Command } from 'commander';
import { harFromSessionFile, writeHarFile } from '../../core/export/har-document';
import { requireArg, type CommandContext } from '../command-context';

/**
 * `periscope export-har <session-file> --out <file>`: the HTTP exchanges of a saved session
 * (`--record`, the app's "Save session…") as a HAR 1.2 file. Nothing connects; the session file
 * was masked when it was recorded. Errors: the session file's (not found exits as not-found,
 * not a session file or unwritable output as storage).
 */
export function registerExportHarCommand(program: Command, cctx: CommandContext): void {
  program
    .command('export-har')
    .argument('[session-file]', 'a session file (NDJSON) recorded with --record or saved by the app')
    .requiredOption('--out <file>', 'the HAR file to write')
    .option('--json', 'machine-readable output (errors as {"error": {...}})')
    .description("convert a saved session's HTTP exchanges to a HAR 1.2 file (secrets stay masked)")
    .addHelpText('after', '\nExample:\n  periscope export-har run.ndjson --out run.har\n')
    .action(async (file: string | undefined, opts: { out: string }, cmd: Command) => {
      const path = requireArg(file, 'the session file', cmd);
      const har = await harFromSessionFile(path);
      await writeHarFile(opts.out, har);
      const count = har.log.entries.length;
      cctx.out.data({ path: opts.out, entries: count });
      cctx.out.line(`HAR written to ${opts.out} (${count} HTTP exchange${count === 1 ? '' : 's'})`);
    });
}
