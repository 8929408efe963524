/**
 * An instance's URL in a table cell: it may break after its origin and before each "/" of its
 * path, never inside the host or the port ("127.0.0.1:41" / "539/mcp" read as another address).
 * A host too long for the column widens the table, which then scrolls sideways and says so.
 */
export function InstanceUrl({ url }: { url: string }) {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(url);
  if (!match) return <>{url}</>;
  const [, origin, path = ''] = match;
  const segments = path.split(/(?=\/)/).filter(Boolean);
  return (
    <>
      {origin}
      {segments.map((segment, i) => (
        <span key={i}>
          <wbr />
          {segment}
        </span>
      ))}
    </>
  );
}
