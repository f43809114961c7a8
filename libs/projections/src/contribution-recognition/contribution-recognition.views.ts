import type { ContributionKind, ContributionStatus, PolicyEntry } from '@cohesion/domain';

export type ContributionStatusView = Exclude<ContributionStatus, 'none'>;

/** What a contribution is worth under the policy asked about, in integer cents. */
export interface ContributionValueView {
  readonly amountCents: number;
  readonly currency: string;
  readonly rate: number;
  /** The policy entry whose rate applied; null for money in the policy currency (face value). */
  readonly rateVersion: number | null;
}

export interface RecognisedContributionView {
  readonly contributionId: string;
  /** Log position at which it was recorded. */
  readonly position: number;
  readonly partnershipId: string;
  readonly partnerId: string;
  readonly kind: ContributionKind;
  readonly quantity: number;
  readonly unit: string;
  readonly date: string;
  readonly description: string;
  readonly commitmentId: string | null;
  readonly status: ContributionStatusView;
  readonly acknowledgedBy: readonly string[];
  readonly recordedAt: string;
  /** Recorded long after its date (back-filled), and why. */
  readonly backfilled: boolean;
  readonly backfillReason: string | null;
  readonly reversedAt: string | null;
  readonly reversalReason: string | null;
  /** Null without a policy, or when no rate of it was in force for its kind and unit that day. */
  readonly value: ContributionValueView | null;
}

/** The policy a report was valued under. */
export interface ValuationView {
  readonly policyId: string;
  readonly name: string;
  readonly currency: string;
}

/**
 * Why a report was valued under its policy: named in the query, the partnership's default, or
 * the ledger-wide policy `default`.
 */
export type ValuationChoice = 'named' | 'partnership-default' | 'ledger-default';

/** The policy a report was valued under, and why that one. */
export interface ChosenValuationView extends ValuationView {
  readonly chosenBy: ValuationChoice;
}

/** A valuation policy as defined, with every entry ever set in it (never rewritten). */
export interface ValuationPolicyView extends ValuationView {
  /** When the ledger recorded its definition. */
  readonly definedAt: string;
  /** Rate versions and retirements, in the order they were set (`version` 1, 2, …). */
  readonly entries: readonly PolicyEntry[];
}

/** A rate version applied in a report, and to how many contributions. */
export interface RateUsedView {
  /** Null for money at face value. */
  readonly version: number | null;
  readonly kind: ContributionKind;
  readonly unit: string;
  readonly effectiveFrom: string | null;
  readonly rate: number;
  readonly currency: string;
  readonly source: string;
  readonly contributions: number;
}

export interface KindUnitTotalView {
  readonly kind: ContributionKind;
  readonly unit: string;
  readonly contributions: number;
  /** Sum of the raw quantities, in `unit`. */
  readonly quantity: number;
  /** Sum of the values found; null without a policy. */
  readonly valueCents: number | null;
  /** How many had no rate in force: their value is missing from `valueCents`. */
  readonly unvalued: number;
}

/** Totals of the contributions that count: reversed ones are excluded. */
export interface RecognitionTotalsView {
  readonly contributions: number;
  readonly valueCents: number | null;
  readonly unvalued: number;
  readonly byKindAndUnit: readonly KindUnitTotalView[];
}

export interface ReversedContributionView {
  readonly contributionId: string;
  readonly partnershipId: string;
  readonly kind: ContributionKind;
  readonly quantity: number;
  readonly unit: string;
  readonly date: string;
  readonly description: string;
  readonly reversedAt: string | null;
  readonly reason: string | null;
}

/** One partner's recognition in one partnership (or across all, in a partner's report). */
export interface PartnerRecognitionView {
  readonly partnerId: string;
  readonly name: string | null;
  readonly member: boolean;
  readonly totals: RecognitionTotalsView;
  /** Its value ÷ the partnership's; null without a policy or when the total is nil. */
  readonly share: number | null;
  readonly acknowledgementsReceived: number;
  readonly acknowledgedContributions: number;
  /** Listed, not counted. */
  readonly reversed: readonly ReversedContributionView[];
}

export interface RecognitionFilterView {
  readonly from: string | null;
  readonly to: string | null;
  readonly kind: ContributionKind | null;
}

/** What was given in one month (of the days given), for a time series. */
export interface MonthTotalsView {
  /** YYYY-MM */
  readonly month: string;
  readonly totals: RecognitionTotalsView;
}

export interface PartnershipRecognitionView {
  readonly partnershipId: string;
  readonly name: string | null;
  readonly filter: RecognitionFilterView;
  readonly valuation: ValuationView | null;
  readonly totals: RecognitionTotalsView;
  readonly partners: readonly PartnerRecognitionView[];
  /** The counted contributions month by month, oldest first; months with none are left out. */
  readonly byMonth: readonly MonthTotalsView[];
  readonly ratesUsed: readonly RateUsedView[];
}

export interface PartnerRecognitionInPartnershipView
  extends Omit<PartnerRecognitionView, 'partnerId'> {
  readonly partnershipId: string;
  readonly partnershipName: string | null;
}

export interface PartnerRecognitionReportView {
  readonly partnerId: string;
  readonly filter: RecognitionFilterView;
  readonly valuation: ValuationView | null;
  readonly totals: RecognitionTotalsView;
  readonly partnerships: readonly PartnerRecognitionInPartnershipView[];
  readonly ratesUsed: readonly RateUsedView[];
}

export interface EquityPartnerView {
  readonly partnerId: string;
  readonly name: string | null;
  readonly member: boolean;
  readonly valueCents: number | null;
  readonly contributionShare: number | null;
  /** Commitments it made (not withdrawn), due within the period when one is given. */
  readonly commitments: number;
  readonly commitmentShare: number | null;
  /** Its current responsibilities in the partnership. */
  readonly responsibilities: readonly string[];
  readonly responsibilityShare: number | null;
  /** contributionShare − commitmentShare: above 0, it gives more than its share of promises. */
  readonly balance: number | null;
}

/** Whose values the Gini coefficient is of: every partner listed, or those who gave something valued. */
export const GINI_POPULATIONS = ['listed', 'contributors'] as const;
export type GiniPopulation = (typeof GINI_POPULATIONS)[number];

export interface GiniPopulationView {
  readonly over: GiniPopulation;
  /** How many values it is of. */
  readonly partners: number;
  /** Of them, how many gave nothing valued (counted as 0). */
  readonly zeros: number;
}

export interface PartnershipEquityView {
  readonly partnershipId: string;
  readonly name: string | null;
  readonly filter: RecognitionFilterView;
  readonly valuation: ValuationView | null;
  readonly totalValueCents: number | null;
  /** Of the partners' contribution values over `giniPopulation`; null without value. */
  readonly gini: number | null;
  readonly giniPopulation: GiniPopulationView | null;
  readonly partners: readonly EquityPartnerView[];
  readonly ratesUsed: readonly RateUsedView[];
}
