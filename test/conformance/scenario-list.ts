/**
 * The client scenarios of @modelcontextprotocol/conformance 0.2.0-alpha.12 that Periscope's CLI
 * must pass, each with the protocol revisions it is run at.
 *
 * A scenario applies to a window of revisions (`conformance list` prints it). Run without
 * `--spec-version`, the suite picks 2026-07-28 for scenarios introduced there and 2025-11-25 for
 * everything else; the two requirement sets (requirements/2025-11-25.yaml, 2026-07-28.yaml) list
 * tools_call (scored) and json-schema-2020-12-preservation (not scored) under both, and "a
 * scenario belonging to both revisions must be run twice, once under each", so those two run at
 * both here. Each run passes `--spec-version` explicitly.
 */
export interface ClientScenarioRun {
  scenario: string;
  specVersion: '2025-03-26' | '2025-11-25' | '2026-07-28';
  /** Runs through the OAuth adapter (auth-client.mjs), which maps MCP_CONFORMANCE_CONTEXT to the CLI's OAuth flags. */
  auth?: true;
}

const LEGACY = '2025-11-25' as const;
const MODERN = '2026-07-28' as const;

export const CLIENT_SCENARIO_RUNS: readonly ClientScenarioRun[] = [
  { scenario: 'initialize', specVersion: LEGACY },
  { scenario: 'tools_call', specVersion: LEGACY },
  { scenario: 'tools_call', specVersion: MODERN },
  { scenario: 'sse-retry', specVersion: LEGACY },
  { scenario: 'elicitation-sep1034-client-defaults', specVersion: LEGACY },
  { scenario: 'request-metadata', specVersion: MODERN },
  { scenario: 'sep-2322-client-request-state', specVersion: MODERN },
  { scenario: 'http-standard-headers', specVersion: MODERN },
  { scenario: 'http-custom-headers', specVersion: MODERN },
  { scenario: 'http-invalid-tool-headers', specVersion: MODERN },
  { scenario: 'json-schema-ref-no-deref', specVersion: MODERN },
  { scenario: 'json-schema-2020-12-preservation', specVersion: LEGACY },
  { scenario: 'json-schema-2020-12-preservation', specVersion: MODERN },
  ...AUTH_RUNS(),
];

/**
 * The auth/* client scenarios (all 33 the suite has), through test/conformance/auth-client.mjs.
 * Scored in both requirement sets (2025-11-25.yaml and 2026-07-28.yaml), so run at both: the
 * 14 dated scenarios introduced by 2025-11-25 and the 6 extension scenarios (client
 * credentials, enterprise-managed authorization, DPoP, DPoP nonce, workload identity). The 11
 * introduced by 2026-07-28 run there; the two 2025-03-26 back-compat scenarios (in neither
 * requirement set) run at their own revision. None is left out: every one passes.
 */
function AUTH_RUNS(): ClientScenarioRun[] {
  const both = [
    'metadata-default', 'metadata-var1', 'metadata-var2', 'metadata-var3', 'basic-cimd',
    'scope-from-www-authenticate', 'scope-from-scopes-supported', 'scope-omitted-when-undefined', 'scope-step-up', 'scope-retry-limit',
    'token-endpoint-auth-basic', 'token-endpoint-auth-post', 'token-endpoint-auth-none', 'pre-registration',
    'client-credentials-basic', 'client-credentials-jwt', 'enterprise-managed-authorization', 'dpop', 'dpop-nonce', 'wif-jwt-bearer',
  ];
  const modernOnly = [
    'resource-mismatch', 'offline-access-scope', 'offline-access-not-supported', 'authorization-server-migration',
    'iss-supported', 'iss-not-advertised', 'iss-supported-missing', 'iss-wrong-issuer', 'iss-unexpected', 'iss-normalized', 'metadata-issuer-mismatch',
  ];
  const legacyOnly = ['2025-03-26-oauth-metadata-backcompat', '2025-03-26-oauth-endpoint-fallback'];
  return [
    ...both.flatMap((name) => [LEGACY, MODERN].map((specVersion) => ({ scenario: `auth/${name}`, specVersion, auth: true as const }))),
    ...modernOnly.map((name) => ({ scenario: `auth/${name}`, specVersion: MODERN, auth: true as const })),
    ...legacyOnly.map((name) => ({ scenario: `auth/${name}`, specVersion: '2025-03-26' as const, auth: true as const })),
  ];
}
