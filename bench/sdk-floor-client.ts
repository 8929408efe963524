// The least a `tools` command can do on the MCP TypeScript SDK: connect (the SDK's own era
// negotiation), list the tools, print their names, close. No capture, no options, no output
// formatting. cli-tools-wall.ts bundles it the way the CLI is bundled and times it beside
// `periscope tools`, so the figures show how much of the CLI's start-up is the SDK's own.
// WebAssembly is compiled by Liftoff only, as bin/periscope.js does (why: there), and, as the
// launcher does, Node's fetch is loaded before that flag is set: built-in modules loaded after a
// flag change compile from source (bin/early-builtins.js). The SDK's own imports load first.
import { setFlagsFromString } from 'node:v8';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

void globalThis.Headers;
setFlagsFromString('--liftoff-only');

const url = process.argv[2];
if (!url) throw new Error('usage: sdk-floor-client URL');
const client = new Client({ name: 'sdk-floor-client', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
const { tools } = await client.listTools();
process.stdout.write(`${tools.map((tool) => tool.name).join('\n')}\n`);
await client.close();
