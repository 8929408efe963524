/**
 * A reference client for the official conformance suite's client scenarios, built only on the
 * v2 client SDK. It proves the harness (client-scenarios.test.ts) and is the executable form of
 * the contract `periscope exercise` must meet:
 *
 *   node test/conformance/reference-client/reference-client.mjs <server-url>
 *
 * The suite appends the server URL as the last argument and sets MCP_CONFORMANCE_SCENARIO,
 * MCP_CONFORMANCE_PROTOCOL_VERSION and, for some scenarios, MCP_CONFORMANCE_CONTEXT (JSON).
 * Steps: connect over Streamable HTTP with era negotiation `auto` (server/discover probe, legacy
 * initialize fallback), list tools and call each (arguments: schema-arguments.mjs), read every
 * listed resource, get every listed prompt, answer elicitation with defaults
 * (elicitation-defaults.mjs), close. One line per step on stdout.
 *
 * Exit code: 0 once connected and listed, even when single calls fail (several scenarios serve
 * tools that answer errors on purpose, and a nonzero exit fails a scenario); 1 when connecting or
 * listing fails.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { acceptDefaults } from './elicitation-defaults.mjs';
import { argumentsFor } from './schema-arguments.mjs';

const url = process.argv.at(-1);
const scenario = process.env.MCP_CONFORMANCE_SCENARIO;
const context = process.env.MCP_CONFORMANCE_CONTEXT ? JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT) : undefined;
const say = (line) => process.stdout.write(`${line}\n`);
const short = (value) => JSON.stringify(value).slice(0, 200);

const client = new Client(
  { name: 'periscope-conformance-reference', version: '0.1.0' },
  { versionNegotiation: { mode: 'auto' }, capabilities: { elicitation: {} } },
);
client.setRequestHandler('elicitation/create', async (request) => acceptDefaults(request.params));
client.onerror = (error) => process.stderr.write(`client error: ${error?.message ?? error}\n`);

/** Runs one step; a failure is reported and does not end the run. */
async function step(label, run) {
  try {
    say(`${label}: ${short(await run())}`);
  } catch (error) {
    say(`${label} failed: ${error?.constructor?.name} ${error?.code ?? ''} ${error?.message ?? error}`);
  }
}

try {
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  say(`connected: era ${client.getProtocolEra()}, version ${client.getNegotiatedProtocolVersion()}, server ${short(client.getServerVersion() ?? null)}`);
  const { tools } = await client.listTools();
  const { resources } = await client.listResources();
  const { prompts } = await client.listPrompts();
  say(`listed: tools ${short(tools.map((t) => t.name))}, resources ${resources.length}, prompts ${prompts.length}`);
  for (const tool of tools) await step(`call ${tool.name}`, () => client.callTool({ name: tool.name, arguments: argumentsFor(tool, tools, { scenario, context }) }));
  for (const resource of resources) await step(`read ${resource.uri}`, () => client.readResource({ uri: resource.uri }));
  for (const prompt of prompts) {
    const args = Object.fromEntries((prompt.arguments ?? []).filter((a) => a.required).map((a) => [a.name, 'example']));
    await step(`prompt ${prompt.name}`, () => client.getPrompt({ name: prompt.name, arguments: args }));
  }
} catch (error) {
  process.stderr.write(`error: ${error?.constructor?.name} ${error?.code ?? ''} ${error?.message ?? error}\n`);
  process.exitCode = 1;
} finally {
  await client.close().catch(() => undefined);
}
