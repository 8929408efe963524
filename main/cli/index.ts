import { runCli } from './run-cli';

// `periscope tools URL | head` closes our stdout early; the rest of the output has nowhere to
// go, which is no error worth a crash report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

// The real process: arguments, streams and signals come from Node; the exit code is set (not
// forced with process.exit) so pending output is flushed before Node exits.
process.exitCode = await runCli(process.argv.slice(2));
