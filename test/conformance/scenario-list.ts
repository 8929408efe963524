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
  specVersion: '2025-11-25' | '2026-07-28';
}

const LEGACY = '2025-11-25';
const MODERN = '2026-07-28';

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
];
