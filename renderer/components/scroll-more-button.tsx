import { countNoun } from '../../shared/text/count-noun';

interface ScrollMoreButtonProps {
  side: 'left' | 'right';
  /** How many items are out of view on that side. */
  count: number;
  /** What is out of view, singular and plural: "tab" / "tabs", "column" / "columns". */
  noun: [string, string];
  /** What scrolls, for the accessible name: "the tabs", "the table". */
  of: string;
  /** Says the noun on the button too ("2 columns ›"); otherwise the number alone ("2 ›"), for tight spots. */
  wordy?: boolean;
  /**
   * How many of those out of view need attention (a tab whose connection failed): a "!" on the
   * button, and said in its name ("…: 3 tabs out of view, 1 needs attention").
   */
  flagged?: number;
  onClick(): void;
  testId: string;
}

/**
 * A scroll area's sign that it holds more on one side (overlay scrollbars show nothing until one
 * scrolls): the count of what is out of view, and a click (or Enter) brings the next one into view.
 * With nothing out of view on its side it stays in place, disabled: a button that came and went
 * would resize the area and scroll what the user just brought into view away again. aria-disabled,
 * not disabled: the last click on it must not drop the keyboard focus to the page. Disabled, it
 * leaves the Tab order (a stop that does nothing), yet keeps the focus it has until it moves on.
 */
export function ScrollMoreButton({ side, count, noun, of, wordy, flagged = 0, onClick, testId }: ScrollMoreButtonProps) {
  const none = count <= 0;
  const what = countNoun(count, noun[0], noun[1]);
  const attention = !none && flagged > 0 ? `, ${flagged} ${flagged === 1 ? 'needs' : 'need'} attention` : '';
  const label = none ? `Nothing more on the ${side} of ${of}` : `Scroll ${of} ${side}: ${what} out of view${attention}`;
  const text = none ? '' : wordy ? what : String(count);
  const flag = attention ? (
    <span className="scroll-more-flag" aria-hidden="true">
      !
    </span>
  ) : null;
  return (
    <button
      type="button"
      className={`scroll-more scroll-more-${side}`}
      aria-label={label}
      title={label}
      aria-disabled={none || undefined}
      tabIndex={none ? -1 : undefined}
      onClick={() => !none && onClick()}
      data-testid={testId}
      data-count={count}
      data-flagged={attention ? flagged : undefined}
    >
      {side === 'left' ? `‹ ${text}`.trim() : text}
      {flag}
      {side === 'right' && (text ? ' ›' : '›')}
    </button>
  );
}
