import * as z from 'zod';
import { PeriscopeError } from '../diagnostics/periscope-error';

export const SESSION_FORMAT = 'mcp-periscope-session';
export const SESSION_VERSION = 1;

/** Loose: a later minor addition to the header must not make older readers reject the file. */
export const SessionHeader = z.looseObject({
  format: z.literal(SESSION_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.number(),
  app: z.object({ name: z.string(), version: z.string() }),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type SessionHeader = z.infer<typeof SessionHeader>;

/** The first line of a session file, checked: the format, a version this reader knows, the fields. */
export function parseSessionHeader(text: string, path: string): SessionHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw notASession(path, 'its first line is not JSON');
  }
  const candidate = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (candidate.format !== SESSION_FORMAT) throw notASession(path, 'its header does not name the session format');
  if (typeof candidate.version === 'number' && candidate.version > SESSION_VERSION) {
    throw new PeriscopeError({
      kind: 'storage',
      message: `The session file ${path} was written by a newer MCP Periscope (session format version ${candidate.version}; this version reads up to ${SESSION_VERSION})`,
      hint: 'update MCP Periscope to open this file',
      detail: { path, version: candidate.version, supported: SESSION_VERSION },
    });
  }
  const parsed = SessionHeader.safeParse(raw);
  if (!parsed.success) throw notASession(path, `its header is damaged (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

export function notASession(path: string, why: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'storage',
    message: `${path} is not an MCP Periscope session file: ${why}`,
    hint: 'open a .ndjson session file written by MCP Periscope (a connection\'s "Save session…", or a recording)',
    detail: { path },
  });
}

export function sessionNotFound(path: string): PeriscopeError {
  return new PeriscopeError({ kind: 'not-found', message: `The session file ${path} does not exist`, hint: 'check the path' });
}

export function sessionIsAFolder(path: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'storage',
    message: `${path} is a folder, not a session file`,
    hint: 'give the session file inside it (the .ndjson file of a recorded or saved session)',
    detail: { path, code: 'EISDIR' },
  });
}

export function sessionReadError(path: string, error: unknown): PeriscopeError {
  return storageError(`Could not read the session file ${path}`, error);
}

export function storageError(message: string, error: unknown): PeriscopeError {
  const cause = error instanceof Error ? error.message : String(error);
  return new PeriscopeError(
    {
      kind: 'storage',
      message: `${message}: ${cause}`,
      hint: 'check that the folder exists, is writable and the disk is not full',
      detail: { code: (error as { code?: string } | null)?.code },
    },
    { cause: error },
  );
}
