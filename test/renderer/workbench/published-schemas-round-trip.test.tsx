import { generateSync } from 'json-schema-faker';
import { describe, expect, it } from 'vitest';
import published from '../../fixtures/published-tool-schemas/schemas.json';
import { expectFormRoundTrip, expectJsonModeShows } from './round-trip-checks';

/**
 * Every tool input schema of fourteen published MCP servers (captured from their own tools/list:
 * see test/fixtures/published-tool-schemas/README.md), each with arguments generated from the
 * schema itself by json-schema-faker (seeded, every optional property filled), through form and
 * JSON mode without change.
 */
const CASES = published.servers.flatMap((server) =>
  server.tools.map((tool, index) => {
    const schema = tool.inputSchema as Record<string, unknown>;
    const value = generateSync(schema, { seed: index + 1, alwaysFakeOptionals: true, maxItems: 2, maxDepth: 4 });
    return [`${server.package} ${tool.name}`, { schema, text: JSON.stringify(value, null, 2) }] as const;
  }),
);

describe("tool form round trip over published servers' schemas", () => {
  it('covers every tool captured', () => {
    expect(CASES.length).toBe(167);
  });

  it.each(CASES)('%s: form → JSON → form without change', async (_name, { schema, text }) => {
    await expectFormRoundTrip(schema, text);
  });

  it.each(CASES)('%s: JSON mode shows the text as typed', async (_name, { text }) => {
    await expectJsonModeShows(text);
  });
});
