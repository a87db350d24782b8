/** A tiny least-recently-used cache (Map keeps insertion order; a hit re-inserts the key at the end). */
export interface Lru<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
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
    delete(key) {
      map.delete(key);
    },
    get size() {
      return map.size;
    },
    clear() {
      map.clear();
    },
    keys() {
      return [...map.keys()];
    },
  };
}
