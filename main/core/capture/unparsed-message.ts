import { JSONRPCMessageSchema } from '@modelcontextprotocol/core';

/**
 * A message a transport received as JSON but could not accept as JSON-RPC (the SDK's schema
 * refused it), with the JSON itself. Transports report it through `onerror`; the traced
 * transport records it and, when it is an error answer whose id the server could not fill in,
 * pairs it with its request (see TracedTransport). The commonest case is a server's error with
 * `"id": null`, which JSON-RPC 2.0 §5 allows and the MCP schema does not.
 */
export class UnparsedMessageError extends Error {
  override readonly name = 'UnparsedMessageError';
  constructor(
    /** The parsed JSON of the refused message. */
    readonly raw: unknown,
    /** Why the schema refused it (a ZodError). */
    readonly reason: unknown,
  ) {
    super('The server sent a message that is not valid JSON-RPC/MCP', { cause: reason });
  }
}

/** The raw JSON of a refused message when `error` carries one. */
export function unparsedMessageOf(error: unknown): { raw: unknown } | undefined {
  return error instanceof UnparsedMessageError || (error as { name?: unknown })?.name === 'UnparsedMessageError'
    ? { raw: (error as UnparsedMessageError).raw }
    : undefined;
}

/** True for the SDK's schema refusal of a message (a ZodError, or anything with zod's `issues`). */
export function isSchemaRefusal(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'ZodError' || (Array.isArray((error as { issues?: unknown })?.issues) && name !== 'AggregateError');
}

/**
 * Parses one line or frame the way the SDK's transports do: a JSON-RPC message, an
 * UnparsedMessageError (JSON, but not JSON-RPC), or undefined for text that is not JSON at all.
 */
export function parseIncoming(text: string): { message: ReturnType<typeof JSONRPCMessageSchema.parse> } | { unparsed: UnparsedMessageError } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = JSONRPCMessageSchema.safeParse(json);
  return parsed.success ? { message: parsed.data } : { unparsed: new UnparsedMessageError(json, parsed.error) };
}

/** Plain words for a message the SDK refused, for the trace. */
export function refusalWords(raw: Record<string, unknown>): string {
  return `The MCP client library refused this message as invalid JSON-RPC${raw.id === null ? ' (its id is null, which the MCP schema does not allow)' : ''}`;
}
