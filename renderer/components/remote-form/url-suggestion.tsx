import { suggestEndpointUrl } from '../../../shared/model/remote-rules';

/**
 * "Did you mean http://localhost:3000/mcp?" with a button that puts it in the field. `asked`: the
 * field's own message asks already (after a refused Save), so only the button is added to it; the
 * question was said three times (the summary, here, under the field).
 */
export function UrlSuggestion({ url, transport, asked = false, onUse }: { url: string; transport: string; asked?: boolean; onUse(url: string): void }) {
  const suggestion = suggestEndpointUrl(url, transport);
  if (!suggestion) return null;
  return (
    <span className="url-suggestion" data-testid="url-suggestion">
      {!asked && (
        <>
          Did you mean <code>{suggestion}</code>?{' '}
        </>
      )}
      <button type="button" className="small" onClick={() => onUse(suggestion)} data-testid="use-url-suggestion">
        Use {suggestion}
      </button>
    </span>
  );
}
