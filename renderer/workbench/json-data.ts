/** Past this depth a value is left as it is: form data is shallow, and a copy must never overflow the stack. */
const MAX_DEPTH = 256;

/**
 * The value as JSON would carry it: object members that are `undefined` left out, `undefined`
 * array items as `null` (what JSON.stringify does, so what a call would send). The tool form's
 * data holds such members while the user edits (rjsf leaves an empty field `undefined`), and the
 * JSON Schema validator refuses `undefined` anywhere with an exception. A value with no
 * `undefined` inside is returned as the very same object; `undefined` itself as it is (there is
 * no JSON for it).
 */
export function asJsonData(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => (item === undefined ? null : asJsonData(item, depth + 1)));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const kept = entries.filter(([, item]) => item !== undefined).map(([key, item]) => [key, asJsonData(item, depth + 1)] as const);
  const same = kept.length === entries.length && kept.every(([, item], i) => item === entries[i]![1]);
  // fromEntries defines own members, so a "__proto__" key stays data.
  return same ? value : Object.fromEntries(kept);
}
