/** The cross-question rules of a checklist: cycles of `when`, found in linear time. */
import { describe, expect, it } from 'vitest';
import { findWhenCycles } from '../../src/checklist/rules.js';

/** A map that counts its look-ups: the steps the cycle check takes. */
class CountingMap<K, V> extends Map<K, V> {
  lookups = 0;
  override get(key: K): V | undefined {
    this.lookups++;
    return super.get(key);
  }
  override has(key: K): boolean {
    this.lookups++;
    return super.has(key);
  }
}

const links = (pairs: [string, string | undefined][]) => new CountingMap<string, string | undefined>(pairs);

describe('findWhenCycles', () => {
  it('finds each cycle once, from its first question in file order, and no self-loop or chain into a cycle', () => {
    const next = links([
      ['x', 'c'], // a chain into the cycle, not part of it
      ['b', 'c'],
      ['c', 'a'],
      ['a', 'b'],
      ['self', 'self'],
      ['p', 'q'],
      ['q', 'p'],
      ['tail', 'missing'],
    ]);
    expect(findWhenCycles(next)).toEqual([
      ['b', 'c', 'a'],
      ['p', 'q'],
    ]);
  });

  it.each([1_000, 20_000])('a chain of %i questions takes a number of steps linear in its length', (n) => {
    const chain = links(Array.from({ length: n }, (_, i): [string, string | undefined] => [`q${i}`, i + 1 < n ? `q${i + 1}` : undefined]));
    expect(findWhenCycles(chain)).toEqual([]);
    expect(chain.lookups).toBeLessThanOrEqual(4 * n);
    // Reversed (every question waits for the one before it), and closed into one big cycle.
    const reversed = links(Array.from({ length: n }, (_, i): [string, string | undefined] => [`q${i}`, i > 0 ? `q${i - 1}` : undefined]));
    expect(findWhenCycles(reversed)).toEqual([]);
    expect(reversed.lookups).toBeLessThanOrEqual(4 * n);
    const cycle = links(Array.from({ length: n }, (_, i): [string, string | undefined] => [`q${i}`, `q${(i + 1) % n}`]));
    expect(findWhenCycles(cycle).map((c) => c.length)).toEqual([n]);
    expect(cycle.lookups).toBeLessThanOrEqual(4 * n);
  });
});
