import type { ObjectiveStatus } from '@cohesion/domain';
import type { CommitmentStatusView } from '../accountability/accountability.views';
import type {
  RateUsedView,
  RecognitionTotalsView,
  ValuationView,
} from '../contribution-recognition/contribution-recognition.views';
import type { IndicatorView, MeasurementView } from '../impact/impact.views';

/** An objective of a partnership as it stands now. */
export interface ObjectiveHeadingView {
  readonly objectiveId: string;
  readonly title: string;
  readonly status: ObjectiveStatus;
  readonly targetDate: string | null;
}

/** A commitment made toward an objective: who promised what, where it stands, what came of it. */
export interface CommitmentTowardView {
  readonly commitmentId: string;
  readonly partnerId: string;
  readonly partnerName: string | null;
  /** The terms in force. */
  readonly what: string;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly dueDate: string;
  readonly status: CommitmentStatusView;
  /** Open with its due date passed today. */
  readonly overdue: boolean;
  /** Sum of the confirmed fulfilment claims, in `unit`: what was delivered against `quantity`. */
  readonly delivered: number;
  readonly confirmedClaims: number;
  /** The contributions recorded toward it (reversed ones left out), valued under the policy. */
  readonly contributed: RecognitionTotalsView;
}

/** An indicator measuring an objective: from its baseline toward its target, as last measured. */
export interface IndicatorMovementView
  extends Pick<
    IndicatorView,
    | 'indicatorId'
    | 'code'
    | 'name'
    | 'status'
    | 'unit'
    | 'direction'
    | 'baseline'
    | 'target'
    | 'measurements'
    | 'progress'
  > {
  /** The measurement of the most recent period, without its breakdown; null before the first. */
  readonly latest: Pick<MeasurementView, 'measurementId' | 'period' | 'value'> | null;
}

/** One objective's results chain: commitments → deliveries and contributions → indicators. */
export interface ObjectiveResultsView extends ObjectiveHeadingView {
  readonly commitments: readonly CommitmentTowardView[];
  /** Every contribution toward those commitments, added up by kind and unit. */
  readonly contributed: RecognitionTotalsView;
  readonly indicators: readonly IndicatorMovementView[];
}

export interface PartnershipResultsChainView {
  readonly partnershipId: string;
  readonly name: string | null;
  readonly valuation: ValuationView | null;
  /** In the order they were set. */
  readonly objectives: readonly ObjectiveResultsView[];
  readonly ratesUsed: readonly RateUsedView[];
}

export interface ObjectiveResultsReportView extends ObjectiveResultsView {
  readonly partnershipId: string;
  readonly partnershipName: string | null;
  readonly valuation: ValuationView | null;
  readonly ratesUsed: readonly RateUsedView[];
}

/** What one partner committed and gave toward one objective. */
export interface PartnerObjectiveView extends ObjectiveHeadingView {
  /** Its commitments toward the objective (any status). */
  readonly commitmentIds: readonly string[];
  readonly contributed: RecognitionTotalsView;
}

export interface PartnerResultsInPartnershipView {
  readonly partnershipId: string;
  readonly partnershipName: string | null;
  readonly objectives: readonly PartnerObjectiveView[];
  /** Contributions serving no objective: given outside any commitment, or toward one linked to none. */
  readonly unlinked: RecognitionTotalsView;
}

/** What a partner's contributions went toward, objective by objective, in every partnership. */
export interface PartnerResultsChainView {
  readonly partnerId: string;
  readonly valuation: ValuationView | null;
  readonly totals: RecognitionTotalsView;
  readonly partnerships: readonly PartnerResultsInPartnershipView[];
  readonly ratesUsed: readonly RateUsedView[];
}
