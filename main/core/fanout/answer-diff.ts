import type { ErrorInfo } from '../../../shared/model/error-info';
import { setOwn } from '../../../shared/json/own-property';

/** One instance's answer to the same request: its result, or why it has none. */
export interface InstanceAnswer {
  instance: string;
  result?: unknown;
  error?: Pick<ErrorInfo, 'kind' | 'message'>;
}

/** Instances whose answers are the same, once the ignored paths are left out. */
export interface AnswerGroup {
  /** `A`, `B`, …: the most common answer first, failures after every answer. */
  label: string;
  instances: string[];
  /** The error kind when the group is a failure (instances that failed the same way). */
  errorKind?: string;
}

/** Where an instance's answer departs from the most common one: a path, and both values as JSON. */
export interface AnswerDifference {
  path: string;
  expected: string;
  actual: string;
}

export interface AnswerComparison {
  groups: AnswerGroup[];
  /** Every instance outside the most common group, with what differs (at most MAX_DIFFERENCES). */
  differing: Array<{ instance: string; label: string; differences: AnswerDifference[] }>;
  /** True when every instance answered, and answered alike. */
  agree: boolean;
}

export const MAX_DIFFERENCES = 20;
const VALUE_CHARS = 200;

/**
 * Groups the instances of one logical server by their answer to the same call (a stale or
 * misconfigured instance stands out as the odd one), and lists for each outlier the JSON paths
 * (`content[0].text`) where its answer differs from the most common one. `ignore` names paths
 * left out of the comparison (`_meta`, `structuredContent.servedAt`: values that differ by
 * design). Key order never counts; array order does. Failures group by error kind and message.
 */
export function compareAnswers(answers: InstanceAnswer[], ignore: string[] = []): AnswerComparison {
  const ignored = new Set(ignore.map((path) => path.replace(/^\$\.?/, '')));
  const byKey = new Map<string, { instances: string[]; value: unknown; errorKind?: string }>();
  for (const answer of answers) {
    const value = answer.error ? { error: { kind: answer.error.kind, message: answer.error.message } } : withoutIgnored(answer.result, ignored, '');
    const key = canonicalJson(value);
    const group = byKey.get(key) ?? { instances: [], value, ...(answer.error ? { errorKind: answer.error.kind } : {}) };
    group.instances.push(answer.instance);
    byKey.set(key, group);
  }
  // Real answers before failures (answer A, the reference the others are compared with, is a real
  // answer whenever there is one, even if more instances failed alike); the most common first; then first seen.
  const ordered = [...byKey.values()].sort((a, b) => Number(a.errorKind !== undefined) - Number(b.errorKind !== undefined) || b.instances.length - a.instances.length);
  const groups = ordered.map((group, index) => ({ label: labelOf(index), instances: group.instances, ...(group.errorKind ? { errorKind: group.errorKind } : {}) }));
  const reference = ordered[0];
  const differing = ordered.slice(1).flatMap((group, index) =>
    group.instances.map((instance) => ({ instance, label: labelOf(index + 1), differences: reference ? differencesOf(reference.value, group.value) : [] })),
  );
  const agree = ordered.length <= 1 && reference?.errorKind === undefined;
  return { groups, differing, agree };
}

/** The paths where `actual` departs from `expected`, depth first, at most MAX_DIFFERENCES. */
export function differencesOf(expected: unknown, actual: unknown, path = '', out: AnswerDifference[] = []): AnswerDifference[] {
  if (out.length >= MAX_DIFFERENCES) return out;
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) differencesOf(expected[key], actual[key], joinKey(path, key), out);
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) differencesOf(expected[i], actual[i], `${path}[${i}]`, out);
    return out;
  }
  if (canonicalJson(expected) !== canonicalJson(actual)) out.push({ path: path || '(the whole answer)', expected: shown(expected), actual: shown(actual) });
  return out;
}

/** JSON with object keys sorted at every level, so key order never makes two answers differ. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isPlainObject(item) ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, item[key]])) : item,
  ) ?? 'undefined';
}

function withoutIgnored(value: unknown, ignored: Set<string>, path: string): unknown {
  if (ignored.size === 0) return value;
  if (Array.isArray(value)) return value.map((item, i) => withoutIgnored(item, ignored, `${path}[${i}]`));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const here = joinKey(path, key);
    if (!ignored.has(here)) setOwn(out, key, withoutIgnored(item, ignored, here));
  }
  return out;
}

function joinKey(path: string, key: string): string {
  const plain = /^[A-Za-z_$][\w$]*$/.test(key);
  if (!path) return plain ? key : `[${JSON.stringify(key)}]`;
  return plain ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function shown(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = canonicalJson(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text;
}

function labelOf(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `#${index + 1}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
