/** The server's LRU cache (present/server/lru.ts): least recently used out first; `offer` keeps a key's second value. */
import { describe, expect, it } from 'vitest';
import { createLru } from '../../src/present/server/lru.js';

describe('createLru', () => {
  it('drops the least recently used entry past its capacity', () => {
    const lru = createLru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.keys()).toEqual(['a', 'c']);
    expect(lru.get('b')).toBeUndefined();
  });

  it('offer keeps a value only for a key offered before, remembering the last `capacity` keys offered', () => {
    const lru = createLru<string, number>(2);
    expect(lru.offer('a', 1)).toBe(false);
    expect(lru.get('a')).toBeUndefined();
    expect(lru.offer('a', 2)).toBe(true);
    expect(lru.get('a')).toBe(2);
    // three one-off keys: the first is forgotten, so offering it again does not keep it
    for (const k of ['x', 'y', 'z']) expect(lru.offer(k, 0)).toBe(false);
    expect(lru.offer('x', 1)).toBe(false);
    expect(lru.offer('z', 1)).toBe(true);
    expect(lru.keys()).toEqual(['a', 'z']);
    // clear forgets the offered keys too
    lru.clear();
    expect(lru.offer('x', 1)).toBe(false);
    expect(lru.size).toBe(0);
  });
});
