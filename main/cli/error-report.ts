import { epochSecondsIso } from '../../shared/text/epoch-seconds';
import type { ErrorInfo } from '../../shared/model';
import { isPeriscopeError, PeriscopeError } from '../core/diagnostics/periscope-error';
import { toErrorInfo } from '../core/diagnostics/classify-error';
import { exitCodeFor } from '../core/diagnostics/exit-codes';
import { withoutUrlPasswords } from '../core/diagnostics/url-passwords';
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
 * Ends a command whose output is complete but whose outcome is a failure (a tool result with
 * `isError: true`): the kind's exit code and the `error:` / `hint:` lines on stderr, nothing more
 * on stdout, so --json output stays the one result document.
 */
export class FailedOutcome extends PeriscopeError {
  readonly outputPrinted = true;
}

/** The `tool-error` outcome of a tools/call result with isError: true (already printed). */
export function toolErrorOutcome(tool: string, result: { content?: Array<{ type?: string; text?: string }> }): FailedOutcome {
  const text = result.content?.find((block) => block.type === 'text')?.text?.split(/\r?\n/)[0];
  return new FailedOutcome({
    kind: 'tool-error',
    message: `The tool "${tool}" reported an error (isError: true)${text ? `: ${text.slice(0, 200)}` : ''}.`,
    hint: 'The request itself succeeded: the server ran the tool, and its result (printed above) says why it failed. Check the arguments, or the server\'s logs.',
    detail: { tool },
  });
}

/**
 * Prints one `error:` line and one `hint:` line (with the options that fix it) on stderr (and `{"error": ...}` on stdout with
 * --json), all masked, and returns the documented exit code for the error's kind.
 */
export function reportError(error: unknown, out: CommandOutput): number {
  const info = withoutUrlPasswords(errorInfoOf(error));
  const printed = (error as { outputPrinted?: unknown } | undefined)?.outputPrinted === true;
  if (!printed) out.data({ error: info });
  out.note(`error: ${oneLine(info.message)}`);
  const hint = cliHint(info);
  if (hint) out.note(`hint: ${oneLine(hint)}`);
  for (const line of tokenLines(info.detail?.token)) out.note(line);
  return exitCodeFor(info.kind);
}

/**
 * An auth failure's bearer token as read by the explainer (claims, times in words), one line each
 * after the hint: `token: JWT (signature not checked) iss=… sub=… aud=… scope=…` and
 * `token: exp … (expired 3 h ago)`, then any problem beyond the one the hint gives. Nothing for an
 * opaque token or none.
 */
export function tokenLines(token: unknown): string[] {
  const facts = token as { format?: string; claims?: Record<string, unknown>; times?: Record<string, string>; problems?: string[] } | undefined;
  if (facts?.format !== 'jwt' || !facts.claims) return [];
  const { exp, nbf, iat, ...named } = facts.claims;
  const words = Object.entries(named).map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const times = Object.entries({ exp, nbf, iat })
    .filter(([, value]) => typeof value === 'number')
    .map(([name, value]) => `${name} ${epochSecondsIso(value as number)}${facts.times?.[name] ? ` (${facts.times[name]})` : ''}`);
  // The first problem is the hint already; any others follow it.
  const more = (facts.problems ?? []).slice(1).map((problem) => `token: also, ${problem}`);
  return [`token: JWT (signature not checked)${words.length ? ` ${words.join(' ')}` : ''}`, ...(times.length ? [`token: ${times.join(', ')}`] : []), ...more].map(oneLine);
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
