import type { Command } from 'commander';
import { harFromSessionFile, writeHarFile } from '../../core/export/har-document';
import { requireArg, type CommandContext } from '../command-context';
import { FailedOutcome } from '../error-report';

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
      const { har, problems } = await harFromSessionFile(path);
      await writeHarFile(opts.out, har);
      const count = har.log.entries.length;
      cctx.out.data({ path: opts.out, entries: count, ...(problems.length > 0 ? { problems } : {}) });
      cctx.out.line(`HAR written to ${opts.out} (${count} HTTP exchange${count === 1 ? '' : 's'})`);
      for (const problem of problems) cctx.out.note(`warning: ${problem.message}`);
      if (problems.length > 0) {
        const lines = problems.length === 1 ? `line ${String(problems[0]!.detail?.line)}` : `${problems.length} lines`;
        throw new FailedOutcome({
          kind: 'storage',
          message: `The session file ${path} is damaged: ${lines} could not be read (each named above); the HAR has everything else.`,
          hint: 'The HAR is still usable; what the skipped lines held is not in it. Re-record the session for a complete archive.',
          detail: { path, lines: problems.map((problem) => problem.detail?.line) },
        });
      }
    });
}
