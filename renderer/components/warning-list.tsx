interface WarningListProps {
  warnings: string[];
  testId?: string;
}

/**
 * Warnings as a list named "Warnings", each line marked by one ⚠ and no list bullet (the two read
 * as a double marker). The sign is decoration: the list's name already says what the lines are.
 */
export function WarningList({ warnings, testId }: WarningListProps) {
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" aria-label="Warnings" data-testid={testId}>
      {warnings.map((w) => (
        <li key={w}>
          <span className="warning-sign" aria-hidden="true">
            ⚠
          </span>
          <span>{w}</span>
        </li>
      ))}
    </ul>
  );
}
