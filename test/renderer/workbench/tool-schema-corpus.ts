/**
 * Tool input schemas as real MCP servers publish them (shapes seen in GitHub, filesystem, Slack,
 * Postgres, Stripe, Jira, browser and search servers, and SDK-generated ones from zod and
 * pydantic), each with arguments a user might send. `text` is the arguments as typed in JSON mode
 * (2-space indented, as the workbench writes them), so big integers and "1.0" keep their digits.
 */
export interface CorpusCase {
  name: string;
  schema: Record<string, unknown>;
  text: string;
}

const obj = (properties: Record<string, unknown>, required: string[] = [], extra: Record<string, unknown> = {}) => ({ type: 'object', properties, required, ...extra });
const json = (value: unknown) => JSON.stringify(value, null, 2);

export const CORPUS: CorpusCase[] = [
  { name: 'echo: one required string', schema: obj({ message: { type: 'string', description: 'Text to send back' } }, ['message']), text: json({ message: 'héllo "world"\n\ttab \\ backslash' }) },
  { name: 'add: numbers', schema: obj({ a: { type: 'number' }, b: { type: 'number' } }, ['a', 'b']), text: json({ a: 2.5, b: -3 }) },
  { name: 'integers with bounds', schema: obj({ page: { type: 'integer', minimum: 1 }, perPage: { type: 'integer', minimum: 1, maximum: 100 } }), text: json({ page: 3, perPage: 100 }) },
  { name: 'boolean flags', schema: obj({ recursive: { type: 'boolean' }, dryRun: { type: 'boolean', default: false } }), text: json({ recursive: true, dryRun: false }) },
  { name: 'string enum with type', schema: obj({ state: { type: 'string', enum: ['open', 'closed', 'all'] } }, ['state']), text: json({ state: 'closed' }) },
  { name: 'enum without type (mixed values)', schema: obj({ level: { enum: ['low', 2, true] } }), text: json({ level: 2 }) },
  { name: 'titled enum via oneOf const', schema: obj({ sort: { type: 'string', oneOf: [{ const: 'created', title: 'Newest first' }, { const: 'updated', title: 'Recently updated' }] } }), text: json({ sort: 'updated' }) },
  { name: 'const field', schema: obj({ kind: { const: 'issue' }, title: { type: 'string' } }, ['kind', 'title']), text: json({ kind: 'issue', title: 'Crash on start' }) },
  { name: 'string formats', schema: obj({ email: { type: 'string', format: 'email' }, site: { type: 'string', format: 'uri' }, day: { type: 'string', format: 'date' }, at: { type: 'string', format: 'date-time' }, id: { type: 'string', format: 'uuid' } }), text: json({ email: 'ada@example.com', site: 'https://example.com/a?b=1', day: '2026-07-28', at: '2026-07-28T10:00:00Z', id: '6f1c1f4e-2b0a-4c53-9f0e-3b8b8d5d2c11' }) },
  { name: 'array of strings', schema: obj({ labels: { type: 'array', items: { type: 'string' } } }), text: json({ labels: ['bug', 'ui', ''] }) },
  { name: 'array of integers', schema: obj({ ids: { type: 'array', items: { type: 'integer' }, minItems: 1 } }, ['ids']), text: json({ ids: [1, 2, 3] }) },
  { name: 'array of objects (file edits)', schema: obj({ path: { type: 'string' }, edits: { type: 'array', items: obj({ oldText: { type: 'string' }, newText: { type: 'string' } }, ['oldText', 'newText']) } }, ['path', 'edits']), text: json({ path: '/tmp/a.txt', edits: [{ oldText: 'a', newText: 'b' }, { oldText: 'x\ny', newText: '' }] }) },
  { name: 'nested objects', schema: obj({ repo: obj({ owner: { type: 'string' }, name: { type: 'string' } }, ['owner', 'name']), options: obj({ draft: { type: 'boolean' }, base: { type: 'string' } }) }), text: json({ repo: { owner: 'octo', name: 'hello' }, options: { draft: true, base: 'main' } }) },
  { name: 'anyOf string or null (pydantic Optional)', schema: obj({ cursor: { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title: 'Cursor' } }), text: json({ cursor: null }) },
  { name: 'anyOf string or null, a string given', schema: obj({ cursor: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Cursor' } }), text: json({ cursor: 'abc' }) },
  { name: 'nullable via type list', schema: obj({ limit: { type: ['integer', 'null'] } }), text: json({ limit: null }) },
  { name: 'oneOf objects (search by id or by query)', schema: obj({ target: { oneOf: [obj({ id: { type: 'integer' } }, ['id'], { additionalProperties: false }), obj({ query: { type: 'string' } }, ['query'], { additionalProperties: false })] } }), text: json({ target: { query: 'is:open' } }) },
  { name: 'allOf composition', schema: { allOf: [obj({ name: { type: 'string' } }, ['name']), obj({ age: { type: 'integer' } })] }, text: json({ name: 'Ada', age: 36 }) },
  { name: 'local $ref to $defs (zod-to-json-schema)', schema: { ...obj({ from: { $ref: '#/$defs/Point' }, to: { $ref: '#/$defs/Point' } }, ['from', 'to']), $defs: { Point: obj({ x: { type: 'number' }, y: { type: 'number' } }, ['x', 'y']) } }, text: json({ from: { x: 0, y: 1.5 }, to: { x: -2, y: 3 } }) },
  { name: 'local $ref to definitions (draft-07)', schema: { ...obj({ user: { $ref: '#/definitions/User' } }), definitions: { User: obj({ login: { type: 'string' } }) } }, text: json({ user: { login: 'octocat' } }) },
  { name: 'array of $ref items', schema: { ...obj({ rows: { type: 'array', items: { $ref: '#/$defs/Row' } } }), $defs: { Row: obj({ key: { type: 'string' }, value: { type: 'string' } }) } }, text: json({ rows: [{ key: 'a', value: '1' }] }) },
  { name: 'big integer beyond 2^53 (Snowflake id)', schema: obj({ id: { type: 'integer' } }, ['id']), text: '{\n  "id": 7960607143101464577\n}' },
  { name: 'big integer in an array of objects', schema: obj({ messages: { type: 'array', items: obj({ ts: { type: 'integer' }, text: { type: 'string' } }) } }), text: '{\n  "messages": [\n    {\n      "ts": 18446744073709551615,\n      "text": "max u64"\n    }\n  ]\n}' },
  { name: 'decimal written with a trailing zero', schema: obj({ amount: { type: 'number' }, currency: { type: 'string', enum: ['usd', 'eur'] } }, ['amount', 'currency']), text: '{\n  "amount": 10.0,\n  "currency": "usd"\n}' },
  { name: 'defaults present', schema: obj({ steps: { type: 'integer', default: 5 }, stepMs: { type: 'integer', default: 200 } }), text: json({ steps: 5, stepMs: 200 }) },
  { name: 'string with length and pattern', schema: obj({ sha: { type: 'string', pattern: '^[0-9a-f]{7,40}$', minLength: 7 } }, ['sha']), text: json({ sha: 'deadbeef' }) },
  { name: 'multi-select: array of enum, unique', schema: obj({ scopes: { type: 'array', items: { type: 'string', enum: ['read', 'write', 'admin'] }, uniqueItems: true } }), text: json({ scopes: ['read', 'admin'] }) },
  { name: 'free-form object (additionalProperties)', schema: obj({ headers: { type: 'object', additionalProperties: { type: 'string' } } }), text: json({ headers: { 'X-Trace': 'on', Accept: 'application/json' } }) },
  { name: 'SQL query tool', schema: obj({ sql: { type: 'string', description: 'A read-only SELECT' }, params: { type: 'array', items: { type: ['string', 'number', 'boolean', 'null'] } } }, ['sql']), text: json({ sql: "SELECT * FROM t WHERE a = $1 AND b = 'x'", params: ['a', 1, true, null] }) },
  { name: 'browser navigate (2020-12 $schema)', schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...obj({ url: { type: 'string', format: 'uri' }, waitUntil: { type: 'string', enum: ['load', 'domcontentloaded', 'networkidle'], default: 'load' } }, ['url']) }, text: json({ url: 'https://example.com/', waitUntil: 'networkidle' }) },
  { name: 'search with nested filter and optional fields', schema: obj({ query: { type: 'string' }, filter: obj({ since: { type: 'string', format: 'date' }, authors: { type: 'array', items: { type: 'string' } } }), limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 } }, ['query']), text: json({ query: 'mcp', filter: { authors: ['ada', 'grace'] }, limit: 10 }) },
  { name: 'empty arguments (no properties)', schema: { type: 'object', properties: {} }, text: json({}) },
  { name: 'unicode keys and values', schema: obj({ 'città': { type: 'string' }, emoji: { type: 'string' } }), text: json({ 'città': 'Zürich', emoji: '🔭' }) },
  // The form fills keys from the schema first and appends those it cannot fill (a null under anyOf,
  // an empty map): typed before other keys, they must stay where they were.
  { name: 'null under anyOf typed before other keys', schema: obj({ motion: { anyOf: [{ type: 'string', enum: ['reduce'] }, { type: 'null' }] }, scheme: { type: 'string' } }), text: json({ motion: null, scheme: 'dark' }) },
  { name: 'empty map typed before other keys', schema: obj({ headers: { type: 'object', additionalProperties: { type: 'string' } }, url: { type: 'string' }, nested: obj({ meta: { type: 'object', additionalProperties: true }, id: { type: 'integer' } }) }), text: json({ headers: {}, url: 'https://example.com/', nested: { meta: {}, id: 1 } }) },
  { name: 'negative and exponent numbers', schema: obj({ lat: { type: 'number' }, scale: { type: 'number' } }), text: '{\n  "lat": -33.8688,\n  "scale": 1e-7\n}' },
];
