import { readFile, rename, writeFile } from 'node:fs/promises';
import { AuthDebugRun } from '../../../shared/model/auth-debug';
import type { Redactor } from '../capture/redaction';
import { PeriscopeError } from '../diagnostics/periscope-error';

/**
 * The export of a whole auth debugger run: one JSON file (`kind` "periscope-auth-debug-run",
 * `version` 1), pretty-printed. The run is masked once more with every secret the redactor
 * learned by the end (a token learned in step 7 is masked in step 6's recorded redirect too).
 */
export function authDebugRunJson(run: AuthDebugRun, redactor?: Redactor): string {
  const masked = redactor ? redactor.value(run) : run;
  return `${JSON.stringify(AuthDebugRun.parse(masked), null, 2)}\n`;
}

/** Writes the export atomically (a temporary file renamed over the target), mode 0600. */
export async function writeAuthDebugRun(path: string, run: AuthDebugRun, redactor?: Redactor): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, authDebugRunJson(run, redactor), { mode: 0o600 });
  await rename(temporary, path);
}

/**
 * Reads an exported run back, validated against the schema.
 * Errors: `invalid-input` PeriscopeError when the text is not JSON, not a run, or a newer version.
 */
export function parseAuthDebugRun(text: string): AuthDebugRun {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(`This is not an auth debugger run: it is not JSON (${(error as Error).message}).`);
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  const version = (value as { version?: unknown } | null)?.version;
  if (kind !== 'periscope-auth-debug-run') throw invalid('This is not an auth debugger run (its "kind" is not "periscope-auth-debug-run").');
  if (typeof version === 'number' && version > 1) throw invalid(`This auth debugger run is version ${version}; this MCP Periscope reads version 1. Update MCP Periscope to open it.`);
  const parsed = AuthDebugRun.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`This auth debugger run is damaged: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'invalid'}.`);
  }
  return parsed.data;
}

/** Reads an exported run from a file. Errors: `invalid-input` when unreadable or invalid. */
export async function readAuthDebugRun(path: string): Promise<AuthDebugRun> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw invalid(`Cannot read ${path}: ${(error as Error).message}.`);
  }
  return parseAuthDebugRun(text);
}

function invalid(message: string): PeriscopeError {
  return new PeriscopeError({ kind: 'invalid-input', message, hint: 'Open a file the auth debugger exported.' });
}
