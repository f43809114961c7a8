export const INDICATOR_UNIT_KINDS = ['count', 'percent', 'ratio', 'likert'] as const;
export type IndicatorUnitKind = (typeof INDICATOR_UNIT_KINDS)[number];

/**
 * What a value means, and so which values are possible. A likert unit carries its scale so that
 * "4" is read against 1..5 or 0..10 without guessing; a likert value is usually the mean of the
 * answers, so it may be fractional as long as it stays within the scale.
 */
export type IndicatorUnit =
  | { kind: 'count' }
  | { kind: 'percent' }
  | { kind: 'ratio' }
  | { kind: 'likert'; scale: { min: number; max: number } };

export const INDICATOR_DIRECTIONS = ['up', 'down'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_FREQUENCIES = [
  'monthly',
  'quarterly',
  'semiannual',
  'annual',
  'ad_hoc',
] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];

/** A value as it stood (baseline) or should stand (target) on a calendar date `YYYY-MM-DD`. */
export interface DatedValue {
  value: number;
  date: string;
}

/**
 * The days a measurement covers, both inclusive (`YYYY-MM-DD`). Chosen over labels like
 * `2026-Q1` because ad hoc surveys and fiscal quarters do not fit calendar labels, and because
 * overlap between two periods can be decided from the dates alone.
 */
export interface MeasurementPeriod {
  from: string;
  to: string;
}

/** One cell of a breakdown, e.g. `{ dimensions: { neighbourhood: 'Les Tilleuls' }, value: 41 }`. */
export interface DisaggregatedValue {
  dimensions: Record<string, string>;
  value: number;
}

export type IndicatorEvent =
  | {
      type: 'IndicatorDefined';
      data: {
        indicatorId: string;
        partnershipId: string;
        code: string;
        name: string;
        unit: IndicatorUnit;
        baseline: DatedValue;
        target: DatedValue;
        direction: IndicatorDirection;
        frequency: IndicatorFrequency;
        /** Dimensions along which measurements may be broken down, e.g. `['neighbourhood']`. */
        dimensions: string[];
        /** The partnership objective whose progress it measures (the results chain), if any. */
        objectiveId?: string;
      };
    }
  | {
      type: 'MeasurementRecorded';
      data: {
        indicatorId: string;
        measurementId: string;
        period: MeasurementPeriod;
        value: number;
        disaggregation: DisaggregatedValue[];
        /** Where the figure comes from (survey, register, …). */
        source: string;
        /** How a third party can check it (report, dataset, minutes, …). */
        meansOfVerification: string;
      };
    }
  | {
      /** The recorded measurement stays in the log; this event supersedes its value. */
      type: 'MeasurementCorrected';
      data: {
        indicatorId: string;
        measurementId: string;
        value: number;
        /** When present, replaces the whole breakdown; when absent, the breakdown stands. */
        disaggregation?: DisaggregatedValue[];
        reason: string;
      };
    }
  | { type: 'IndicatorRetired'; data: { indicatorId: string; reason: string } };
