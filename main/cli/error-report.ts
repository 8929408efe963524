import type { ErrorInfo } from '../../shared/model';
import { isPeriscopeError } from '../core/diagnostics/periscope-error';
import { toErrorInfo } from '../core/diagnostics/classify-error';
import { exitCodeFor } from '../core/diagnostics/exit-codes';
import { cliHint } from './fix-options';
import type { CommandOutput } from './output';

/** Whatever was thrown, as the ErrorInfo the user sees (never a stack trace). */
export function errorInfoOf(error: unknown): ErrorInfo {
  if (isPeriscopeError(error)) return error.info;
  try {
    return toErrorInfo(error);
  } catch {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'internal', message: `Unexpected failure: ${message}`, hint: 'Run again with --trace to see what happened; please report this.' };
  }
}

/**
 * Prints one `error:` line and one `hint:` line (with the options that fix it) on stderr (and `{"error": ...}` on stdout with
 * --json), all masked, and returns the documented exit code for the error's kind.
 */
export function reportError(error: unknown, out: CommandOutput): number {
  const info = errorInfoOf(error);
  if (out.json) out.rawOut(`${JSON.stringify({ error: info }, null, 2)}\n`);
  out.note(`error: ${oneLine(info.message)}`);
  const hint = cliHint(info);
  if (hint) out.note(`hint: ${oneLine(hint)}`);
  return exitCodeFor(info.kind);
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
