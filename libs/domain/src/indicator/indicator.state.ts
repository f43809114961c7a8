import type {
  DatedValue,
  DisaggregatedValue,
  IndicatorDirection,
  IndicatorFrequency,
  IndicatorUnit,
  MeasurementPeriod,
} from './indicator.events';

/** Measurements do not change the status: an indicator stays `defined` until it is retired. */
export type IndicatorStatus = 'none' | 'defined' | 'retired';

export interface IndicatorDefinition {
  readonly partnershipId: string;
  readonly code: string;
  readonly name: string;
  readonly unit: IndicatorUnit;
  readonly baseline: DatedValue;
  readonly target: DatedValue;
  readonly direction: IndicatorDirection;
  readonly frequency: IndicatorFrequency;
  readonly dimensions: readonly string[];
  readonly objectiveId?: string;
}

/** A measurement as it stands now, after any corrections (the log keeps every earlier value). */
export interface Measurement {
  readonly period: MeasurementPeriod;
  readonly value: number;
  readonly disaggregation: readonly DisaggregatedValue[];
  readonly source: string;
  readonly meansOfVerification: string;
  readonly corrections: number;
}

/** Plain data (no Map) so that the state can be served as JSON as it stood at any revision. */
export interface IndicatorState {
  readonly status: IndicatorStatus;
  readonly indicatorId?: string;
  readonly definition?: IndicatorDefinition;
  /** By measurement id, in the order they were recorded. */
  readonly measurements: Readonly<Record<string, Measurement>>;
  readonly retirementReason?: string;
}

export const initialIndicatorState = (): IndicatorState => ({
  status: 'none',
  measurements: {},
});
