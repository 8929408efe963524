import type { Client, RequestOptions } from '@modelcontextprotocol/client';

/**
 * The v2 client's (2.4) request funnel, which it has no public API for: the era's wire codec
 * decodes a result (2026-07-28: `resultType`, cache fields, the method's wire schema) before the
 * result schema given is checked. A caller can wrap the codec to look at, or change, the raw
 * result first: the tasks extension (a `resultType: "task"` result) and lists read item by item
 * (lenient-list.ts) do.
 */
export interface WireCodec {
  decodeResult(method: string, raw: unknown): unknown;
}

interface ClientInternals {
  _outboundMetaEnvelope?(): Readonly<Record<string, unknown>> | undefined;
  _resolveOutboundCodec?(method: string): WireCodec;
  _requestWithSchemaViaCodec?(codec: WireCodec, request: { method: string; params?: Record<string, unknown> }, schema: unknown, options?: RequestOptions): Promise<unknown>;
}

export function sdkInternals(client: Client): ClientInternals {
  return client as unknown as ClientInternals;
}

/**
 * Sends `request` through the funnel with the era's codec, its `decodeResult` replaced by
 * `decode(raw, original)`. Undefined when this SDK build no longer has the funnel.
 */
export function requestWithDecoder(
  client: Client,
  request: { method: string; params?: Record<string, unknown> },
  schema: unknown,
  options: RequestOptions,
  decode: (raw: unknown, original: (raw: unknown) => unknown) => unknown,
): Promise<unknown> | undefined {
  const sdk = sdkInternals(client);
  if (!sdk._resolveOutboundCodec || !sdk._requestWithSchemaViaCodec) return undefined;
  const codec = sdk._resolveOutboundCodec(request.method);
  const wrapped: WireCodec = Object.create(codec, {
    decodeResult: { value: (method: string, raw: unknown) => decode(raw, (r) => codec.decodeResult(method, r)) },
  });
  return sdk._requestWithSchemaViaCodec.call(client, wrapped, request, schema, options);
}
