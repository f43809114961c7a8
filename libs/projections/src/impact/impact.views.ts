import type { BackfillMark } from '../projection-kit';
import type { PersonalText } from '../sql-kit';
import type {
  ActionReference,
  DatedValue,
  FeedbackChannel,
  FeedbackStatus,
  FeedbackSubject,
  IndicatorDirection,
  IndicatorFrequency,
  IndicatorUnit,
  MeasurementPeriod,
  SubmitterCategory,
} from '@cohesion/domain';

/** One cell of a breakdown, with its own progress against the indicator's baseline and target. */
export interface CellView {
  readonly dimensions: Readonly<Record<string, string>>;
  readonly value: number;
  readonly progress: number | null;
}

/** A value a measurement had: version 0 as recorded, then one per correction. */
export interface MeasurementVersionView {
  readonly version: number;
  readonly value: number;
  readonly disaggregation: readonly CellView[];
  /** Why it was corrected; `null` for the value as first recorded. */
  readonly reason: string | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** A measurement as it stands now, after any corrections. */
export interface MeasurementView extends BackfillMark {
  readonly measurementId: string;
  readonly period: MeasurementPeriod;
  readonly value: number;
  readonly progress: number | null;
  readonly corrections: number;
  readonly source: string;
  readonly meansOfVerification: string;
  readonly disaggregation: readonly CellView[];
  readonly recordedAt: string;
  readonly correctedAt: string | null;
}

export interface MeasurementWithHistoryView extends MeasurementView {
  /** Every value it had, oldest first; the last is the current one. */
  readonly history: readonly MeasurementVersionView[];
}

export interface IndicatorView {
  readonly indicatorId: string;
  readonly partnershipId: string;
  readonly code: string;
  readonly name: string;
  readonly status: 'defined' | 'retired';
  readonly unit: IndicatorUnit;
  readonly direction: IndicatorDirection;
  readonly frequency: IndicatorFrequency;
  readonly dimensions: readonly string[];
  readonly baseline: DatedValue;
  readonly target: DatedValue;
  readonly definedAt: string;
  readonly retiredAt: string | null;
  readonly retirementReason: string | null;
  /** How many measurements were recorded. */
  readonly measurements: number;
  /** The measurement of the most recent period; `null` before the first. */
  readonly latest: MeasurementView | null;
  /** (latest − baseline) / (target − baseline); `null` before the first measurement. */
  readonly progress: number | null;
  /** The indicator stream's revision the row reflects. */
  readonly revision: string;
}

export interface IndicatorDetailView extends IndicatorView {
  /** Every measurement in period order, each with the values it had. */
  readonly series: readonly MeasurementWithHistoryView[];
}

/** Feedback without the submitter's contact details (personal data, never projected). */
export interface FeedbackView extends BackfillMark {
  readonly feedbackId: string;
  readonly partnershipId: string;
  readonly subject: FeedbackSubject;
  readonly rating: number | null;
  /** Sealed for its author (opened when served), or in clear for feedback from before sealing. */
  readonly text: PersonalText;
  readonly channel: FeedbackChannel;
  readonly submitterCategory: SubmitterCategory;
  /** Whether the submitter left a way to be reached (the contact itself is not served here). */
  readonly hasContact: boolean;
  readonly status: Exclude<FeedbackStatus, 'none'>;
  readonly submittedAt: string;
  /** The day it was given (effective date). */
  readonly submittedOn: string;
  /** Log position of the submission: the list's order. */
  readonly position: string;
  readonly acknowledged: { readonly at: string; readonly by: string } | null;
  readonly actedOn: {
    readonly at: string;
    readonly by: string;
    readonly action: string;
    readonly references: readonly ActionReference[];
  } | null;
}

export interface FeedbackSummaryView {
  readonly received: number;
  readonly byStatus: Readonly<Record<Exclude<FeedbackStatus, 'none'>, number>>;
  readonly byChannel: Readonly<Record<FeedbackChannel, number>>;
  readonly byCategory: Readonly<Record<SubmitterCategory, number>>;
  /** How many gave each rating, 1 (poor) to 5 (very good). */
  readonly ratings: Readonly<Record<'1' | '2' | '3' | '4' | '5', number>>;
  readonly rated: number;
  /** Mean of the ratings given; `null` when none was. */
  readonly averageRating: number | null;
  readonly actedOn: number;
  /** Acted on ÷ received; `null` when nothing was received. */
  readonly actedOnRatio: number | null;
}

export interface IndicatorsSummaryView {
  readonly total: number;
  readonly defined: number;
  readonly retired: number;
  /** Indicators with at least one measurement. */
  readonly measured: number;
  readonly items: readonly IndicatorView[];
}

export interface PartnershipImpactView {
  readonly partnershipId: string;
  readonly indicators: IndicatorsSummaryView;
  readonly feedback: FeedbackSummaryView;
}
