import type { LoadPlan, LoadRequest } from '../../shared/model/load-run';
import { countNoun } from '../../shared/text/count-noun';

/** The Load run form as typed: every field text, checked only when the user starts a run. */
export interface LoadForm {
  kind: LoadRequest['kind'];
  tool: string;
  /** The tool's arguments as a JSON object (sent as text, so main keeps every number exact). */
  toolArgs: string;
  uri: string;
  prompt: string;
  /** The prompt's arguments as a JSON object of strings. */
  promptArgs: string;
  method: string;
  params: string;
  /** Run N requests, or for a time. */
  mode: 'count' | 'duration';
  count: string;
  /** Seconds. */
  duration: string;
  concurrency: string;
  /** Requests per second; empty for as fast as the workers go. */
  rate: string;
  warmup: string;
}

export type LoadFormField = keyof LoadForm;
export type LoadFormErrors = Partial<Record<LoadFormField, string>>;

export const EMPTY_LOAD_FORM: LoadForm = {
  kind: 'tool',
  tool: '',
  toolArgs: '{}',
  uri: '',
  prompt: '',
  promptArgs: '{}',
  method: '',
  params: '',
  mode: 'count',
  count: '100',
  duration: '10',
  concurrency: '4',
  rate: '',
  warmup: '0',
};

/** The window's limits, as main enforces them (main/core/load/load-run-registry.ts LOAD_LIMITS). */
const LIMITS = { concurrency: 256, count: 1_000_000, durationS: 3600, warmup: 100_000, rate: 100_000 };

/** Main's `detail.field` of a refused plan, as the form's field that shows the error. */
export const PLAN_FIELDS: Record<string, LoadFormField> = { count: 'count', durationMs: 'duration', concurrency: 'concurrency', ratePerS: 'rate', warmup: 'warmup' };

/**
 * The form as a request and a plan, or the problem of each field in plain words (shown next to
 * it). Pure: the panel calls it on Start; main checks the plan again and may still refuse it.
 */
export function checkLoadForm(form: LoadForm): { request: LoadRequest; plan: LoadPlan } | { errors: LoadFormErrors } {
  const errors: LoadFormErrors = {};
  const request = requestOf(form, errors);
  const plan: LoadPlan = { concurrency: whole(form.concurrency, 1, LIMITS.concurrency, 'concurrency', 'Concurrency', errors) ?? 1 };
  if (form.mode === 'count') {
    plan.count = whole(form.count, 1, LIMITS.count, 'count', 'The number of requests', errors);
  } else {
    const seconds = decimal(form.duration, LIMITS.durationS, 'duration', 'The duration', 'seconds', errors);
    if (seconds !== undefined) plan.durationMs = Math.round(seconds * 1000);
  }
  if (form.rate.trim() !== '') plan.ratePerS = decimal(form.rate, LIMITS.rate, 'rate', 'The rate', 'requests per second', errors);
  const warmup = form.warmup.trim() === '' ? 0 : whole(form.warmup, 0, LIMITS.warmup, 'warmup', 'The warm-up', errors);
  if (warmup) plan.warmup = warmup;
  if (Object.keys(errors).length > 0 || !request) return { errors };
  return { request, plan };
}

function requestOf(form: LoadForm, errors: LoadFormErrors): LoadRequest | undefined {
  switch (form.kind) {
    case 'tool':
      if (!form.tool.trim()) errors.tool = 'Choose the tool to call.';
      if (objectProblem(form.toolArgs, 'arguments')) errors.toolArgs = objectProblem(form.toolArgs, 'arguments');
      return { kind: 'tool', name: form.tool.trim(), argumentsJson: form.toolArgs.trim() || '{}' };
    case 'resource':
      if (!form.uri.trim()) errors.uri = 'Give the URI of the resource to read, e.g. demo://text.';
      return { kind: 'resource', uri: form.uri.trim() };
    case 'prompt': {
      if (!form.prompt.trim()) errors.prompt = 'Give the name of the prompt to get.';
      const args = stringArguments(form.promptArgs, errors);
      return { kind: 'prompt', name: form.prompt.trim(), ...(args && Object.keys(args).length > 0 ? { arguments: args } : {}) };
    }
    case 'method':
      if (!form.method.trim()) errors.method = 'Give the JSON-RPC method to send, e.g. tools/list.';
      else if (/\s/.test(form.method.trim())) errors.method = 'A method name has no spaces, e.g. resources/list.';
      if (form.params.trim() && objectProblem(form.params, 'params')) errors.params = objectProblem(form.params, 'params');
      return { kind: 'method', method: form.method.trim(), ...(form.params.trim() ? { paramsJson: form.params } : {}) };
  }
}

/** Why `text` is not a JSON object, or undefined when it is one. */
function objectProblem(text: string, what: string): string | undefined {
  if (!text.trim()) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : `The ${what} must be a JSON object, e.g. {"text": "hello"}.`;
  } catch (error) {
    return `The ${what} are not valid JSON: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

function stringArguments(text: string, errors: LoadFormErrors): Record<string, string> | undefined {
  const problem = objectProblem(text, 'arguments');
  if (problem) {
    errors.promptArgs = problem;
    return undefined;
  }
  if (!text.trim()) return undefined;
  const value = JSON.parse(text) as Record<string, unknown>;
  const notText = Object.keys(value).filter((k) => typeof value[k] !== 'string');
  if (notText.length > 0) {
    errors.promptArgs = `Prompt arguments are text: put ${notText.join(', ')} in quotes.`;
    return undefined;
  }
  return value as Record<string, string>;
}

function whole(text: string, min: number, max: number, field: LoadFormField, name: string, errors: LoadFormErrors): number | undefined {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || n < min || n > max) {
    errors[field] = `${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}${trimmed ? `, not "${trimmed}"` : ''}.`;
    return undefined;
  }
  return n;
}

function decimal(text: string, max: number, field: LoadFormField, name: string, unit: string, errors: LoadFormErrors): number | undefined {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (!trimmed || !Number.isFinite(n) || n <= 0 || n > max) {
    errors[field] = `${name} must be a number of ${unit} above 0 and at most ${max.toLocaleString('en-US')}${trimmed ? `, not "${trimmed}"` : ''}.`;
    return undefined;
  }
  return n;
}

/** "tools/call echo · 1,000 requests · 4 at once · 50/s · warm-up 10": a run's request and plan in one line. */
export function describeRun(request: LoadRequest, plan: LoadPlan): string {
  const what = request.kind === 'tool' ? `tools/call ${request.name}` : request.kind === 'resource' ? `resources/read ${request.uri}` : request.kind === 'prompt' ? `prompts/get ${request.name}` : request.method;
  const size = plan.count !== undefined ? countNoun(plan.count, 'request') : `${((plan.durationMs ?? 0) / 1000).toLocaleString('en-US')} s`;
  const parts = [what, size, `${plan.concurrency} at once`];
  if (plan.ratePerS) parts.push(`${plan.ratePerS.toLocaleString('en-US', { maximumSignificantDigits: 6 })}/s`);
  if (plan.warmup) parts.push(`warm-up ${plan.warmup}`);
  return parts.join(' · ');
}
