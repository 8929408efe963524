import { EXIT_CODES } from '../core/diagnostics/exit-codes';
import { COMMAND_REGISTRATIONS } from './program';
import { runCli } from './run-cli';

/**
 * The command names, for the launcher (bin/compile-cache.js): its code cache remembers which
 * commands it has served, and only a real command's name is written there, never an argument.
 */
export const commandNames: readonly string[] = COMMAND_REGISTRATIONS.flatMap(([names]) => names);

// `periscope tools URL | head` closes our stdout early; the rest of the output has nowhere to
// go, which is no error worth a crash report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

// The real process: arguments, streams and signals come from Node; the exit code is set (not
// forced with process.exit) so pending output is flushed before Node exits. (No top-level await:
// the bundle is a CommonJS script, see build/build-cli.mjs.)
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (code === EXIT_CODES.cancelled) {
    // Work abandoned by Ctrl-C (e.g. a connect attempt) may still hold a socket open; once the
    // output is out, do not make the user wait for it. unref: never delays a normal exit.
    setTimeout(() => process.exit(code), 200).unref();
  }
});
