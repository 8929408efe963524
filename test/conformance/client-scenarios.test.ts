import { afterAll, describe, it } from 'vitest';
import { runClientScenario } from './run-client-scenario';
import { CLIENT_SCENARIO_RUNS } from './scenario-list';

/**
 * The official conformance suite (@modelcontextprotocol/conformance) runs our CLI as its client,
 * one scenario at a time. The client command comes from PERISCOPE_CONFORMANCE_CLIENT (default
 * below); `node test/conformance/reference-client/reference-client.mjs` is a client built only
 * on the v2 SDK that passes every run, to tell a harness fault from a CLI fault.
 * Run: `npm run test:conformance` (builds the CLI first; `npm test` runs it after the integration tests).
 */
const DEFAULT_CLIENT = 'node bin/periscope.js exercise --elicitation accept-defaults';
const command = process.env.PERISCOPE_CONFORMANCE_CLIENT?.trim() || DEFAULT_CLIENT;
/** The auth/* scenarios: the adapter that maps the scenario's context to the CLI's OAuth flags (override: PERISCOPE_CONFORMANCE_AUTH_CLIENT). */
const DEFAULT_AUTH_CLIENT = 'node test/conformance/auth-client.mjs';
const authCommand = process.env.PERISCOPE_CONFORMANCE_AUTH_CLIENT?.trim() || DEFAULT_AUTH_CLIENT;
const durations: string[] = [];

// Two scenarios at a time (the project's maxConcurrency): each is a suite process with its own
// servers on ephemeral ports and a CLI process of its own, so they cannot meet.
describe.concurrent(`conformance client scenarios against: ${command}`, () => {
  for (const { scenario, specVersion, auth } of CLIENT_SCENARIO_RUNS) {
    it(`${scenario} at ${specVersion}`, async ({ expect }) => {
      const result = await runClientScenario({ scenario, specVersion, command: auth ? authCommand : command });
      durations.push(`${`${scenario} @ ${specVersion}`.padEnd(52)} ${String(result.durationMs).padStart(6)} ms  ${result.passed ? 'passed' : 'FAILED'}`);
      expect(result.passed, result.failureText).toBe(true);
    });
  }

  afterAll(() => {
    if (durations.length > 0) console.log(`conformance scenario timings (suite start to exit):\n${durations.join('\n')}`);
  });
});
