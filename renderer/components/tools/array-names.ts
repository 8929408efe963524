/**
 * How the tool form names an array and its items, for labels and for the buttons that act on an
 * item. rjsf gives an item the field id `<array id>_<index>`; every field inside the item has an
 * id starting with `<array id>_<index>_`.
 */
export interface ArrayNames {
  /** The array's field id. */
  id: string;
  /** The array's legend: its title, or the item it is ("grid item 1"). */
  label: string;
  /** The array in full, where it sits included: "aliases of people item 2". */
  full: string;
  /** Item `index` (from 0) as labelled inside the array's box: "tags item 2", "Tag 2", "item 2". */
  item(index: number): string;
  /** Item `index` in full, for a button that must not read like another's: "aliases item 1 of people item 2". */
  fullItem(index: number): string;
}

/**
 * The names of the array with field id `id`: `title` is its own (rjsf's: the schema's title or
 * the property name), `itemTitle` its items' schema title, `outer` the array drawn around it, if
 * any. An array that is an item of `outer` is named as that item, and its items as "item N of"
 * it; an array inside an item of `outer` says which item ("aliases of people item 2"). Undefined
 * for an array with no name at all.
 */
export function arrayNames(id: string, title: string | undefined, itemTitle: string | undefined, outer: ArrayNames | undefined): ArrayNames | undefined {
  const asItem = outer ? itemIndexOf(outer.id, id) : undefined;
  if (outer && asItem !== undefined) {
    const label = outer.item(asItem);
    const full = outer.fullItem(asItem);
    const item = (index: number) => (itemTitle ? `${itemTitle} ${index + 1}` : `item ${index + 1}`);
    return { id, label, full, item, fullItem: (index) => `${item(index)} of ${full}` };
  }
  if (!title) return undefined;
  const within = outer ? containingItemOf(outer.id, id) : undefined;
  const place = outer && within !== undefined ? ` of ${outer.fullItem(within)}` : '';
  const item = (index: number) => (itemTitle ? `${itemTitle} ${index + 1}` : `${title} item ${index + 1}`);
  return { id, label: title, full: `${title}${place}`, item, fullItem: (index) => `${item(index)}${place}` };
}

/** The index of the item whose field id is `id` in the array `arrayId`; undefined when `id` is not one of its items. */
export function itemIndexOf(arrayId: string, id: string): number | undefined {
  if (!id.startsWith(`${arrayId}_`)) return undefined;
  const rest = id.slice(arrayId.length + 1);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}

/** The index of the item of `arrayId` that holds the field `id` (deeper than the item itself). */
function containingItemOf(arrayId: string, id: string): number | undefined {
  const found = new RegExp(`^${escapeRegExp(arrayId)}_(\\d+)_`).exec(id);
  return found ? Number(found[1]) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
