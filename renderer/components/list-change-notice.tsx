/** "The server said its … changed; the list was refreshed at …", until dismissed. */
export function ListChangeNotice({ notice, testId, onDismiss }: { notice?: string; testId: string; onDismiss(): void }) {
  if (!notice) return null;
  return (
    <p className="tool-list-notice" role="status" data-testid={testId}>
      {notice}{' '}
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  );
}
