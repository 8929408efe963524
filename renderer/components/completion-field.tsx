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
}

/** How long typing must pause before suggestions are asked for, in ms: one request per pause, not per key. */
const SUGGEST_DELAY_MS = 150;

/**
 * A text field with the server's suggestions as a listbox under it (WAI-ARIA combobox pattern):
 * Down/Up move through them, Enter takes one, Escape closes the list; a click takes one too.
 */
export function CompletionField({ label, value, required, help, complete, onChange, testId }: CompletionFieldProps) {
  const id = useId();
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
  return (
    <div className="completion-field">
      <label htmlFor={`${id}-input`}>
        {label}
        {required && (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        value={value}
        required={required}
        aria-required={required || undefined}
        aria-describedby={helpId}
        autoComplete="off"
        spellCheck={false}
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
        data-testid={testId}
      />
      {complete && open && (
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
