import type { ContributionKind } from '../contribution';
import type { Command } from '../decider';

export type ValuationPolicyCommand =
  | Command<'DefineValuationPolicy', { policyId: string; name: string; currency: string }>
  | Command<
      'SetValuationRate',
      {
        policyId: string;
        kind: ContributionKind;
        unit: string;
        effectiveFrom: string;
        rate: number;
        currency: string;
        source: string;
      }
    >
  | Command<
      'RetireValuationRate',
      {
        policyId: string;
        kind: ContributionKind;
        unit: string;
        effectiveFrom: string;
        reason: string;
      }
    >;
