import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

interface CompletionFieldProps {
  label: string;
  value: string;
  required?: boolean;
  /** Help text under the field (an argument's description). */
  help?: string;
  /** Suggestions for the value as typed (completion/complete); absent when the server offers none. */
  complete?: (value: string) => Promise<string[]>;
  onChange(value: string): void;
  testId?: string;
  /**
   * The value may span lines (a prompt argument holding code, say): a pasted text keeps its line
   * breaks (an <input> would drop them) and the field becomes a text area, as it does on request.
   */
  multiline?: boolean;
}

/** How long typing must pause before suggestions are asked for, in ms: one request per pause, not per key. */
const SUGGEST_DELAY_MS = 150;

/**
 * A text field with the server's suggestions as a listbox under it (WAI-ARIA combobox pattern):
 * Down/Up move through them, Enter takes one, Escape closes the list; a click takes one too.
 */
export function CompletionField({ label, value, required, help, complete, onChange, testId, multiline }: CompletionFieldProps) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const asArea = multiline === true && (expanded || value.includes('\n'));
  // A paste turned the field into a text area under the user's hands: the focus follows it.
  const focusArea = useRef(false);
  useEffect(() => {
    if (!asArea || !focusArea.current) return;
    focusArea.current = false;
    const end = area.current?.value.length ?? 0;
    area.current?.focus();
    area.current?.setSelectionRange(end, end);
  });
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const asked = useRef(0);

  const suggest = (typed: string) => {
    if (!complete) return;
    const ask = ++asked.current;
    setTimeout(() => {
      if (ask !== asked.current) return;
      void complete(typed).then((values) => {
        // An answer to older typing is dropped: the list always matches what is in the field.
        if (ask !== asked.current) return;
        setSuggestions(values);
        setActive(-1);
        setOpen(values.length > 0);
      });
    }, SUGGEST_DELAY_MS);
  };
  useEffect(() => () => void (asked.current += 1), []);

  const take = (choice: string) => {
    asked.current += 1;
    onChange(choice);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && !open && complete) {
      event.preventDefault();
      suggest(value);
      return;
    }
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      take(suggestions[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    }
  };

  const listId = `${id}-suggestions`;
  const helpId = help ? `${id}-help` : undefined;
  const labelRow = (
    <label htmlFor={asArea ? `${id}-area` : `${id}-input`}>
      {label}
      {required && (
        <span className="required-mark" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </label>
  );
  const lineSwitch = multiline && (
    <button type="button" className="link-button line-switch" aria-pressed={asArea} disabled={value.includes('\n')} onClick={() => setExpanded((on) => !on)} aria-label={`Several lines: ${label}`}>
      Several lines
    </button>
  );
  // The field's common attributes, whichever element holds the value.
  const shared = { value, required, 'aria-required': required || undefined, 'aria-describedby': helpId, spellCheck: false, 'data-testid': testId } as const;
  return (
    <div className="completion-field">
      <div className="field-label-row">
        {labelRow}
        {lineSwitch}
      </div>
      {asArea && <textarea ref={area} id={`${id}-area`} {...shared} rows={Math.min(12, value.split('\n').length + 1)} onChange={(e) => onChange(e.target.value)} />}
      {!asArea && (
        <input
          id={`${id}-input`}
          type="text"
          {...shared}
          autoComplete="off"
          {...(complete
            ? { role: 'combobox', 'aria-autocomplete': 'list' as const, 'aria-expanded': open, 'aria-controls': listId, 'aria-activedescendant': open && active >= 0 ? `${listId}-${active}` : undefined }
            : {})}
          onChange={(e) => {
            onChange(e.target.value);
            suggest(e.target.value);
          }}
          onFocus={() => suggest(value)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          onPaste={(e) => {
            const pasted = e.clipboardData.getData('text/plain');
            if (!multiline || !pasted.includes('\n')) return;
            // Pasted as is, line breaks kept; the field then shows as a text area.
            e.preventDefault();
            const input = e.currentTarget;
            const start = input.selectionStart ?? value.length;
            const end = input.selectionEnd ?? value.length;
            setOpen(false);
            focusArea.current = true;
            onChange(value.slice(0, start) + pasted + value.slice(end));
          }}
        />
      )}
      {!asArea && complete && open && (
        <ul className="suggestions" role="listbox" id={listId} aria-label={`Suggestions for ${label}`}>
          {suggestions.map((s, i) => (
            <li
              key={s}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              // mousedown, not click: the field's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                take(s);
              }}
            >
              {s}
            </li>
          ))}
        </ul>
      )}
      {help && (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      )}
    </div>
  );
}
