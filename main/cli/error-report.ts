import type { ErrorInfo } from '../../shared/model';
import { isPeriscopeError } from '../core/diagnostics/periscope-error';
import { toErrorInfo } from '../core/diagnostics/classify-error';
import { exitCodeFor } from '../core/diagnostics/exit-codes';
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
 * Prints one `error:` line and one `hint:` line on stderr (and `{"error": ...}` on stdout with
 * --json), all masked, and returns the documented exit code for the error's kind.
 */
export function reportError(error: unknown, out: CommandOutput): number {
  const info = errorInfoOf(error);
  out.data({ error: info });
  out.note(`error: ${oneLine(info.message)}`);
  if (info.hint) out.note(`hint: ${oneLine(info.hint)}`);
  return exitCodeFor(info.kind);
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
