import type { CSSProperties } from 'react';
import type { AuthDebugArrow, AuthDebugParty, AuthDebugStepResult } from '../../../shared/model/auth-debug';
import { SEQUENCE_LANES } from '../../../shared/text/auth-sequence-diagram';
import { VerdictBadge } from './auth-debug-step';

type DiagramStep = Pick<AuthDebugStepResult, 'title' | 'verdict' | 'arrows'>;

const laneIndex = (party: AuthDebugParty): number => SEQUENCE_LANES.findIndex((l) => l.party === party);
const laneLabel = (party: AuthDebugParty): string => SEQUENCE_LANES[laneIndex(party)]?.label ?? party;

/**
 * Where an arrow sits on the diagram's grid: two columns a lane, so a lane's lifeline is the grid
 * line between its two columns (line 2, 4, 6, 8). The line runs from lifeline to lifeline; its
 * label starts at the left one and may use the rest of the width, so it wraps late.
 */
function arrowPlace(from: AuthDebugParty, to: AuthDebugParty): CSSProperties {
  const left = Math.min(laneIndex(from), laneIndex(to));
  const right = Math.max(laneIndex(from), laneIndex(to));
  return { '--start': 2 * left + 2, '--end': 2 * Math.max(right, left + 1) + 2 } as CSSProperties;
}

/** Where a missing answer's note sits: from the lifeline of whoever waited for it. */
function notePlace(party: AuthDebugParty): CSSProperties {
  return { '--start': 2 * laneIndex(party) + 2 } as CSSProperties;
}

/**
 * One arrow. A message that did not happen is never drawn as one that did, and is in the failure
 * colour: an answer that never came (`missing: 'no-answer'`) is a dashed note on the lifeline of
 * who waited (no line from the server, so it cannot read as a reply); a request never sent
 * (`missing: 'not-sent'`) is a dashed stub that leaves its sender and ends in ✗ short of the next
 * lifeline. Screen readers hear who waited on whom, or who sent to whom, before the label.
 */
function Arrow({ arrow }: { arrow: AuthDebugArrow }) {
  if (arrow.missing === 'no-answer') {
    return (
      <li className="sequence-arrow sequence-no-answer" style={notePlace(arrow.to)} data-testid="sequence-arrow" data-missing="no-answer">
        <span className="sequence-note">
          <span className="visually-hidden">
            {laneLabel(arrow.to)}, waiting on {laneLabel(arrow.from)}:{' '}
          </span>
          <span className="sequence-note-mark" aria-hidden="true">
            ✗
          </span>{' '}
          {arrow.label}
        </span>
      </li>
    );
  }
  const leftward = laneIndex(arrow.to) < laneIndex(arrow.from);
  const missing = arrow.missing === 'not-sent' ? ' sequence-not-sent' : '';
  return (
    <li className={`sequence-arrow ${leftward ? 'to-left' : 'to-right'}${missing}`} style={arrowPlace(arrow.from, arrow.to)} data-testid="sequence-arrow" {...(arrow.missing ? { 'data-missing': arrow.missing } : {})}>
      <span className="sequence-label">
        <span className="visually-hidden">
          {laneLabel(arrow.from)} to {laneLabel(arrow.to)}:{' '}
        </span>
        {arrow.label}
      </span>
      <span className="sequence-line" aria-hidden="true" />
    </li>
  );
}

/**
 * The auth debugger's sequence diagram: a lifeline per party (client, browser, MCP server,
 * authorization server) and each step's arrows between them. Drawn with the window's grid, not
 * as text: the lanes share the width the pane has, and a label wraps rather than pushing the last
 * lane out of view (the text version, for a ticket, is one click away as "Copy as text").
 * Screen readers get each arrow in words ("Client to MCP server: POST initialize").
 */
export function SequenceDiagram({ steps }: { steps: DiagramStep[] }) {
  return (
    <div className="sequence" data-testid="auth-debug-diagram">
      <div className="sequence-lanes" aria-hidden="true">
        {SEQUENCE_LANES.map((lane) => (
          <span key={lane.party} className="sequence-lane" data-testid="sequence-lane">
            {lane.label}
          </span>
        ))}
      </div>
      <ol className="sequence-steps">
        {steps.map((step, index) => (
          <li key={index} className="sequence-step" data-testid="sequence-step">
            <p className="sequence-step-title">
              <span>
                {index + 1}. {step.title}
              </span>{' '}
              <VerdictBadge verdict={step.verdict} />
            </p>
            {step.arrows.length > 0 && (
              <ul className="sequence-arrows">
                {step.arrows.map((arrow, n) => (
                  <Arrow key={n} arrow={arrow} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
