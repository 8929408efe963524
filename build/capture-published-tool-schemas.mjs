// Captures the tool input schemas that published MCP servers list, for the form round-trip test
// (test/fixtures/published-tool-schemas/). Run it by hand in a scratch folder where the servers
// below and @modelcontextprotocol/sdk are installed (`npm install --ignore-scripts <packages>`):
//   node /path/to/build/capture-published-tool-schemas.mjs > schemas.json
// Each server runs over stdio with placeholder credentials: listing tools needs none of them.
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

/** [package, its bin, arguments]: the servers' own README for each. */
const SERVERS = [
  ['@modelcontextprotocol/server-everything', 'mcp-server-everything', []],
  ['@modelcontextprotocol/server-filesystem', 'mcp-server-filesystem', ['/tmp']],
  ['@modelcontextprotocol/server-memory', 'mcp-server-memory', []],
  ['@modelcontextprotocol/server-sequential-thinking', 'mcp-server-sequential-thinking', []],
  ['@modelcontextprotocol/server-github', 'mcp-server-github', []],
  ['@modelcontextprotocol/server-slack', 'mcp-server-slack', []],
  ['@modelcontextprotocol/server-gitlab', 'mcp-server-gitlab', []],
  ['@modelcontextprotocol/server-google-maps', 'mcp-server-google-maps', []],
  ['@modelcontextprotocol/server-brave-search', 'mcp-server-brave-search', []],
  ['@playwright/mcp', 'playwright-mcp', []],
  ['@notionhq/notion-mcp-server', 'notion-mcp-server', []],
  ['@upstash/context7-mcp', 'context7-mcp', []],
  ['firecrawl-mcp', 'firecrawl-mcp', []],
  ['@modelcontextprotocol/server-postgres', 'mcp-server-postgres', ['postgresql://127.0.0.1:1/none']],
];
const PLACEHOLDERS = { GITHUB_PERSONAL_ACCESS_TOKEN: 'x', SLACK_BOT_TOKEN: 'x', SLACK_TEAM_ID: 'x', GITLAB_PERSONAL_ACCESS_TOKEN: 'x', GOOGLE_MAPS_API_KEY: 'x', BRAVE_API_KEY: 'x', FIRECRAWL_API_KEY: 'fc-x' };

const servers = [];
for (const [name, bin, args] of SERVERS) {
  const { version } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
  const client = new Client({ name: 'schema-capture', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: `node_modules/.bin/${bin}`, args, env: { ...process.env, ...PLACEHOLDERS }, stderr: 'ignore' }));
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools({ cursor });
    tools.push(...page.tools.map((tool) => ({ name: tool.name, inputSchema: tool.inputSchema })));
    cursor = page.nextCursor;
  } while (cursor);
  await client.close();
  servers.push({ package: name, version, tools });
}
// One tool per line, so a later capture diffs tool by tool.
const lines = servers.map(({ package: name, version, tools }) =>
  `    { "package": ${JSON.stringify(name)}, "version": ${JSON.stringify(version)}, "tools": [\n${tools.map((t) => `      ${JSON.stringify(t)}`).join(',\n')}\n    ]}`);
process.stdout.write(`{\n  "capturedOn": "${new Date().toISOString().slice(0, 10)}",\n  "servers": [\n${lines.join(',\n')}\n  ]\n}\n`);
