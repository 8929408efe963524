import { isPeriscopeError, PeriscopeError } from './periscope-error';
import { MCP_ERROR_CODES } from './classify-protocol-error';

/** MCP's "resource not found" code (2025 revisions; still accepted from older servers). */
export const RESOURCE_NOT_FOUND = MCP_ERROR_CODES.resourceNotFound;

/**
 * What to try when `resources/read` is refused for its URI. Since the 2026-07-28 revision a
 * server MUST answer a URI it does not have with -32602 (invalid params) and clients SHOULD also
 * accept the older -32002 (MCP specification 2026-07-28, "Server features › Resources › Error
 * handling"), so -32602 here is about the URI, not "arguments" or a schema, as the generic hint
 * for that code says.
 */
export const UNKNOWN_URI_HINT = "the server has no resource at this URI (or refuses it); its resources list and resource templates show the URIs it serves";

/**
 * The error of a failed `resources/read`, with the hint for an unknown URI when the server
 * answered -32602 or -32002; any other failure is returned as it is.
 */
export function readFailure(error: unknown): unknown {
  if (!isPeriscopeError(error) || error.info.kind !== 'protocol') return error;
  const code = (error.info.detail as { code?: unknown } | undefined)?.code;
  if (code !== MCP_ERROR_CODES.invalidParams && code !== RESOURCE_NOT_FOUND) return error;
  return new PeriscopeError({ ...error.info, hint: UNKNOWN_URI_HINT }, { cause: error });
}
