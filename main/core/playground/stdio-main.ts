/**
 * Runs the playground over stdio, both protocol eras:
 * `npx tsx main/core/playground/stdio-main.ts [--fault LIST]`.
 * stdout carries the protocol; problems go to stderr.
 */
import { isPeriscopeError } from '../diagnostics/periscope-error';
import { parseFaultFlags } from './fault-flags';
import { runStdioPlayground } from './stdio-playground';

function faultArguments(argv: string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--fault' && argv[i + 1] !== undefined) values.push(argv[++i]);
    else if (argv[i].startsWith('--fault=')) values.push(argv[i].slice('--fault='.length));
  }
  return values;
}

try {
  await runStdioPlayground({
    faults: parseFaultFlags(faultArguments(process.argv.slice(2))),
    onError: (error) => process.stderr.write(`playground (stdio): ${error.message}\n`),
  });
} catch (error) {
  const message = isPeriscopeError(error) ? `${error.info.message} ${error.info.hint}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`playground (stdio): ${message}\n`);
  process.exitCode = 1;
}
