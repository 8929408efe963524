import { cutText } from '../../../shared/text/cut-text';
import { revealInvisible } from '../../../shared/text/reveal-invisible';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { ErrorContext } from './classify-error';
import { FIRST_MODERN_REVISION, LEGACY_REVISIONS } from '../../../shared/model/protocol-era';

/** JSON-RPC error codes the MCP specification assigns, in words. */
export const MCP_ERROR_CODES = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  /** Resource not found (2025 revisions; since 2026-07-28 servers answer -32602 instead). */
  resourceNotFound: -32002,
  /** 2026-07-28 (SEP-2243): HTTP headers missing, malformed or disagreeing with the body. */
  headerMismatch: -32020,
  /** 2026-07-28: the request needs a client capability its `_meta` did not declare. */
  missingRequiredClientCapability: -32021,
  /** 2026-07-28: the request's protocol version is unknown to or unsupported by the server. */
  unsupportedProtocolVersion: -32022,
  /** 2025-11-25: the server needs the user to complete a URL-mode elicitation first. */
  urlElicitationRequired: -32042,
} as const;

/**
 * A JSON-RPC error the server answered with, as ErrorInfo: `protocol`, with the server's code and
 * message, and a hint per code; `protocol-version` for -32022 with the versions the server
 * supports and which era to pick. Source: MCP specification 2026-07-28, "Base protocol › Error
 * codes"; JSON-RPC 2.0 §5.1.
 */
export function classifyJsonRpcError(code: number, text: string, data: unknown, context: ErrorContext): ErrorInfo {
  if (code === MCP_ERROR_CODES.unsupportedProtocolVersion) return unsupportedVersion(text, data);
  const detail = { code, ...(data !== undefined ? { data } : {}) };
  return {
    kind: 'protocol',
    message: `The server answered with JSON-RPC error ${code}: ${text}`,
    hint: hintFor(code, data, context),
    detail,
  };
}

function hintFor(code: number, data: unknown, context: ErrorContext): string {
  switch (code) {
    case MCP_ERROR_CODES.methodNotFound:
      return 'the server does not implement this method (check its capabilities)';
    case MCP_ERROR_CODES.invalidParams:
      return 'the server rejected the arguments; check them against the schema';
    case MCP_ERROR_CODES.resourceNotFound:
      return 'the server has no resource at this URI; its resources list and resource templates show the URIs it serves';
    case MCP_ERROR_CODES.headerMismatch:
      return 'the Mcp-Method, Mcp-Name or Mcp-Param-* headers did not match the request body; the trace shows each header next to the body (a proxy that rewrites headers is a common cause)';
    case MCP_ERROR_CODES.missingRequiredClientCapability: {
      const needed = (data as { requiredCapabilities?: unknown } | undefined)?.requiredCapabilities;
      return `the server needs a client capability this connection did not declare${needed ? ` (${JSON.stringify(needed)})` : ''}`;
    }
    case MCP_ERROR_CODES.urlElicitationRequired:
      return urlElicitationHint(data);
    case MCP_ERROR_CODES.internalError:
      return 'the server failed while handling the request; its logs say why';
    default:
      return context.phase === 'connect' ? 'the server refused the connection handshake; its message above says why' : 'the server refused the request; its message above says why';
  }
}

/**
 * -32042 (URL elicitation required, 2025-11-25 client/elicitation): the server refuses until the
 * user has opened the page(s) its error data lists. Each is named with its host, so it can be
 * checked before anyone opens it.
 */
function urlElicitationHint(data: unknown): string {
  const listed = (data as { elicitations?: unknown } | undefined)?.elicitations;
  const urls = (Array.isArray(listed) ? listed : [])
    .map((e) => (e as { url?: unknown }).url)
    .filter((u): u is string => typeof u === 'string')
    .slice(0, 3)
    .map((u) => {
      try {
        return `${new URL(u).hostname} (${u})`;
      } catch {
        return u;
      }
    });
  const where = urls.length > 0 ? `: ${urls.join(', ')}` : ' (the error data names it)';
  return `the server needs you to open a page first, to sign in or agree to something (URL-mode elicitation)${where}; check the host, open it yourself if you trust it, then send the request again. A server that asks with an elicitation request instead shows the page in the Requests section, where it opens on your click`;
}

/** The protocol revisions Periscope speaks, both eras. */
export const SPOKEN_REVISIONS: ReadonlySet<string> = new Set([...LEGACY_REVISIONS, FIRST_MODERN_REVISION]);

/** When the server speaks only versions Periscope does not: what to do, since no setting reaches it. */
export const NO_SHARED_VERSION_HINT = `ask the server's maintainers to also serve ${FIRST_MODERN_REVISION} or a 2025 revision (no setting in Periscope can reach a server that speaks only newer versions)`;

/** Versions a server names, for a message: ten at most, the rest counted (a hostile list may be endless). */
export function versionWords(versions: string[]): string {
  const words = versions.slice(0, 10).map(versionWord);
  return versions.length > 10 ? `${words.join(', ')} and ${versions.length - 10} more` : words.join(', ');
}

/** A longer "version" is not one: cut, so a hostile server cannot fill a message with it. */
const MAX_VERSION_CHARS = 40;

/**
 * One version a server names, for a message: as it is when it looks like a revision (letters,
 * digits, `.`, `-`, `_`), else quoted as JSON with invisible and bidi characters escaped (so a
 * comma, a line break or a direction override cannot pass for part of the sentence); cut at
 * MAX_VERSION_CHARS characters either way.
 */
export function versionWord(version: string): string {
  const cut = cutText(version, MAX_VERSION_CHARS);
  // Only what survives the cut matters (and a huge string is not scanned whole).
  return /^[A-Za-z0-9._-]+$/.test(version.slice(0, MAX_VERSION_CHARS + 1)) ? cut : revealInvisible(JSON.stringify(cut));
}

/** -32022: what the server supports, and which era setting reaches it. */
export function unsupportedVersion(text: string, data: unknown): ErrorInfo {
  const d = (data ?? {}) as { supported?: unknown; requested?: unknown };
  const supported = Array.isArray(d.supported) ? d.supported.filter((v): v is string => typeof v === 'string') : [];
  // The server's word for what was sent (the trace has the request itself): cut and quoted like its list.
  const requested = typeof d.requested === 'string' ? versionWord(d.requested) : undefined;
  // Only what Periscope speaks can be picked: a list of newer (or made-up) versions leaves nothing to set.
  const spoken = supported.filter((v) => SPOKEN_REVISIONS.has(v));
  const modern = spoken.filter((v) => v >= FIRST_MODERN_REVISION);
  const legacy = spoken.filter((v) => v < FIRST_MODERN_REVISION);
  const noneSpoken = supported.length > 0 && spoken.length === 0;
  const pick = noneSpoken
    ? NO_SHARED_VERSION_HINT
    : modern.length && !legacy.length
    ? 'set the protocol era to modern (or auto)'
    : legacy.length && !modern.length
      ? 'set the protocol era to legacy (or auto)'
      : supported.length
        ? `pin one of ${spoken.join(', ')} as the protocol version`
        : 'set the protocol era to auto so the versions are negotiated';
  return {
    kind: 'protocol-version',
    message: `The server does not support protocol version ${requested ?? '(the one sent)'}${supported.length ? `; it supports ${versionWords(supported)}` : ''}${noneSpoken ? `, ${supported.length === 1 ? 'which' : 'none of which'} Periscope ${supported.length === 1 ? 'does not speak' : 'speaks'} (it speaks ${[...SPOKEN_REVISIONS].join(', ')})` : ''} (JSON-RPC error -32022: ${text})`,
    hint: pick,
    detail: { code: MCP_ERROR_CODES.unsupportedProtocolVersion, supported: supported.slice(0, 20).map((v) => cutText(v, MAX_VERSION_CHARS)), ...(requested ? { requested } : {}) },
  };
}

/** A JSON-RPC error object inside an HTTP body (the SDK hands it over as text). */
export function jsonRpcErrorInBody(body: string | undefined): { code: number; message: string; data?: unknown } | undefined {
  if (!body || body.length > 64 * 1024) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown; data?: unknown } };
    const error = parsed?.error;
    if (!error || typeof error.code !== 'number') return undefined;
    return { code: error.code, message: typeof error.message === 'string' ? error.message : '', ...(error.data !== undefined ? { data: error.data } : {}) };
  } catch {
    return undefined;
  }
}
