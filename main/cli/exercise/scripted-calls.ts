import { readFile } from 'node:fs/promises';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import { parseExactJson } from '../exact-json';

/**
 * The environment variable the official MCP conformance suite sets for some scenarios (JSON);
 * `exercise` reads its `toolCalls` (e.g. http-custom-headers gives values a schema cannot produce:
 * strings that need Base64 header encoding, a `null` that must not be mirrored).
 */
export const CONFORMANCE_CONTEXT_ENV = 'MCP_CONFORMANCE_CONTEXT';

/**
 * Scripted arguments per tool name, used verbatim instead of schema-built ones. Source format,
 * in MCP_CONFORMANCE_CONTEXT or a `--calls <file>`:
 *   { "toolCalls": [ { "name": "<tool>", "arguments": { ... } }, ... ] }
 * Other top-level fields are ignored (the suite puts other scenario data there).
 */
export type ScriptedCalls = Map<string, Record<string, unknown>>;

/**
 * The scripted calls of this run: the environment variable's, then the --calls file's (which
 * win for the same tool). Throws `invalid-input` for text that is not this shape and
 * `not-found` for a --calls file that cannot be read.
 */
export async function loadScriptedCalls(env: NodeJS.ProcessEnv, callsFile: string | undefined): Promise<ScriptedCalls> {
  const calls: ScriptedCalls = new Map();
  const fromEnv = env[CONFORMANCE_CONTEXT_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') addCalls(calls, fromEnv, `the ${CONFORMANCE_CONTEXT_ENV} environment variable`);
  if (callsFile !== undefined) addCalls(calls, await readCallsFile(callsFile), `--calls ${callsFile}`);
  return calls;
}

/** Parses one source into `calls`; exported for tests. */
export function addCalls(calls: ScriptedCalls, text: string, origin: string): void {
  let value: unknown;
  try {
    // Exact: a number the server would get with other digits is refused, not sent.
    value = parseExactJson(text, origin);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw invalid(`${origin} is not valid JSON: ${error.message}`);
  }
  if (!isObject(value)) throw invalid(`${origin} must be a JSON object with a "toolCalls" list.`);
  if (value.toolCalls === undefined) return;
  if (!Array.isArray(value.toolCalls)) throw invalid(`"toolCalls" in ${origin} must be a list.`);
  value.toolCalls.forEach((call: unknown, index: number) => {
    if (!isObject(call) || typeof call.name !== 'string' || call.name === '') throw invalid(`toolCalls[${index}] in ${origin} needs a "name" (the tool's name).`);
    const args = call.arguments ?? {};
    if (!isObject(args)) throw invalid(`toolCalls[${index}].arguments in ${origin} must be a JSON object.`);
    calls.set(call.name, args);
  });
}

async function readCallsFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new PeriscopeError(
      { kind: 'not-found', message: `Cannot read the --calls file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, hint: 'Check the path; the file holds {"toolCalls": [{"name": "...", "arguments": {...}}]}.' },
      { cause: error },
    );
  }
}

function invalid(message: string): PeriscopeError {
  return new PeriscopeError({ kind: 'invalid-input', message, hint: 'Write it as {"toolCalls": [{"name": "echo", "arguments": {"message": "hi"}}]}.' });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
