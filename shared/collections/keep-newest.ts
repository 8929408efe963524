/**
 * Drops the oldest keys of an insertion-ordered Map or Set until at most `most` are left: the
 * bounded memories (requests seen lately, streams, runs...) that must not grow with a chatty or
 * hostile server. Oldest means first inserted (a Map or Set keeps insertion order; setting an
 * existing key does not move it). Returns how many keys were dropped.
 */
export function keepNewest<K>(collection: Map<K, unknown> | Set<K>, most: number): number {
  let dropped = 0;
  while (collection.size > most) {
    collection.delete(collection.keys().next().value as K);
    dropped++;
  }
  return dropped;
}
