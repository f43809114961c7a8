import fc from 'fast-check';
import { gini } from './gini';

/** The definition, in O(n²): mean absolute difference over all pairs, over twice the mean. */
function byDefinition(amounts: readonly number[]): number {
  const n = amounts.length;
  const mean = amounts.reduce((sum, x) => sum + x, 0) / n;
  let differences = 0;
  for (const x of amounts) for (const y of amounts) differences += Math.abs(x - y);
  return differences / (2 * n * n * mean);
}

describe('gini', () => {
  it('is 0 when every partner gives the same', () => {
    expect(gini([500, 500, 500])).toBe(0);
    expect(gini([7])).toBe(0);
  });

  it('is (n − 1) / n when one partner gives everything', () => {
    expect(gini([0, 0, 0, 1000])).toBe(0.75);
    expect(gini([1000, 0])).toBe(0.5);
  });

  it('matches known values', () => {
    expect(gini([1, 2, 3, 4, 5])).toBeCloseTo(4 / 15, 6);
    expect(gini([10, 20, 30])).toBeCloseTo(2 / 9, 6);
  });

  it('does not depend on the order or the scale of the amounts', () => {
    expect(gini([5, 1, 3])).toBe(gini([1, 3, 5]));
    expect(gini([100, 300, 500])).toBe(gini([1, 3, 5]));
  });

  it('is null when there is nothing to compare', () => {
    expect(gini([])).toBeNull();
    expect(gini([0, 0])).toBeNull();
  });

  it('refuses negative or non-finite amounts', () => {
    expect(() => gini([1, -1])).toThrow(RangeError);
    expect(() => gini([Number.NaN])).toThrow(RangeError);
    expect(() => gini([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it('agrees with the definition, and stays within [0, 1)', () =>
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 60 }),
        (amounts) => {
          const value = gini(amounts);
          if (amounts.every((x) => x === 0)) return value === null;
          return (
            value !== null &&
            value >= 0 &&
            value < 1 &&
            Math.abs(value - byDefinition(amounts)) < 1e-5
          );
        },
      ),
    ));
});
