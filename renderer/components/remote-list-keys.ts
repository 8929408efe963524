import type { KeyboardEvent } from 'react';
import type { Remote } from '../../shared/model/remote';

/** Up/Down/Home/End move focus between the remotes' name buttons; Tab walks each one's actions. */
export function moveBetweenRemotes(event: KeyboardEvent<HTMLUListElement>): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const names = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.remote-name')];
  if (names.length === 0) return;
  const current = names.findIndex((b) => b.closest('li')?.contains(document.activeElement as Node));
  const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: names.length - 1 }[event.key]!;
  event.preventDefault();
  names[Math.max(0, Math.min(names.length - 1, next))].focus();
}

/** The sidebar search: every word must appear in the name, the URL or the command line. */
export function remoteMatches(remote: Remote, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [remote.name, remote.url ?? '', remote.command ?? '', ...remote.args, remote.transport].join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}
