import type { ConnectionInfo, ErrorInfo } from '../../../shared/model';
import type { McpConnection } from '../../core/connections/mcp-connection';
import { PeriscopeError } from '../../core/diagnostics/periscope-error';
import { refusedSampling } from '../client-input-options';
import { errorInfoOf } from '../error-report';
import type { ToolLike } from '../format/listings';
import type { InvalidItemKind, InvalidListItem } from '../../../shared/model/invalid-list-item';
import { invalidWarnings } from '../invalid-list-warnings';
import { argumentsFromSchema } from './schema-arguments';
import { schemaEchoOverride } from './schema-echo';
import type { ScriptedCalls } from './scripted-calls';

/** How one request of the run ended: `isError` is a tool result that reports a failure. */
export type StepOutcome = 'ok' | 'isError' | 'error';

export interface StepReport {
  /** tools/call, resources/read or prompts/get */
  method: string;
  /** The tool or prompt name, or the resource URI. */
  name: string;
  arguments?: Record<string, unknown>;
  /** Where the arguments came from: --calls / MCP_CONFORMANCE_CONTEXT, or built from the schema. */
  argumentsFrom?: 'script' | 'schema';
  outcome: StepOutcome;
  /** Round trip of the request, in milliseconds (all of its input_required rounds included). */
  latencyMs: number;
  result?: unknown;
  error?: ErrorInfo;
}

/** A listing that was not done, and why (not advertised), or that failed. */
export interface ListingReport {
  listed: number;
  templates?: number;
  skipped?: string;
  error?: ErrorInfo;
  /** The server returned a nextCursor: only the first page was exercised. */
  morePages?: boolean;
  /** Items that break the MCP schema, left out of the run (see listLeniently). */
  invalid?: InvalidListItem[];
  /** Resources only: templates that break the MCP schema. */
  invalidTemplates?: InvalidListItem[];
}

/** Notes each invalid item of a listing and keeps them in its report. */
function noteInvalid(into: ListingReport, kind: InvalidItemKind, invalid: InvalidListItem[] | undefined, hooks: ExerciseHooks): void {
  if (!invalid) return;
  into.invalid = invalid;
  for (const line of invalidWarnings(kind, invalid)) hooks.note(line);
}

export interface ExerciseReport {
  tools: ListingReport & { calls: StepReport[] };
  resources: ListingReport & { reads: StepReport[] };
  prompts: ListingReport & { gets: StepReport[] };
}

export interface ExerciseHooks {
  scripted: ScriptedCalls;
  /** Called once a listing is known (listed, skipped or failed), before its steps. */
  onListing(section: 'Tools' | 'Resources' | 'Prompts', listing: ListingReport): void;
  /** Called as each step ends, so a long run shows its progress. */
  onStep(step: StepReport): void;
  /** Notes for stderr (e.g. a scripted call naming a tool the server did not list). */
  note(line: string): void;
  /** Aborted by Ctrl-C: the run stops between steps. */
  interrupted: AbortSignal;
}

/**
 * `periscope exercise`: on one connection, lists the tools and calls every listed one (scripted
 * arguments first, else built from its input schema), then, when the server advertises them,
 * lists and reads every resource and lists and gets every prompt. A failing call is a result of
 * the run, not its end; only a failing tools/list of a server that advertises tools throws.
 */
export async function runExercise(connection: McpConnection, info: ConnectionInfo, hooks: ExerciseHooks): Promise<ExerciseReport> {
  const capabilities = info.capabilities ?? {};
  const report: ExerciseReport = {
    tools: { listed: 0, calls: [] },
    resources: { listed: 0, reads: [] },
    prompts: { listed: 0, gets: [] },
  };

  let tools: ToolLike[] = [];
  try {
    const listing = (await connection.listTools()) as { tools: ToolLike[]; nextCursor?: string; invalid?: InvalidListItem[] };
    tools = listing.tools;
    report.tools.listed = tools.length;
    if (listing.nextCursor) report.tools.morePages = true;
    noteInvalid(report.tools, 'tool', listing.invalid, hooks);
  } catch (error) {
    // A server without the tools capability may rightly refuse tools/list; one that has it may not.
    if (capabilities.tools) throw error;
    report.tools.skipped = 'the server does not advertise tools';
  }
  hooks.onListing('Tools', report.tools);
  for (const name of hooks.scripted.keys()) {
    if (!tools.some((t) => t.name === name)) hooks.note(`note: the scripted call of "${name}" was not made: the server did not list that tool.`);
  }
  for (const tool of tools) {
    stopIfInterrupted(hooks.interrupted);
    const scripted = hooks.scripted.get(tool.name);
    const args = scripted ?? argumentsFromSchema(tool.inputSchema, schemaEchoOverride(tool, tools));
    const step = await timed('tools/call', tool.name, () => connection.callTool(tool.name, args), { arguments: args, argumentsFrom: scripted ? 'script' : 'schema' });
    report.tools.calls.push(step);
    hooks.onStep(step);
  }

  if (capabilities.resources) await exerciseResources(connection, report.resources, hooks);
  else hooks.onListing('Resources', Object.assign(report.resources, { skipped: 'the server does not advertise resources' }));

  if (capabilities.prompts) await exercisePrompts(connection, report.prompts, hooks);
  else hooks.onListing('Prompts', Object.assign(report.prompts, { skipped: 'the server does not advertise prompts' }));
  return report;
}

async function exerciseResources(connection: McpConnection, into: ExerciseReport['resources'], hooks: ExerciseHooks): Promise<void> {
  let resources: Array<{ uri: string }> = [];
  try {
    const listing = (await connection.listResources()) as { resources: Array<{ uri: string }>; nextCursor?: string; invalid?: InvalidListItem[] };
    resources = listing.resources;
    into.listed = resources.length;
    if (listing.nextCursor) into.morePages = true;
    noteInvalid(into, 'resource', listing.invalid, hooks);
    const templates = await listTemplates(connection);
    into.templates = templates?.count;
    if (templates?.invalid) {
      into.invalidTemplates = templates.invalid;
      for (const line of invalidWarnings('resource template', templates.invalid)) hooks.note(line);
    }
  } catch (error) {
    into.error = errorInfoOf(error);
  }
  hooks.onListing('Resources', into);
  for (const resource of resources) {
    stopIfInterrupted(hooks.interrupted);
    const step = await timed('resources/read', resource.uri, () => connection.readResource(resource.uri));
    into.reads.push(step);
    hooks.onStep(step);
  }
}

/** Templates are only counted (reading one needs values for its URI variables); a refusal is not a failure of the run. */
async function listTemplates(connection: McpConnection): Promise<{ count: number; invalid?: InvalidListItem[] } | undefined> {
  try {
    const listed = (await connection.listResourceTemplates()) as { resourceTemplates: unknown[]; invalid?: InvalidListItem[] };
    return { count: listed.resourceTemplates.length, ...(listed.invalid ? { invalid: listed.invalid } : {}) };
  } catch {
    return undefined;
  }
}

async function exercisePrompts(connection: McpConnection, into: ExerciseReport['prompts'], hooks: ExerciseHooks): Promise<void> {
  let prompts: Array<{ name: string; arguments?: Array<{ name: string; required?: boolean }> }> = [];
  try {
    const listing = (await connection.listPrompts()) as { prompts: typeof prompts; nextCursor?: string; invalid?: InvalidListItem[] };
    prompts = listing.prompts;
    into.listed = prompts.length;
    if (listing.nextCursor) into.morePages = true;
    noteInvalid(into, 'prompt', listing.invalid, hooks);
  } catch (error) {
    into.error = errorInfoOf(error);
  }
  hooks.onListing('Prompts', into);
  for (const prompt of prompts) {
    stopIfInterrupted(hooks.interrupted);
    // Prompt arguments are strings (prompts/get); only the required ones are sent.
    const args = Object.fromEntries((prompt.arguments ?? []).filter((a) => a.required).map((a) => [a.name, 'example']));
    const step = await timed('prompts/get', prompt.name, () => connection.getPrompt(prompt.name, args), { arguments: args });
    into.gets.push(step);
    hooks.onStep(step);
  }
}

async function timed(method: string, name: string, send: () => Promise<unknown>, extra: Partial<StepReport> = {}): Promise<StepReport> {
  const started = performance.now();
  try {
    const result = await send();
    const isError = (result as { isError?: unknown } | undefined)?.isError === true;
    return { method, name, ...extra, outcome: isError ? 'isError' : 'ok', latencyMs: performance.now() - started, result };
  } catch (error) {
    return { method, name, ...extra, outcome: 'error', latencyMs: performance.now() - started, error: errorInfoOf(refusedSampling(error) ?? error) };
  }
}

function stopIfInterrupted(signal: AbortSignal): void {
  if (signal.aborted) throw new PeriscopeError({ kind: 'cancelled', message: 'Interrupted (Ctrl-C).', hint: 'Nothing to fix: it was stopped on purpose.' });
}
