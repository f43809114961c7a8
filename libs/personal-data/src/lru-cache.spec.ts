import { LruCache } from './lru-cache';

describe('a least-recently-used cache', () => {
  it('forgets the entry used least recently once full', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('counts a replaced entry as used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(10);
    expect(cache.get('b')).toBeUndefined();
  });

  it('forgets the entries asked for, or all of them', () => {
    const cache = new LruCache<string, number>(10);
    [1, 2, 3, 4].forEach((value) => cache.set(`k${value}`, value));
    cache.deleteWhere((value) => value % 2 === 0);
    expect([1, 2, 3, 4].map((value) => cache.get(`k${value}`))).toEqual([
      1,
      undefined,
      3,
      undefined,
    ]);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('holds at least one entry', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});
