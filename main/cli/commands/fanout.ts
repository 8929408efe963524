import type { Command } from 'commander';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { toErrorInfo } from '../../core/diagnostics/classify-error';
import { compareAnswers, type AnswerComparison, type InstanceAnswer } from '../../core/fanout/answer-diff';
import { withConnection, withInstance, type SessionRun } from '../cli-session';
import type { InstanceTarget } from '../../core/remotes/instance-targets';
import { resolveGroupTargets } from '../group-targets';
import { resolveTarget } from '../target';
import { actionCommand, requireArg, UsageError, type CommandContext } from '../command-context';
import { normalizeConnectionOptions, withConnectionOptions } from '../connection-options';
import { FailedOutcome } from '../error-report';
import { buildToolArguments, checkArgsJson, splitPair } from '../tool-arguments';
import { terminalSafe } from '../terminal-safe';
import { findTool } from './call';

/** Instances one fan-out may address: each is a connection of its own, all opened at once. */
export const MAX_INSTANCES = 32;

interface InstanceOutcome extends InstanceAnswer {
  /** The tools/call round trip as this process saw it, ms; absent when the call was not made. */
  latencyMs?: number;
  error?: ErrorInfo;
}

/**
 * `periscope fanout <url,url,... | remote,remote,... | group> <tool> [key=value ... | --args JSON]`:
 * the same tools/call sent to every instance of one logical server (the seed's load-balanced
 * `mcp-server-1`, `-2`, `-3`), each on its own connection with the shared options (headers,
 * era, timeouts), at once. One name without a comma is a saved group: all its instances, with
 * the group's headers (secrets from the keychain), era and TLS. Prints each instance's latency and which answer it gave, grouped, and
 * for the odd ones out the JSON paths where their answer differs from the most common one.
 * `--ignore PATH` leaves a path out of the comparison (values that differ by design).
 * Exit 0 when every instance answered alike; 38 (`answers-differ`) when one answered differently
 * or failed; when all failed, the exit code of the first failure's kind.
 */
export function registerFanoutCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('fanout')
      .argument('[instances]', 'the instances, comma-separated: server URLs or saved remotes\' names; or one saved group\'s name')
      .argument('[tool]', 'tool name')
      .argument('[arguments...]', 'tool arguments as key=value (typed by the input schema)')
      .usage('[options] <url,url,...|remote,remote,...|group> <tool> [key=value ...]')
      .option('--args <json>', 'all tool arguments as one JSON object')
      .option('--ignore <path>', 'leave this path of the answers out of the comparison, e.g. _meta or structuredContent.servedAt (repeatable)', (value: string, all: string[] = []) => [...all, value])
      .description('send the same tool call to every instance of a server and show which instances answered differently'),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const opts = cmd.opts() as { args?: string; ignore?: string[] };
    const options = normalizeConnectionOptions(cmd.opts());
    if (options.stdio || cctx.stdioCommand) throw new UsageError('fanout reaches instances by URL or saved remote, not --stdio.', 'List the instances\' URLs, comma-separated.');
    const [list, toolName, ...pairs] = cmd.args as string[];
    const given = requireArg(list, 'instances (comma-separated URLs or remote names, or a group)', cmd);
    requireArg(toolName, 'tool name', cmd);
    pairs.forEach(splitPair);
    if (opts.args !== undefined) checkArgsJson(opts.args);
    const instances = given.includes(',') ? parseInstances(given) : await groupInstances(cctx, given, options);
    // A malformed URL or an unknown remote in the list is the user's typing, not an instance's
    // answer: refused before anything is sent (exit 10, as for any command), not counted as a failed instance.
    for (const item of instances) if (typeof item === 'string') await resolveTarget(item, options, cctx);

    // Each instance is a connection with a session file of its own: one --record file would be
    // written by all of them at once, and only the last to open it would be left.
    // The same for --har: one archive per instance.
    const recordFor = (index: number) => ({
      ...options,
      ...(options.record ? { record: instanceRecordPath(options.record, index) } : {}),
      ...(options.har ? { har: instanceRecordPath(options.har, index) } : {}),
    });
    if (options.record) cctx.out.note(`recording each instance to its own session file: ${instances.map((_, i) => instanceRecordPath(options.record!, i)).join(', ')}`);
    if (options.har) cctx.out.note(`writing each instance's HAR to its own file: ${instances.map((_, i) => instanceRecordPath(options.har!, i)).join(', ')}`);
    // The connections' traces interleave: each line says whose it is.
    if (options.trace) cctx.out.note(`trace lines start with the instance's number: ${instances.map((instance, i) => `[${i + 1}] ${nameOf(instance)}`).join(', ')}`);
    const traceFor = (index: number) => (options.trace ? { traceTo: (line: string) => cctx.out.note(`[${index + 1}] ${line}`) } : {});
    const outcomes = await Promise.all(
      instances.map((instance, index) => callOn(cctx, instance, recordFor(index), toolName!, opts.args, pairs, traceFor(index))),
    );
    const comparison = compareAnswers(outcomes, opts.ignore ?? []);
    cctx.out.data({ tool: toolName, instances: outcomes.map((o) => ({ ...o, answer: labelOf(comparison, o.instance) })), ...comparison });
    for (const line of formatFanout(toolName!, outcomes, comparison)) cctx.out.line(line);
    if (comparison.agree) return;
    const failed = outcomes.filter((o) => o.error);
    if (failed.length === outcomes.length) throw new FailedOutcome({ ...failed[0]!.error!, message: `Every instance failed; the first: ${failed[0]!.error!.message}` });
    const answeredDifferently = comparison.differing.length - failed.length;
    throw new FailedOutcome({
      kind: 'answers-differ',
      message:
        answeredDifferently === 0
          ? `${failed.length} of ${outcomes.length} instances failed; the others answered ${toolName} alike.`
          : `${answeredDifferently} of ${outcomes.length} instances answered ${toolName} differently from the rest${failed.length ? `, and ${failed.length} failed` : ''}.`,
      hint: 'Compare the differing paths above: a stale deployment, a different configuration or data behind one instance. Leave out values that differ by design with --ignore.',
      detail: { differing: comparison.differing.map((d) => d.instance) },
    });
  });
}

/** `a,b , c` → [a, b, c]; each names one instance (URL or saved remote); duplicates refused. */
export function parseInstances(list: string): string[] {
  const instances = list.split(',').map((item) => item.trim()).filter(Boolean);
  if (instances.length < 2) throw new UsageError('fanout compares instances: give at least two, comma-separated, or a saved group.', 'Write e.g. `periscope fanout http://mcp-server-1:3000/mcp,http://mcp-server-2:3000/mcp echo message=hi`, or save the instances as a group (remotes add NAME URL --instance URL ...).');
  if (instances.length > MAX_INSTANCES) throw new UsageError(`fanout addresses at most ${MAX_INSTANCES} instances at once (${instances.length} given).`, 'Split the list into several runs.');
  const twice = instances.find((item, i) => instances.indexOf(item) !== i);
  if (twice) throw new UsageError(`The instance ${twice} is listed twice.`, 'List each instance once.');
  return instances;
}

/** A saved group's instances; anything else (one URL, an ordinary remote) is a usage error. */
async function groupInstances(cctx: CommandContext, name: string, options: ReturnType<typeof normalizeConnectionOptions>): Promise<InstanceTarget[]> {
  const resolved = await resolveGroupTargets(name, options, cctx);
  if (!resolved.group) parseInstances(name); // one instance: refused with the usual words
  return resolved.instances;
}

/** `run.ndjson` for the instance at `index` (0-based): `run-1.ndjson`, `run-2.ndjson`, ... in the list's order. */
export function instanceRecordPath(file: string, index: number): string {
  const dot = file.lastIndexOf('.');
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return dot > slash + 1 ? `${file.slice(0, dot)}-${index + 1}${file.slice(dot)}` : `${file}-${index + 1}`;
}

/** What an instance is called in the output: its URL or remote name as given, or a group member's own. */
function nameOf(given: string | InstanceTarget): string {
  return typeof given === 'string' ? given : given.instance;
}

async function callOn(
  cctx: CommandContext,
  given: string | InstanceTarget,
  options: ReturnType<typeof normalizeConnectionOptions>,
  toolName: string,
  argsJson: string | undefined,
  pairs: string[],
  extra: { traceTo?: (line: string) => void },
): Promise<InstanceOutcome> {
  const instance = nameOf(given);
  const open = <T>(run: SessionRun<T>) => (typeof given === 'string' ? withConnection(cctx, cctx.out, given, options, run, extra) : withInstance(cctx, cctx.out, given, options, run, extra));
  try {
    return await open(async (connection) => {
      const tool = await findTool(connection, toolName);
      const args = buildToolArguments(argsJson, pairs, tool.inputSchema);
      const started = performance.now();
      const result = await connection.callTool(toolName, args);
      return { instance, latencyMs: performance.now() - started, result };
    });
  } catch (error) {
    return { instance, error: toErrorInfo(error) };
  }
}

function labelOf(comparison: AnswerComparison, instance: string): string | undefined {
  return comparison.groups.find((group) => group.instances.includes(instance))?.label;
}

/** "3 answered, 2 different answers (2 gave answer A, the most common)"; ties and a single answer said as such. */
function answersInWords(comparison: AnswerComparison, answered: number): string {
  const answers = comparison.groups.filter((group) => group.errorKind === undefined);
  const sizes = answers.map((group) => group.instances.length);
  const who = answered === 1 ? '1 answered' : `${answered} answered`;
  if (answers.length === 1) return answered === 1 ? who : `${who} alike (answer A)`;
  const tied = sizes.filter((size) => size === sizes[0]).length;
  const top = tied > 1 ? `answers ${answers.slice(0, tied).map((g) => g.label).join(', ')} were given by ${sizes[0]} each` : `${sizes[0]} gave answer A, the most common`;
  return `${who}, ${answers.length} different answers (${top})`;
}

/** The human report: one line per instance, then what differs for each odd one out. */
export function formatFanout(tool: string, outcomes: InstanceOutcome[], comparison: AnswerComparison): string[] {
  const width = Math.max(...outcomes.map((o) => o.instance.length));
  const failed = outcomes.filter((o) => o.error).length;
  const lines = [
    comparison.agree
      ? `${tool} on ${outcomes.length} instances: all answered alike`
      : failed === outcomes.length
        ? `${tool} on ${outcomes.length} instances: every one failed${comparison.groups.length === 1 ? ', the same way' : ''}`
        : `${tool} on ${outcomes.length} instances: ${answersInWords(comparison, outcomes.length - failed)}${failed ? `, ${failed} failed` : ''}`,
  ];
  for (const outcome of outcomes) {
    const latency = outcome.latencyMs !== undefined ? `${outcome.latencyMs.toFixed(1).padStart(8)} ms` : '        —   ';
    const answer = outcome.error ? `failed: ${outcome.error.kind}: ${outcome.error.message}` : `answer ${labelOf(comparison, outcome.instance)}`;
    lines.push(`  ${terminalSafe(outcome.instance.padEnd(width))}  ${latency}  ${terminalSafe(answer)}`);
  }
  for (const odd of comparison.differing) {
    if (odd.differences.length === 0) continue;
    lines.push('', `${terminalSafe(odd.instance)} (answer ${odd.label}) differs from answer A at:`);
    for (const difference of odd.differences) lines.push(`  ${terminalSafe(difference.path)}: ${terminalSafe(difference.expected)} → ${terminalSafe(difference.actual)}`);
  }
  return lines;
}
