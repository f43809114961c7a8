import type { ContributionKind } from '../contribution';

export type ValuationPolicyEvent =
  | {
      type: 'ValuationPolicyDefined';
      /** `currency` is the one every value is expressed in (ISO 4217, e.g. EUR). */
      data: { policyId: string; name: string; currency: string };
    }
  | {
      /**
       * A new version of the rate of one (kind, unit), in force from `effectiveFrom` until the next
       * version of that pair. Earlier versions stay: re-valuing never rewrites history.
       */
      type: 'ValuationRateSet';
      data: {
        policyId: string;
        /** Position of this entry in the policy (1, 2, …), so a value can cite its rate. */
        version: number;
        kind: ContributionKind;
        unit: string;
        effectiveFrom: string;
        /** Value of one unit, in `currency`. */
        rate: number;
        currency: string;
        /** Where the rate comes from (a study, a decision), for auditors. */
        source: string;
      };
    }
  | {
      /** From `effectiveFrom`, this (kind, unit) is no longer valued, until a newer rate is set. */
      type: 'ValuationRateRetired';
      data: {
        policyId: string;
        version: number;
        kind: ContributionKind;
        unit: string;
        effectiveFrom: string;
        reason: string;
      };
    };
