import type { AuthDebugParty, AuthDebugStepResult } from '../model/auth-debug';

/** The lanes, left to right, with their headings. */
export const SEQUENCE_LANES: { party: AuthDebugParty; label: string }[] = [
  { party: 'client', label: 'Client' },
  { party: 'user-agent', label: 'Browser' },
  { party: 'mcp-server', label: 'MCP server' },
  { party: 'authorization-server', label: 'Auth server' },
];

const LANE_WIDTH = 22;
const MARK: Record<AuthDebugStepResult['verdict'], string> = { info: 'info', pass: 'ok', warn: 'warn', fail: 'FAIL' };

/**
 * The steps so far as a text sequence diagram (one lifeline per party: client, browser, MCP
 * server, authorization server), for a terminal or a monospace block: each step a heading with
 * its verdict, each exchange a label line and an arrow line. Pure ASCII, 88 columns wide; a label
 * too long for its room goes on over more lines; the labels never hold a secret (they are written
 * by the steps, not taken from the wire).
 *
 * A message that did not happen is never drawn as one that did: an answer that never came
 * (`missing: 'no-answer'`) is an `x` on the lifeline of who waited, with its words and no arrow
 * from the server; a request never sent (`missing: 'not-sent'`) is a stub that leaves its sender
 * and ends in `x`, short of every other lifeline.
 */
export function authSequenceDiagram(steps: Pick<AuthDebugStepResult, 'title' | 'verdict' | 'arrows'>[]): string {
  const width = LANE_WIDTH * SEQUENCE_LANES.length;
  const xOf = (party: AuthDebugParty): number => SEQUENCE_LANES.findIndex((l) => l.party === party) * LANE_WIDTH + Math.floor(LANE_WIDTH / 2);
  const lifelines = (): string[] => {
    const row = Array.from({ length: width }, () => ' ');
    for (const lane of SEQUENCE_LANES) row[xOf(lane.party)] = '|';
    return row;
  };
  /** The label's lines over the lifelines, from column `start`: `mark` (when given) on the lifeline at `at` of the first. */
  const labelRows = (label: string, start: number, mark?: { at: number; char: string }): string[] =>
    wrap(label, width - start - 1).map((text, n) => {
      const row = lifelines();
      if (mark && n === 0) row[mark.at] = mark.char;
      for (let i = 0; i < text.length; i++) row[start + i] = text[i]!;
      return row.join('').trimEnd();
    });
  const heading = Array.from({ length: width }, () => ' ');
  for (const lane of SEQUENCE_LANES) {
    const start = Math.max(0, xOf(lane.party) - Math.floor(lane.label.length / 2));
    for (let i = 0; i < lane.label.length; i++) heading[start + i] = lane.label[i]!;
  }
  const rows: string[] = [heading.join('').trimEnd(), lifelines().join('').trimEnd()];
  steps.forEach((step, index) => {
    rows.push(`${index + 1}. ${step.title} [${MARK[step.verdict]}]`);
    for (const arrow of step.arrows) {
      const from = xOf(arrow.from);
      const to = xOf(arrow.to);
      if (arrow.missing === 'no-answer') {
        rows.push(...labelRows(arrow.label, to + 2, { at: to, char: 'x' }));
        continue;
      }
      const left = Math.min(from, to);
      const right = Math.max(from, to);
      rows.push(...labelRows(arrow.label, left + 2));
      const line = lifelines();
      if (arrow.missing === 'not-sent') {
        // Two dashes toward the addressee, then x: it never left the sender.
        const toward = to > from ? 1 : -1;
        line[from + toward] = '-';
        line[from + 2 * toward] = '-';
        line[from + 3 * toward] = 'x';
      } else {
        for (let x = left + 1; x < right; x++) line[x] = '-';
        if (to > from) line[right - 1] = '>';
        else line[left + 1] = '<';
      }
      rows.push(line.join('').trimEnd());
    }
  });
  return rows.join('\n');
}

/** `text` in lines of at most `room` characters, broken at spaces (a longer word is cut). */
function wrap(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
    while (line.length > room) {
      lines.push(line.slice(0, room));
      line = line.slice(room);
    }
  }
  return [...lines, line];
}
