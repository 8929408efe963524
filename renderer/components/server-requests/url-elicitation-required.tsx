import { urlParts } from '../../workbench/url-parts';

/** The JSON-RPC error code of "URL elicitation required" (MCP 2025-11-25, client/elicitation). */
export const URL_ELICITATION_REQUIRED = -32042;

type Elicitation = { url?: unknown; message?: unknown; elicitationId?: unknown };

/** The URL elicitations a -32042 error carries in `error.data.elicitations`, or undefined for any other message. */
export function urlElicitationsOf(message: unknown): Elicitation[] | undefined {
  const error = (message as { error?: { code?: unknown; data?: { elicitations?: unknown } } } | undefined)?.error;
  if (error?.code !== URL_ELICITATION_REQUIRED) return undefined;
  return Array.isArray(error.data?.elicitations) ? (error.data.elicitations as Elicitation[]) : [];
}

/**
 * What a "URL elicitation required" error means, where it appears (the trace): the server refused
 * the request until the user has opened a page (a sign-in, a consent), and lists that page in the
 * error. Each URL is shown with its host, never opened from here: a server that sends the same as
 * an elicitation request gets it in the Requests section, where it opens on a click.
 */
export function UrlElicitationRequired({ message }: { message: unknown }) {
  const elicitations = urlElicitationsOf(message);
  if (!elicitations) return null;
  return (
    <div className="url-elicitation-required warning-line" role="note" data-testid="url-elicitation-required">
      <p>
        <strong>URL elicitation required (error {URL_ELICITATION_REQUIRED}).</strong> The server will not go on until you open a page it names (to sign in or agree to
        something) and then send the request again. Check the host before you open it; a server that asks with an elicitation request instead shows it in the Requests
        section, where it opens on your click.
      </p>
      {elicitations.length > 0 && (
        <ul>
          {elicitations.map((e, i) => {
            const parts = urlParts(typeof e.url === 'string' ? e.url : '');
            return (
              <li key={i}>
                {typeof e.message === 'string' && <>{e.message}: </>}
                <strong>{parts.host ?? '(no valid URL)'}</strong> <code>{parts.rawEscaped}</code>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
