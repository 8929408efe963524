import { runCli } from './run-cli';

// The real process: arguments, streams and signals come from Node; the exit code is set (not
// forced with process.exit) so pending output is flushed before Node exits.
process.exitCode = await runCli(process.argv.slice(2));
