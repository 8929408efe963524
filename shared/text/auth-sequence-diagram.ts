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
 * its verdict, each exchange a label line and an arrow line. Pure ASCII, 88 columns wide; the
 * labels never hold a secret (they are written by the steps, not taken from the wire).
 */
export function authSequenceDiagram(steps: Pick<AuthDebugStepResult, 'title' | 'verdict' | 'arrows'>[]): string {
  const width = LANE_WIDTH * SEQUENCE_LANES.length;
  const xOf = (party: AuthDebugParty): number => SEQUENCE_LANES.findIndex((l) => l.party === party) * LANE_WIDTH + Math.floor(LANE_WIDTH / 2);
  const lifelines = (): string[] => {
    const row = Array.from({ length: width }, () => ' ');
    for (const lane of SEQUENCE_LANES) row[xOf(lane.party)] = '|';
    return row;
  };
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
      const left = Math.min(from, to);
      const right = Math.max(from, to);
      const label = lifelines();
      const text = arrow.label.slice(0, width - left - 3);
      for (let i = 0; i < text.length; i++) label[left + 2 + i] = text[i]!;
      const line = lifelines();
      for (let x = left + 1; x < right; x++) line[x] = '-';
      if (to > from) line[right - 1] = '>';
      else line[left + 1] = '<';
      rows.push(label.join('').trimEnd(), line.join('').trimEnd());
    }
  });
  return rows.join('\n');
}
