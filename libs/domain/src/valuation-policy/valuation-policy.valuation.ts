import type { ContributionKind } from '../contribution';
import { rateInForce, type ValuationPolicyState } from './valuation-policy.state';

export interface ValuedContribution {
  readonly kind: ContributionKind;
  readonly quantity: number;
  readonly unit: string;
  /** YYYY-MM-DD: the rate in force on that day applies. */
  readonly date: string;
}

export interface ContributionValue {
  /** In `currency`, rounded to the cent (half away from zero). */
  readonly amount: number;
  readonly currency: string;
  readonly rate: number;
  /** The policy entry whose rate was applied; null for money already in the policy currency. */
  readonly rateVersion: number | null;
}

/**
 * Monetary value of a contribution under a policy, as of the contribution's date; undefined
 * when no rate is in force for its (kind, unit) that day. Pure: projections call it again with
 * a newer policy to re-value without touching the recorded contributions.
 */
export function valueContribution(
  contribution: ValuedContribution,
  policy: ValuationPolicyState,
): ContributionValue | undefined {
  const { kind, quantity, unit, date } = contribution;
  const { currency } = policy;
  if (policy.status === 'none' || currency === undefined) return undefined;
  if (!Number.isFinite(quantity)) return undefined;
  if (kind === 'money' && unit === currency) {
    return { amount: multiplyToCents(quantity, 1), currency, rate: 1, rateVersion: null };
  }
  const rate = rateInForce(policy, kind, unit, date);
  if (!rate) return undefined;
  return {
    amount: multiplyToCents(quantity, rate.rate),
    currency,
    rate: rate.rate,
    rateVersion: rate.version,
  };
}

/**
 * quantity × rate rounded to the cent, computed on exact decimals: 1.15 × 100 is 114.99999… in
 * floating point, so each operand is read as the decimal it prints as and multiplied exactly:
 * in whole hundredths when both have two decimals at most (most quantities and rates, and a
 * report values thousands of them), in BigInt otherwise.
 */
export function multiplyToCents(quantity: number, rate: number): number {
  const q = hundredthsOf(quantity);
  const r = hundredthsOf(rate);
  const product = q === undefined || r === undefined ? undefined : q * r;
  if (product !== undefined && Number.isSafeInteger(product)) {
    // product is the exact value × 10,000: whole cents, half away from zero.
    const magnitude = Math.abs(product);
    const remainder = magnitude % 100;
    const cents = (magnitude - remainder) / 100 + (remainder >= 50 ? 1 : 0);
    return (product < 0 ? -cents : cents) / 100;
  }
  return multiplyDecimals(quantity, rate);
}

/**
 * value × 100 when the value has two decimals at most (it is the double nearest to that many
 * hundredths, so it prints as them), else undefined.
 */
function hundredthsOf(value: number): number | undefined {
  const hundredths = Math.round(value * 100);
  return Number.isSafeInteger(hundredths) && hundredths / 100 === value ? hundredths : undefined;
}

/** multiplyToCents on any decimals, in BigInt. */
export function multiplyDecimals(quantity: number, rate: number): number {
  const q = toDecimal(quantity);
  const r = toDecimal(rate);
  const hundredths = q.digits * r.digits * 100n;
  const divisor = 10n ** BigInt(q.scale + r.scale);
  const negative = hundredths < 0n;
  const magnitude = negative ? -hundredths : hundredths;
  const cents = (magnitude * 2n + divisor) / (2n * divisor);
  // Parsed from its decimal text, so the result is the double nearest to the exact cents.
  const text = `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
  return Number(negative ? `-${text}` : text);
}

/** `value` = digits × 10^-scale, from the shortest decimal that round-trips to the number. */
function toDecimal(value: number): { digits: bigint; scale: number } {
  const [mantissa, exponentText] = String(value).toLowerCase().split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const scale = fraction.length - Number(exponentText ?? 0);
  const digits = BigInt(whole + fraction);
  if (scale >= 0) return { digits, scale };
  return { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}
