import { useEffect, useState } from 'react';

/** How long "Copied" stays on the button. */
export const COPIED_MS = 2_000;

interface CopyButtonProps {
  label: string;
  /** Built on click only: a big entry's JSON is not worth making for every render. */
  text(): string;
  copy(text: string): Promise<boolean>;
  testId?: string;
}

/** A copy action that says, on the button itself, that it worked (or why not). */
export function CopyButton({ label, text, copy, testId }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | undefined>();
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(undefined), COPIED_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  return (
    <span className="copy-button">
      <button type="button" data-testid={testId} onClick={() => void copy(text()).then((ok) => setOutcome(ok ? 'copied' : 'failed'))}>
        {outcome === 'copied' ? '✓ Copied' : label}
      </button>
      <span role="status" className={outcome === 'failed' ? 'copy-failed' : 'visually-hidden'} data-testid={testId ? `${testId}-status` : undefined}>
        {outcome === 'copied' ? `${label}: copied to the clipboard` : outcome === 'failed' ? 'Could not copy: the clipboard is not available' : ''}
      </span>
    </span>
  );
}
