import { Remote, formatRuleIssues, type RuleIssue } from '../../../shared/model';
import { FIX } from '../diagnostics/fixes';
import { PeriscopeError } from '../diagnostics/periscope-error';

/*
 * The rules a list of remotes keeps, shared by every change the store makes: each remote valid
 * against the schema, names unique regardless of case, and lookups by id or name.
 */

/** A remote by id, else by exact name, else by name regardless of case. */
export function findRemote(remotes: Remote[], idOrName: string): Remote | undefined {
  return (
    remotes.find((r) => r.id === idOrName) ??
    remotes.find((r) => r.name === idOrName) ??
    remotes.find((r) => r.name.toLowerCase() === idOrName.toLowerCase())
  );
}

/** The remote as the schema accepts it; `invalid-input` naming each wrong field otherwise. */
export function validRemote(candidate: unknown): Remote {
  const parsed = Remote.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issues: RuleIssue[] = parsed.error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: /^(Invalid|Expected|Too )/.test(i.message) && i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message,
  }));
  throw new PeriscopeError({
    kind: 'invalid-input',
    message: `The remote is not valid: ${formatRuleIssues(issues)}`,
    hint: 'Fix the fields named above and save again.',
    detail: { issues },
  });
}

/** Names are unique regardless of case (`invalid-input` naming the remote that has it). */
export function assertNameFree(remotes: Remote[], name: string, exceptId?: string): void {
  const taken = remotes.find((r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase());
  if (taken) throw nameTaken(taken, name);
}

export function nameTaken(taken: Remote, name: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'invalid-input',
    message: `A remote named "${taken.name}" already exists.`,
    hint: 'Choose another name, or edit the existing remote.',
    detail: { name, existingId: taken.id },
  });
}

/** `base`, or `base 2`, `base 3`... : the first name no remote has (a duplicate's default name). */
export function freeName(remotes: Remote[], base: string): string {
  const taken = new Set(remotes.map((r) => r.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

export function notFound(idOrName: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'not-found',
    message: `No saved remote is called "${idOrName}".`,
    hint: 'Check the name against the saved remotes.',
    fixes: [FIX.remotes],
    detail: { remote: idOrName },
  });
}
