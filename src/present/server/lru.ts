/**
 * A tiny least-recently-used cache (Map keeps insertion order; a hit re-inserts the key at the end).
 * `offer` keeps a value only when its key was offered before (the last `capacity` keys offered are remembered): a
 * result asked for once, like each request of a stream of new filters, is not kept, so it is garbage at once
 * instead of filling the cache and the old generation of the heap (whose major collections pause requests).
 */
export interface Lru<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  /** set(key, value) when `key` was offered before; returns whether it was kept. */
  offer(key: K, value: V): boolean;
  delete(key: K): void;
  readonly size: number;
  clear(): void;
  /** The keys, least recently used first (does not touch their order). */
  keys(): K[];
}

export function createLru<K, V>(capacity: number): Lru<K, V> {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`LRU capacity must be a positive integer, got ${capacity}`);
  const map = new Map<K, V>();
  const offered = new Set<K>();
  return {
    get(key) {
      if (!map.has(key)) return undefined;
      const value = map.get(key) as V;
      map.delete(key);
      map.set(key, value);
      return value;
    },
    set(key, value) {
      if (map.has(key)) map.delete(key);
      map.set(key, value);
      while (map.size > capacity) {
        const oldest = map.keys().next();
        if (oldest.done) break;
        map.delete(oldest.value);
      }
    },
    offer(key, value) {
      if (offered.delete(key) || map.has(key)) {
        this.set(key, value);
        return true;
      }
      offered.add(key);
      if (offered.size > capacity) offered.delete(offered.values().next().value as K);
      return false;
    },
    delete(key) {
      map.delete(key);
    },
    get size() {
      return map.size;
    },
    clear() {
      map.clear();
      offered.clear();
    },
    keys() {
      return [...map.keys()];
    },
  };
}
