import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../web/lib/ttl-cache.ts';

describe('TtlCache', () => {
  it('reuses a value until it expires, and evicts the oldest beyond its size', () => {
    let now = 0;
    let computed = 0;
    const cache = new TtlCache<number>(1000, 2, () => now);
    const get = (k: string) => cache.get(k, () => ++computed);
    expect(get('a')).toBe(1);
    expect(get('a')).toBe(1);
    now = 1001;
    expect(get('a')).toBe(2);
    get('b');
    get('c'); // evicts a
    expect(get('b')).toBe(3);
    expect(get('a')).toBe(5);
  });
});
