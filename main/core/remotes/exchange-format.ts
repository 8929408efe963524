import * as z from 'zod';
import { HeaderSpec, TimeoutOverrides } from '../../../shared/model';

/**
 * The seed's remote configuration format, with exactly its field names. An export adds `name`
 * (a list of remotes is useless without it) and, only when they differ from the defaults, the
 * fields the seed has no words for (stdio command, timeouts, TLS, protocol era, message size limit, notes). An importer that knows
 * only the seed format can ignore those; ours reads a plain seed file just as well.
 */
export const SeedHeader = z.object({
  name: z.string(),
  value: z.string().default(''),
  description: z.string().default(''),
  is_required: z.boolean().default(false),
  is_secret: z.boolean().default(false),
});
export type SeedHeader = z.infer<typeof SeedHeader>;

export const SeedRemote = z.object({
  name: z.string().optional(),
  transport_type: z.string(),
  url: z.string().optional(),
  headers: z.array(SeedHeader).default([]),
  /** Periscope's group: the other instances' URLs (absent in the seed: none). */
  instances: z.array(z.string()).optional(),
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  env: z.record(z.string(), z.string()).optional(),
  cwd: z.string().optional(),
  timeouts: TimeoutOverrides.optional(),
  tls: z.object({ caFiles: z.array(z.string()).optional(), acceptInvalidCertificates: z.boolean().optional() }).optional(),
  notes: z.string().optional(),
  /** Periscope's protocol era setting (absent in the seed: `auto`). */
  protocol_era: z.string().optional(),
  protocol_version: z.string().optional(),
  /** Periscope's session-expiry switch (absent: on). */
  reinitialize_on_session_expiry: z.boolean().optional(),
  /** Periscope's message size limit in bytes (absent: the default, 100 MB). */
  max_message_bytes: z.number().optional(),
  /** Periscope's answer policy for the server's requests: ask (absent), decline, accept-defaults. */
  server_request_policy: z.string().optional(),
  /** The roots offered to the server (MCP client/roots). */
  roots: z.array(z.object({ uri: z.string(), name: z.string().optional() })).optional(),
  /** Periscope's OAuth sign-in settings; `client_secret` only in an export that asked for secret values. */
  oauth: z
    .object({
      enabled: z.boolean().optional(),
      grant: z.string().optional(),
      client_id: z.string().optional(),
      client_secret: z.string().optional(),
      scope: z.string().optional(),
      client_metadata_url: z.string().optional(),
    })
    .optional(),
});
export type SeedRemote = z.infer<typeof SeedRemote>;

/** One server of a desktop MCP client's config file (`mcpServers` / VS Code's `servers`). */
export const McpServerEntry = z.object({
  type: z.string().optional(),
  transport: z.string().optional(),
  url: z.string().optional(),
  serverUrl: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  env: z.record(z.string(), z.string()).optional(),
  cwd: z.string().optional(),
});
export type McpServerEntry = z.infer<typeof McpServerEntry>;

const TRANSPORT_ALIASES: Record<string, 'streamable' | 'sse' | 'websocket' | 'stdio' | 'auto'> = {
  streamable: 'streamable',
  http: 'streamable',
  'streamable-http': 'streamable',
  streamable_http: 'streamable',
  streamablehttp: 'streamable',
  sse: 'sse',
  websocket: 'websocket',
  ws: 'websocket',
  stdio: 'stdio',
  auto: 'auto',
};

export function normalizeTransportName(raw: string): 'streamable' | 'sse' | 'websocket' | 'stdio' | 'auto' | undefined {
  return TRANSPORT_ALIASES[raw.trim().toLowerCase()];
}

/** Header fields for export, in the seed's order. */
export function toSeedHeader(h: HeaderSpec, value: string): SeedHeader {
  return { name: h.name, value, description: h.description, is_required: h.is_required, is_secret: h.is_secret };
}
