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
export function ScrollMoreButton({ side, count, noun, of, wordy, onClick, testId }: ScrollMoreButtonProps) {
  const none = count <= 0;
  const what = countNoun(count, noun[0], noun[1]);
  const label = none ? `Nothing more on the ${side} of ${of}` : `Scroll ${of} ${side}: ${what} out of view`;
  const text = none ? '' : wordy ? what : String(count);
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
    >
      {side === 'left' ? `‹ ${text}`.trim() : `${text} ›`.trim()}
    </button>
  );
}
