import { useId, useLayoutEffect, useState, type RefObject } from 'react';

interface ErrorSummaryProps {
  /** Messages by field path ("url", "headers.1.name"; "" for the whole remote), as checkForm gives them. */
  errors: Record<string, string[]>;
  /** The form: each field's control names its messages with aria-describedby="err-<path>". */
  formRef: RefObject<HTMLFormElement | null>;
}

interface Problem {
  path: string;
  message: string;
  /** The field's label as the form shows it; undefined for the whole remote (or a field not shown). */
  field?: string;
}

/** The control whose messages are `err-<path>`, and its label (its <label>, else its aria-label). */
function controlOf(form: HTMLFormElement | null, path: string): { control: HTMLElement; label: string } | undefined {
  const control = form?.querySelector<HTMLElement>(`[aria-describedby~="err-${CSS.escape(path)}"]`);
  if (!control) return undefined;
  const label = (control as HTMLInputElement).labels?.[0]?.textContent ?? control.getAttribute('aria-label') ?? path;
  return { control, label: label.trim() };
}

/**
 * Over a long form, what stops Save: how many problems, then each one under the name of its
 * field, which is a button that takes the focus there (at 900 px the second problem can be a
 * screen or two further down). Problems of the whole remote are listed as they are.
 */
export function ErrorSummary({ errors, formRef }: ErrorSummaryProps) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const countId = useId();
  // The labels are read from the rendered form, so every field (header rows included) is named as
  // the user sees it; before paint, so the summary never shows without them; after every render,
  // so a field the form no longer shows (another transport chosen) loses its button.
  // Listed in the form's order (the check finds them in its own), the whole remote's first.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- after every render on purpose; an unchanged list sets no state, so it settles
  useLayoutEffect(() => {
    const found = Object.entries(errors).map(([path, messages]) => ({ path, messages, ...(path === '' ? {} : controlOf(formRef.current, path)) }));
    found.sort((a, b) => {
      if (!a.control || !b.control) return (a.control ? 1 : 0) - (b.control ? 1 : 0);
      return a.control.compareDocumentPosition(b.control) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    const next = found.flatMap(({ path, messages, label }) => messages.map((message) => ({ path, message, ...(label ? { field: label } : {}) })));
    // The same list keeps the same state: no render of its own.
    setProblems((now) => (JSON.stringify(now) === JSON.stringify(next) ? now : next));
  });
  if (problems.length === 0) return null;
  const goTo = (path: string) => {
    const target = controlOf(formRef.current, path)?.control;
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  };
  return (
    // Only the count is announced (role="alert"): a refused Save moves the focus to the first field
    // to fix, which is heard with its problem; the whole list announced too said that one twice.
    // The summary takes the focus itself when no field is marked, named by its count.
    <div className="form-summary" data-testid="form-errors" tabIndex={-1} role="group" aria-labelledby={countId}>
      <p id={countId} role="alert">
        Fix {problems.length} problem{problems.length === 1 ? '' : 's'} before saving:
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`} data-testid="form-error-item">
            {problem.field ? (
              <>
                {/* Named by the field's label alone: an aria-label would be taken for the field's own
                    label by anything that finds fields by label (assistive tools, test drivers). */}
                <button type="button" className="link-button" onClick={() => goTo(problem.path)}>
                  {problem.field}
                </button>
                {afterFieldName(problem.message, problem.field)}
              </>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The words after the field's name: the rest of a message that starts with that name ("Name is
 * empty" under Name reads "Name is empty", not "Name: Name is empty"), else ": " and the message.
 */
export function afterFieldName(message: string, field: string): string {
  const startsWithName = message.length > field.length && message.slice(0, field.length).toLowerCase() === field.toLowerCase() && message[field.length] === ' ';
  return startsWithName ? message.slice(field.length) : `: ${message}`;
}
