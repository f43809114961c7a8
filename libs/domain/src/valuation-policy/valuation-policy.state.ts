import type { ContributionKind } from '../contribution';

export interface RateVersion {
  readonly entry: 'rate';
  readonly version: number;
  readonly kind: ContributionKind;
  readonly unit: string;
  readonly effectiveFrom: string;
  readonly rate: number;
  readonly currency: string;
  readonly source: string;
}

export interface RateRetirement {
  readonly entry: 'retirement';
  readonly version: number;
  readonly kind: ContributionKind;
  readonly unit: string;
  readonly effectiveFrom: string;
  readonly reason: string;
}

export type PolicyEntry = RateVersion | RateRetirement;

/** Plain data: every entry ever set, in the order it was set (never rewritten). */
export interface ValuationPolicyState {
  readonly status: 'none' | 'defined';
  readonly policyId?: string;
  readonly name?: string;
  readonly currency?: string;
  readonly entries: readonly PolicyEntry[];
}

export const initialValuationPolicyState = (): ValuationPolicyState => ({
  status: 'none',
  entries: [],
});

/** The entry of this (kind, unit) that took effect last on or before `date` (YYYY-MM-DD). */
export function entryInForce(
  state: ValuationPolicyState,
  kind: ContributionKind,
  unit: string,
  date: string,
): PolicyEntry | undefined {
  let inForce: PolicyEntry | undefined;
  for (const entry of state.entries) {
    if (entry.kind !== kind || entry.unit !== unit || entry.effectiveFrom > date) continue;
    if (!inForce || entry.effectiveFrom > inForce.effectiveFrom) inForce = entry;
  }
  return inForce;
}

/** The rate version in force on `date`, or undefined when none was set yet or it was retired. */
export function rateInForce(
  state: ValuationPolicyState,
  kind: ContributionKind,
  unit: string,
  date: string,
): RateVersion | undefined {
  const entry = entryInForce(state, kind, unit, date);
  return entry?.entry === 'rate' ? entry : undefined;
}
