import { suggestEndpointUrl } from '../../../shared/model/remote-rules';

/** "Did you mean http://localhost:3000/mcp?" with a button that puts it in the field. */
export function UrlSuggestion({ url, transport, onUse }: { url: string; transport: string; onUse(url: string): void }) {
  const suggestion = suggestEndpointUrl(url, transport);
  if (!suggestion) return null;
  return (
    <span className="url-suggestion" data-testid="url-suggestion">
      Did you mean <code>{suggestion}</code>?{' '}
      <button type="button" className="small" onClick={() => onUse(suggestion)} data-testid="use-url-suggestion">
        Use {suggestion}
      </button>
    </span>
  );
}
