import * as z from 'zod';

/**
 * The two live generations of the MCP protocol (ARCHITECTURE.md, "Two protocol eras"):
 * - `legacy`: the 2025 revisions (2024-11-05 … 2025-11-25): an `initialize` handshake, sessions
 *   (`Mcp-Session-Id`), a GET event stream, server-to-client requests;
 * - `modern`: 2026-07-28 and later: stateless, `server/discover`, the protocol version, client
 *   info and capabilities in every request's `_meta`, `subscriptions/listen`, `input_required`.
 */
export const ProtocolEra = z.enum(['legacy', 'modern']);
export type ProtocolEra = z.infer<typeof ProtocolEra>;

/** What a connection asks for: `auto` probes with `server/discover` and falls back to `initialize`. */
export const ProtocolEraChoice = z.enum(['auto', 'modern', 'legacy']);
export type ProtocolEraChoice = z.infer<typeof ProtocolEraChoice>;

/** The first revision of the modern era (MCP specification 2026-07-28). */
export const FIRST_MODERN_REVISION = '2026-07-28';

/** The 2025-era revisions a client can still pin, oldest first. */
export const LEGACY_REVISIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'] as const;

/** A protocol revision is a date: `YYYY-MM-DD`. */
export const ProtocolRevision = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A protocol version is a revision date such as 2026-07-28 or 2025-11-25');

/** The era a revision belongs to (revisions are dates, so they compare as strings). */
export function eraOfRevision(revision: string): ProtocolEra {
  return revision >= FIRST_MODERN_REVISION ? 'modern' : 'legacy';
}

/**
 * The era a connection really asks for, given its era setting and an optional pinned version:
 * a pinned version implies its own era. Returns an error message when the two disagree.
 */
export function effectiveEraChoice(choice: ProtocolEraChoice, pinned: string | undefined): { era: ProtocolEraChoice } | { error: string } {
  if (!pinned) return { era: choice };
  const era = eraOfRevision(pinned);
  if (choice !== 'auto' && choice !== era) {
    return {
      error:
        era === 'modern'
          ? `Protocol version ${pinned} belongs to the modern era (2026-07-28 and later), but the era is set to legacy; choose the modern era or a 2025 revision`
          : `Protocol version ${pinned} is a 2025-era revision, but the era is set to modern; choose the legacy era or 2026-07-28`,
    };
  }
  return { era };
}

/** How the era of a live connection was decided, in plain words for the user. */
export const EraDetection = z.object({
  /** The era setting of the connection. */
  requested: ProtocolEraChoice,
  pinnedVersion: z.string().optional(),
  chosen: ProtocolEra,
  /** What the `server/discover` probe got, when one was sent (auto and modern). */
  probe: z
    .object({
      outcome: z.enum(['modern', 'method-not-found', 'json-rpc-error', 'http-status', 'no-answer', 'exited', 'other']),
      detail: z.string(),
    })
    .optional(),
  /** e.g. "The server answered server/discover with Method not found (-32601): a 2025-era server." */
  explanation: z.string(),
});
export type EraDetection = z.infer<typeof EraDetection>;
