import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { BUNDLE_KIND, BUNDLE_VERSION, ReproBundle, type BundlePartName, type BundleRemote } from '../../../shared/model/repro-bundle';
import type { TraceEntry } from '../../../shared/model/trace';
import { storageError } from '../capture/session-header';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { harFromEntries } from '../export/har-document';
import { writeFileAtomic } from '../remotes/atomic-write';
import { bundleVersions } from './bundle-versions';

/** The largest bundle file opened (a session's trace with its HAR; far above a ticket's usual size). */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

export interface BundleInput {
  remote: BundleRemote;
  outcome: { ok: boolean; error?: ErrorInfo };
  /** The session file's content (already masked when it was recorded). */
  session: { header: ReproBundle['session']['header']; entries: TraceEntry[] };
  /** Optional parts other features made (BUNDLE_PARTS), each an opaque JSON object. */
  parts?: Partial<Record<BundlePartName, Record<string, unknown>>>;
  /** Defaults to now. */
  createdAt?: Date;
}

/**
 * A repro bundle (shared/model/repro-bundle.ts): the remote, outcome and session as given, the
 * HAR 1.2 of the session's HTTP exchanges, and the versions of Periscope, the MCP SDK, Node and
 * the OS. Parts not given are left out.
 */
export function createReproBundle(input: BundleInput): ReproBundle {
  const parts = Object.fromEntries(Object.entries(input.parts ?? {}).filter(([, value]) => value !== undefined));
  return {
    kind: BUNDLE_KIND,
    version: BUNDLE_VERSION,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    remote: input.remote,
    outcome: input.outcome,
    versions: bundleVersions(),
    session: input.session,
    har: harFromEntries(input.session.entries, `From the repro bundle's session (${input.remote.name}).`),
    ...parts,
  };
}

/**
 * Writes the bundle as JSON, atomically, readable by the user only (0600). Fails with a `storage`
 * PeriscopeError, also for a bundle larger than MAX_BUNDLE_BYTES (it could not be opened again).
 */
export async function writeBundleFile(path: string, bundle: ReproBundle): Promise<void> {
  let text: string;
  try {
    text = `${JSON.stringify(bundle)}\n`;
  } catch {
    text = ''; // longer than the runtime's longest string
  }
  if (text === '' || Buffer.byteLength(text, 'utf8') > MAX_BUNDLE_BYTES) {
    throw new PeriscopeError({
      kind: 'storage',
      message: `The repro bundle for ${path} would be larger than the ${MAX_BUNDLE_BYTES / (1024 * 1024)} MiB a bundle may have`,
      hint: 'make the bundle from a shorter session (connect again and reproduce only the problem)',
      detail: { path, maxBytes: MAX_BUNDLE_BYTES },
    });
  }
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, text);
  } catch (error) {
    throw storageError(`Could not write the repro bundle ${path}`, error);
  }
}

/**
 * Reads and checks a bundle file. Errors (PeriscopeError): `not-found` for a missing file;
 * `storage` for one too large, not JSON (e.g. cut short), not a bundle, from a newer Periscope,
 * or not matching the schema, naming the first wrong field by its path (e.g.
 * `session.entries.3.seq`).
 */
export async function readBundleFile(path: string): Promise<ReproBundle> {
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_BUNDLE_BYTES) throw notABundle(path, `it is ${size} bytes, more than the ${MAX_BUNDLE_BYTES} a bundle may have`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof PeriscopeError) throw error;
    if ((error as { code?: string }).code === 'ENOENT') throw new PeriscopeError({ kind: 'not-found', message: `The repro bundle ${path} does not exist`, hint: 'check the path' });
    throw storageError(`Could not read the repro bundle ${path}`, error);
  }
  return parseReproBundle(text, path);
}

/** The checks of readBundleFile on a bundle's text; `path` only names it in errors. */
export function parseReproBundle(text: string, path: string): ReproBundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw notABundle(path, `it is not complete JSON (${(error as Error).message}); the file may have been cut short`);
  }
  const head = (raw ?? {}) as { kind?: unknown; version?: unknown };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || head.kind !== BUNDLE_KIND) throw notABundle(path, `it does not say kind "${BUNDLE_KIND}"`);
  if (typeof head.version === 'number' && head.version > BUNDLE_VERSION) {
    throw new PeriscopeError({
      kind: 'storage',
      message: `The repro bundle ${path} was written by a newer MCP Periscope (bundle version ${head.version}; this version reads up to ${BUNDLE_VERSION})`,
      hint: 'update MCP Periscope to open this bundle',
      detail: { path, version: head.version, supported: BUNDLE_VERSION },
    });
  }
  const parsed = ReproBundle.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the top level)';
    throw notABundle(path, `at ${at}: ${issue.message}`, { path, at, issues: parsed.error.issues.length });
  }
  return parsed.data;
}

function notABundle(path: string, why: string, detail: Record<string, unknown> = { path }): PeriscopeError {
  return new PeriscopeError({
    kind: 'storage',
    message: `${path} is not a valid MCP Periscope repro bundle: ${why}`,
    hint: 'open a repro bundle as MCP Periscope wrote it (a .json file), unchanged',
    detail,
  });
}
