import { ErrorInfo } from '../../../shared/model';
import type { InvokeResult } from '../../../shared/ipc/contract';
import { withoutUrlPasswords } from '../diagnostics/url-passwords';

/**
 * Runs a handler and wraps what it settles with in the envelope every channel answers with.
 * A PeriscopeError (anything carrying a valid `info`) crosses as its ErrorInfo; anything else
 * is a bug, reported as kind 'internal' with its message, never as "[object Object]".
 */
export async function toInvokeResult<T>(run: () => Promise<T>): Promise<InvokeResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: withoutUrlPasswords(errorInfoOf(error)) };
  }
}

export function errorInfoOf(error: unknown): ErrorInfo {
  const carried = ErrorInfo.safeParse((error as { info?: unknown } | null)?.info);
  if (carried.success) return carried.data;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  return {
    kind: 'internal',
    message: `Unexpected error: ${message}`,
    hint: 'This is a bug in MCP Periscope. Please report it with the steps that led here.',
  };
}

export function invalidInput(message: string, issues?: unknown): ErrorInfo {
  return {
    kind: 'invalid-input',
    message,
    hint: 'The window sent a request the main process does not accept; reload the window.',
    ...(issues ? { detail: { issues } } : {}),
  };
}
