import fc from 'fast-check';
import { multiplyDecimals, multiplyToCents } from './valuation-policy.valuation';

/** A number of two decimals at most, as quantities and rates mostly are (-10⁹ to 10⁹). */
const twoDecimals = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map((n) => n / 100);
/** Any decimal of up to six places, or any finite double. */
const anyAmount = fc.oneof(
  fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }).map((n) => n / 1_000_000),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
);

describe('multiplying a quantity by a rate to the cent', () => {
  it('in whole hundredths, gives exactly what the decimal computation in BigInt gives', () =>
    fc.assert(
      fc.property(twoDecimals, twoDecimals, (quantity, rate) => {
        expect(Object.is(multiplyToCents(quantity, rate), multiplyDecimals(quantity, rate))).toBe(
          true,
        );
      }),
      { numRuns: 20_000 },
    ));

  it('whatever the operands, gives what the decimal computation in BigInt gives', () =>
    fc.assert(
      fc.property(fc.oneof(twoDecimals, anyAmount), anyAmount, (quantity, rate) => {
        expect(Object.is(multiplyToCents(quantity, rate), multiplyDecimals(quantity, rate))).toBe(
          true,
        );
      }),
      { numRuns: 5_000 },
    ));

  it('rounds half away from zero on the cent', () => {
    expect(multiplyToCents(0.5, 0.01)).toBe(0.01);
    expect(multiplyToCents(-0.5, 0.01)).toBe(-0.01);
    expect(multiplyToCents(0.49, 0.01)).toBe(0);
    expect(multiplyToCents(12.34, 56.78)).toBe(700.67);
  });
});
