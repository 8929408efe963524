import { isRemoteFix, type ErrorFix } from '../../shared/model/error-info';

/**
 * A button for each fix that is a setting of the remote (the others, e.g. a CLI option, are not
 * shown in the window); a click opens the remote's editor on that field. Nothing when none fits.
 */
export function FixButtons({ fixes, onFix, className, testId }: { fixes: readonly ErrorFix[] | undefined; onFix(fix: ErrorFix): void; className: string; testId?: string }) {
  const shown = (fixes ?? []).filter((f) => isRemoteFix(f.field));
  if (shown.length === 0) return null;
  return (
    <div className={className} data-testid={testId}>
      {shown.map((fix) => (
        <button key={`${fix.field}-${fix.value ?? ''}`} type="button" className="small" data-testid="fix-button" data-field={fix.field} onClick={() => onFix(fix)}>
          {fix.label}…
        </button>
      ))}
    </div>
  );
}
